using CsCheck;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class CodecTests
{
    [Fact]
    public void Crc32_of_the_standard_check_string_is_CBF43926()
    {
        // CRC-32/ISO-HDLC catalogue check value: CRC of ASCII "123456789" = 0xCBF43926.
        byte[] data = "123456789"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Crc32_respects_offset_and_count()
    {
        byte[] data = "xx123456789yy"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 2, 9));
    }

    /// <summary>CRC-32 by its definition, one bit at a time (reflected 0xEDB88320, init and final XOR all ones).</summary>
    private static uint BitwiseCrc32(byte[] data, int offset, int count)
    {
        uint crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }

    [Fact]
    public void Crc32_equals_the_bitwise_definition_for_any_offset_and_length()
    {
        // Lengths 0..600 cover every remainder mod 4 of the four-bytes-a-turn loop, offsets any alignment.
        Gen.Byte.Array[0, 700].SelectMany(d => Gen.Int[0, d.Length].SelectMany(o => Gen.Int[0, d.Length - o].Select(c => (d, o, c))))
            .Sample(t => Assert.Equal(BitwiseCrc32(t.d, t.o, t.c), Crc32.Compute(t.d, t.o, t.c)), iter: 2000);
    }

    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(127L, new byte[] { 0x7F })]
    [InlineData(128L, new byte[] { 0x80, 0x01 })] // 128 = 1·2^7 + 0
    [InlineData(300L, new byte[] { 0xAC, 0x02 })] // 300 = 2·128 + 44; 44|0x80 = 0xAC
    [InlineData(624485L, new byte[] { 0xE5, 0x8E, 0x26 })] // the LEB128 example of the DWARF spec
    public void VarUInt_matches_hand_encoded_LEB128(long value, byte[] expected)
    {
        var buffer = new byte[ByteCodec.MaxVarIntBytes];
        int end = ByteCodec.WriteVarUInt(buffer, 0, value);
        Assert.Equal(expected, buffer[..end]);
        Assert.Equal(expected.Length, ByteCodec.VarUIntLength(value));
        Assert.Equal(end, ByteCodec.ReadVarUInt(buffer, 0, end, out long back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void VarUInt_round_trips_every_non_negative_long()
    {
        Gen.Long[0, long.MaxValue].Sample(value =>
        {
            var buffer = new byte[ByteCodec.MaxVarIntBytes];
            int end = ByteCodec.WriteVarUInt(buffer, 0, value);
            return end == ByteCodec.VarUIntLength(value)
                && ByteCodec.ReadVarUInt(buffer, 0, end, out long back) == end && back == value;
        });
    }

    [Fact]
    public void VarUInt_rejects_negative_values_and_truncated_input()
    {
        var buffer = new byte[ByteCodec.MaxVarIntBytes];
        Assert.Throws<ArgumentException>(() => ByteCodec.WriteVarUInt(buffer, 0, -1));
        byte[] truncated = { 0x80, 0x80 }; // continuation bits set, no final byte
        Assert.Equal(-1, ByteCodec.ReadVarUInt(truncated, 0, truncated.Length, out _));
    }

    [Fact]
    public void Fixed_width_integers_are_little_endian()
    {
        var buffer = new byte[8];
        ByteCodec.WriteInt64(buffer, 0, 0x0102030405060708L);
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, buffer);
        Assert.Equal(0x0102030405060708L, ByteCodec.ReadInt64(buffer, 0));
        ByteCodec.WriteInt64(buffer, 0, -2);
        Assert.Equal(-2, ByteCodec.ReadInt64(buffer, 0));
    }
}
