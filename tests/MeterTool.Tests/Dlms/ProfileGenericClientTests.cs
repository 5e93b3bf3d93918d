using Meter.Tool.Dlms;
using static MeterTool.Tests.Dlms.ScriptedApduLink;

namespace MeterTool.Tests.Dlms;

/// <summary>
/// Profile generic (Blue Book IC 7) on the client side against hand-encoded A-XDR: capture_objects, buffer and the
/// range_descriptor of selective access by range (selector 1). The meter's own profile generics are built elsewhere.
/// </summary>
public class ProfileGenericClientTests
{
    private static readonly byte[] LoadProfile = [1, 0, 99, 1, 0, 255];

    // capture_objects: clock 0-0:1.0.0.255 attr 2, A+ 1-0:1.8.0.255 attr 2 (class 3), data_index 0.
    private const string CaptureObjects = "01 02 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00"
        + " 02 04 12 00 03 09 06 01 00 01 08 00 FF 0F 02 12 00 00";

    // buffer: two rows {date-time 2025-05-14 10:00 / 10:15 local, Wednesday, deviation -120 min, DST; double-long-unsigned}.
    private const string Buffer = "01 02"
        + " 02 02 09 0C 07 E9 05 0E 03 0A 00 00 00 FF 88 80 06 00 00 30 39"
        + " 02 02 09 0C 07 E9 05 0E 03 0A 0F 00 00 FF 88 80 06 00 00 31 01";

    [Fact]
    public void The_range_descriptor_restricts_by_the_clock_and_selects_all_columns()
    {
        var from = new CosemDateTime(new DateTime(2025, 5, 14, 10, 0, 0), null, 0xFF);
        var to = new CosemDateTime(new DateTime(2025, 5, 14, 11, 0, 0), null, 0xFF);
        byte[] expected = Hex("02 04"
            + " 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00" // restricting_object: clock, time attribute, data_index 0
            + " 09 0C 07 E9 05 0E 03 0A 00 00 00 80 00 FF"             // from_value: deviation 0x8000 and status 0xFF not specified
            + " 09 0C 07 E9 05 0E 03 0B 00 00 00 80 00 FF"             // to_value
            + " 01 00");                                              // selected_values: empty = every column
        Assert.Equal(expected, ProfileGeneric.RangeDescriptor(from, to));
    }

    [Fact]
    public void A_range_read_asks_capture_objects_scaler_and_the_buffer_with_selector_1_and_scales_the_rows()
    {
        var link = new ScriptedApduLink("C4 01 C1 00 " + CaptureObjects, "C4 01 C1 00 02 02 0F FD 16 1E", "C4 01 C1 00 " + Buffer);
        var table = ProfileReader.Read(new CosemClient(link), LoadProfile, new DateTime(2025, 5, 14, 10, 0, 0), new DateTime(2025, 5, 14, 11, 0, 0));
        Assert.Equal(Hex("C0 01 C1 00 07 01 00 63 01 00 FF 03 00"), link.Sent[0]);
        Assert.Equal(Hex("C0 01 C1 00 03 01 00 01 08 00 FF 03 00"), link.Sent[1]);
        Assert.Equal(Hex("C0 01 C1 00 07 01 00 63 01 00 FF 02 01 01 02 04 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00"
            + " 09 0C 07 E9 05 0E 03 0A 00 00 00 80 00 FF 09 0C 07 E9 05 0E 03 0B 00 00 00 80 00 FF 01 00"), link.Sent[2]);
        Assert.Equal(["time", "1-0:1.8.0.255 attr 2 [Wh]"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["2025-05-14 10:00:00 S UTC+02:00", "12.345"], table.Rows[0]);
        Assert.Equal(["2025-05-14 10:15:00 S UTC+02:00", "12.545"], table.Rows[1]);
    }

    [Fact]
    public void Without_a_range_the_whole_buffer_is_read_and_a_short_row_is_refused()
    {
        var link = new ScriptedApduLink("C4 01 C1 00 " + CaptureObjects, "C4 01 C1 00 02 02 0F 00 16 1E",
            "C4 01 C1 00 01 01 02 01 09 0C 07 E9 05 0E 03 0A 00 00 00 FF 88 80");
        var e = Assert.Throws<DlmsException>(() => ProfileReader.Read(new CosemClient(link), LoadProfile, null, null));
        Assert.Equal("buffer: row 1 has 1 values for 2 capture objects", e.Message);
        Assert.Equal(Hex("C0 01 C1 00 07 01 00 63 01 00 FF 02 00"), link.Sent[2]);
    }

    [Fact]
    public void A_truncated_buffer_names_where_it_ends()
    {
        var link = new ScriptedApduLink("C4 01 C1 00 " + CaptureObjects, "C4 01 C1 00 02 02 0F 00 16 1E", "C4 01 C1 00 01 02 02 02 09 0C 07 E9");
        var e = Assert.Throws<DlmsException>(() => ProfileReader.Read(new CosemClient(link), LoadProfile, null, null));
        Assert.StartsWith("A-XDR: the answer ends at offset", e.Message);
    }

    [Fact]
    public void The_progress_total_is_estimated_from_the_first_block_of_a_buffer()
    {
        // The buffer above split into two blocks: 2 rows of 21 bytes after the 2-byte array header → 44 bytes expected.
        byte[] buffer = Hex(Buffer);
        string first = Convert.ToHexString(buffer[..30]), second = Convert.ToHexString(buffer[30..]);
        var link = new ScriptedApduLink($"C4 02 C1 00 00 00 00 01 00 1E {first}", $"C4 02 C1 01 00 00 00 02 00 {buffer.Length - 30:X2} {second}");
        var seen = new List<(int Bytes, int Blocks, int? Expected)>();
        var client = new CosemClient(link) { Progress = (bytes, blocks, expected) => seen.Add((bytes, blocks, expected)) };
        var value = client.Get(new CosemAttribute(7, LoadProfile, 2));
        Assert.Equal(2, value.Children.Count);
        Assert.Equal([(30, 1, 44), (44, 2, 44)], seen);
        Assert.Null(CosemClient.EstimateLength(Hex("01 02 02 02 09 0C 07"))); // the first row is cut: no estimate
    }
}
