using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>A-XDR encoding of the Data CHOICE (Green Book xDLMS Data, IEC 61334-6 A-XDR), byte for byte.</summary>
public class AxdrTests
{
    private static string Write(Action<AxdrWriter> write, int capacity = 300)
    {
        var buffer = new byte[capacity];
        var writer = new AxdrWriter();
        writer.Reset(buffer, 0, capacity);
        write(writer);
        Assert.False(writer.Overflow);
        return Hex.Of(buffer, 0, writer.Length);
    }

    [Fact]
    public void Every_simple_type_is_tag_then_big_endian_content()
    {
        Assert.Equal("00", Write(w => w.WriteNull()));
        Assert.Equal("03FF", Write(w => w.WriteBoolean(true)));
        Assert.Equal("0300", Write(w => w.WriteBoolean(false)));
        Assert.Equal("05FFFFFFFE", Write(w => w.WriteDoubleLong(-2)));
        Assert.Equal("0600BC614E", Write(w => w.WriteDoubleLongUnsigned(12345678)));
        Assert.Equal("0F80", Write(w => w.WriteInteger(-128)));
        Assert.Equal("10FFC4", Write(w => w.WriteLong(-60)));
        Assert.Equal("11FF", Write(w => w.WriteUnsigned(255)));
        Assert.Equal("121F40", Write(w => w.WriteLongUnsigned(8000)));
        Assert.Equal("14FFFFFFFFFFFFFFFF", Write(w => w.WriteLong64(-1)));
        Assert.Equal("15FFFFFFFFFFFFFFFF", Write(w => w.WriteLong64Unsigned(ulong.MaxValue)));
        Assert.Equal("161E", Write(w => w.WriteEnum(30)));
        Assert.Equal("0903010203", Write(w => w.WriteOctetString(new byte[] { 1, 2, 3 }, 0, 3)));
        Assert.Equal("0A024142", Write(w => w.WriteVisibleString("AB")));
        Assert.Equal("040AC040", Write(w => w.WriteBitString(new byte[] { 0xC0, 0x40 }, 0, 10))); // length in bits
    }

    [Fact]
    public void Arrays_and_structures_nest_with_their_element_counts()
    {
        // structure { integer -1, enum 30 }: the Blue Book scaler_unit of a Register.
        Assert.Equal("02020FFF161E", Write(w => { w.WriteStructure(2); w.WriteInteger(-1); w.WriteEnum(30); }));
        Assert.Equal("010211011102", Write(w => { w.WriteArray(2); w.WriteUnsigned(1); w.WriteUnsigned(2); }));
    }

    [Fact]
    public void Date_time_is_an_octet_string_of_12()
    {
        // 2026-12-05, Saturday (6), 12:30:00.00, deviation -60 min, status 0 (Blue Book date-time).
        Assert.Equal("090C07EA0C05060C1E0000FFC400", Write(w => w.WriteDateTime(2026, 12, 5, 6, 12, 30, 0, 0, -60, 0)));
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8180")]
    [InlineData(255, "81FF")]
    [InlineData(256, "820100")]
    [InlineData(65535, "82FFFF")]
    [InlineData(65536, "8400010000")]
    public void Lengths_use_the_short_form_below_128_and_the_long_form_above(int length, string expected)
    {
        Assert.Equal(expected, Write(w => w.WriteLength(length)));
        if (length > 65535) return;
        var reader = new AxdrReader();
        var bytes = Hex.Bytes(expected);
        reader.Reset(bytes, 0, bytes.Length);
        Assert.Equal(length, reader.ReadLength());
        Assert.Equal(AxdrError.None, reader.Error);
    }

    [Fact]
    public void A_long_octet_string_round_trips_with_a_two_byte_length()
    {
        var content = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        string hex = Write(w => w.WriteOctetString(content, 0, 300), 400);
        Assert.StartsWith("0982012C", hex);
        var bytes = Hex.Bytes(hex);
        var reader = new AxdrReader();
        reader.Reset(bytes, 0, bytes.Length);
        var copy = new byte[300];
        Assert.Equal(300, reader.ReadString(AxdrType.OctetString, copy, 0, 300));
        Assert.Equal(content, copy);
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Writing_past_the_capacity_sets_overflow_and_stops()
    {
        var buffer = new byte[5];
        var writer = new AxdrWriter();
        writer.Reset(buffer, 1, 3);
        writer.WriteDoubleLongUnsigned(1);
        Assert.True(writer.Overflow);
        Assert.True(writer.Length <= 3);
        Assert.Equal(0, buffer[4]); // nothing beyond the region
        writer.Rewind(1);
        Assert.False(writer.Overflow);
        writer.WriteEnum(1);
        Assert.Equal("1601", Hex.Of(buffer, 1, 2));
    }

    [Fact]
    public void Integers_of_every_type_are_read_with_their_sign()
    {
        var bytes = Hex.Bytes("0F80 10FFC4 05FFFFFFFE 11FF 121F40 0600BC614E 147FFFFFFFFFFFFFFF 161E".Replace(" ", ""));
        var reader = new AxdrReader();
        reader.Reset(bytes, 0, bytes.Length);
        long[] expected = { -128, -60, -2, 255, 8000, 12345678, long.MaxValue, 30 };
        foreach (long e in expected) Assert.Equal(e, reader.ReadInteger());
        Assert.Equal(AxdrError.None, reader.Error);
    }

    [Theory]
    [InlineData("06000001", AxdrError.Truncated)]              // double-long-unsigned with 3 bytes
    [InlineData("0905010203", AxdrError.Truncated)]            // octet-string shorter than its length
    [InlineData("0985000000000001", AxdrError.BadLength)]      // 5 length bytes
    [InlineData("098001", AxdrError.BadLength)]                // indefinite form
    [InlineData("07", AxdrError.UnknownType)]                  // tag 7 is not a Data choice here
    [InlineData("0103110111", AxdrError.Truncated)]            // array of 3 with 2 elements
    [InlineData("01010101010101010101010101010101010100", AxdrError.NestingTooDeep)] // 9 nested arrays
    [InlineData("017F", AxdrError.Truncated)]                  // 127 elements announced, none there
    [InlineData("01FF", AxdrError.BadLength)]                  // 0xFF: long form with 127 length bytes
    [InlineData("", AxdrError.Truncated)]
    public void Malformed_data_is_refused_with_a_specific_error(string hex, AxdrError error)
    {
        var bytes = Hex.Bytes(hex);
        var reader = new AxdrReader();
        reader.Reset(bytes, 0, bytes.Length);
        Assert.False(reader.SkipData());
        Assert.Equal(error, reader.Error);
    }

    [Fact]
    public void Asking_for_another_type_is_a_type_mismatch_and_later_reads_fail_too()
    {
        var bytes = Hex.Bytes("0A0141 1601".Replace(" ", ""));
        var reader = new AxdrReader();
        reader.Reset(bytes, 0, bytes.Length);
        Assert.Equal(0, reader.ReadInteger(AxdrType.DoubleLongUnsigned));
        Assert.Equal(AxdrError.TypeMismatch, reader.Error);
        Assert.Equal(-1, reader.ReadByte());
        Assert.Equal(AxdrError.TypeMismatch, reader.Error); // the first error sticks
    }

    [Fact]
    public void A_long64_unsigned_above_long_max_is_out_of_range_and_a_short_destination_too()
    {
        var bytes = Hex.Bytes("158000000000000000");
        var reader = new AxdrReader();
        reader.Reset(bytes, 0, bytes.Length);
        reader.ReadInteger();
        Assert.Equal(AxdrError.ValueOutOfRange, reader.Error);
        bytes = Hex.Bytes("0903010203");
        reader.Reset(bytes, 0, bytes.Length);
        Assert.Equal(-1, reader.ReadString(AxdrType.OctetString, new byte[2], 0, 2));
        Assert.Equal(AxdrError.ValueOutOfRange, reader.Error);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(62056);
        var reader = new AxdrReader();
        var buffer = new byte[64];
        for (int n = 0; n < 200_000; n++)
        {
            int length = random.Next(0, 64);
            random.NextBytes(buffer);
            if (n % 2 == 0) buffer[0] = (byte)random.Next(0, 23);
            reader.Reset(buffer, 0, length);
            bool ok = reader.SkipData();
            Assert.True(ok == (reader.Error == AxdrError.None));
            Assert.True(reader.Position <= length);
        }
    }
}
