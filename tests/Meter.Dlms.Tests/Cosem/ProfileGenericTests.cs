using Meter.Dlms.Tests.Support;

namespace Meter.Dlms.Tests.Cosem;

/// <summary>
/// Profile generic (class 7, Blue Book 4.3.6) over a synthetic store: the buffer streamed in GET blocks generated on
/// demand, range_descriptor and entry_descriptor selective access, and the other attributes. The expected bytes
/// are built here from the entries' definition, not by the server's writer.
/// </summary>
public class ProfileGenericTests
{
    private static readonly byte[] ProfileName = [1, 0, 99, 1, 0, 255];
    private const long T0 = 1_736_899_200; // 2025-01-15 00:00 as local seconds since 1970 (UTC 2025-01-14 23:00)

    /// <summary>Entry i (1 …): UTC T0 + 900·i, local one hour ahead (CET), A+ = 1000 + 7·i, A- = i.</summary>
    private sealed class ListSource(int count) : IProfileSource
    {
        public int Count = count;
        private int _current;
        public int Rewinds;
        private static readonly byte[][] Names = [[0, 0, 1, 0, 0, 255], [1, 0, 1, 8, 0, 255], [1, 0, 2, 8, 0, 255]];
        public int ColumnCount => 3;
        public int CaptureClassId(int column) => column == 0 ? 8 : 3;
        public void CopyCaptureName(int column, byte[] destination, int offset) => Array.Copy(Names[column], 0, destination, offset, 6);
        public int CaptureAttribute(int column) => 2;
        public long CapturePeriodSeconds => 900;
        public long ProfileEntries => 9999;
        public void Rewind() { _current = 0; Rewinds++; }
        public bool Next() => _current < Count && ++_current > 0;
        public long EntryUtcSeconds => T0 + 900L * _current - 3600;
        public long EntryLocalSeconds => T0 + 900L * _current;
        public void WriteColumn(int column, AxdrWriter value)
        {
            if (column == 0)
            {
                DateTime t = DateTime.UnixEpoch.AddSeconds(EntryLocalSeconds);
                value.WriteDateTime(t.Year, t.Month, t.Day, 0xFF, t.Hour, t.Minute, t.Second, 0, -60, 0);
            }
            else value.WriteDoubleLongUnsigned(column == 1 ? (uint)(1000 + 7 * _current) : (uint)_current);
        }
    }

    private sealed class ProfileObjects(ProfileGeneric profile) : ICosemObjects
    {
        public int Count => 1;
        public int IndexOf(byte[] logicalName, int offset) => logicalName.AsSpan(offset, 6).SequenceEqual(profile.LogicalName) ? 0 : -1;
        public int ClassId(int index) => ProfileGeneric.ClassId;
        public int Version(int index) => ProfileGeneric.Version;
        public void CopyLogicalName(int index, byte[] destination, int offset) => Array.Copy(profile.LogicalName, 0, destination, offset, 6);
        public int AttributeCount(int index) => ProfileGeneric.AttributeCount;
        public int MethodCount(int index) => ProfileGeneric.MethodCount;
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap) => CosemAttributeAccess.ReadOnly;
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap) => CosemMethodAccess.NoAccess;
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value) => profile.Get(attributeId, value);
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
            => profile.GetSelected(attributeId, selector, parameters, cursor, value);
        public DataAccessResult Set(int index, int attributeId, AxdrReader value) => DataAccessResult.ReadWriteDenied;
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue) => ActionResult.ReadWriteDenied;
    }

    private static (CosemServer server, ListSource source) Serve(int entries, string maxPdu = "04 B0")
    {
        var source = new ListSource(entries);
        var server = new CosemServer(new ProfileObjects(new ProfileGeneric(ProfileName, source)), new TestPasswords(), new CosemServerSettings());
        string aarq = CosemHarness.PublicAarq[..^5] + maxPdu;
        var response = new byte[2048];
        byte[] a = Hex.Bytes(aarq);
        server.HandleApdu(16, a, 0, a.Length, response, 0, response.Length);
        Assert.Equal(0, server.LastAssociationResult);
        return (server, source);
    }

    private static Func<byte[], byte[]> Sender(CosemServer server)
    {
        var response = new byte[70_000];
        return apdu => response[..server.HandleApdu(16, apdu, 0, apdu.Length, response, 0, response.Length)];
    }

    private static byte[] Buffer(CosemServer server, string? access, out int blocks)
        => CosemBlockClient.Get(Sender(server), 7, ProfileName, 2, access == null ? null : Hex.Bytes(access), out blocks);

    // Entry i encoded by hand: structure of 3 {date-time, double-long-unsigned A+, double-long-unsigned A-}.
    private static string Entry(int i)
    {
        DateTime t = DateTime.UnixEpoch.AddSeconds(T0 + 900L * i);
        return $"02 03 09 0C {t.Year:X4} {t.Month:X2} {t.Day:X2} FF {t.Hour:X2} {t.Minute:X2} {t.Second:X2} 00 FFC4 00 "
            + $"06 {1000 + 7 * i:X8} 06 {i:X8} ";
    }

    private static string ArrayHeader(int count) => count < 0x80 ? $"01 {count:X2} " : $"01 82 {count:X4} ";

    private static string Definition(string classAndName) => $"02 04 12 {classAndName[..4]} 09 06 {classAndName[5..]} 0F 02 12 0000";

    private static string Range(string from, string to, string selected = "01 00")
        => $"01 02 04 {Definition("0008 0000010000FF")} {from} {to} {selected}";

    [Fact]
    public void A_buffer_far_longer_than_the_long_data_buffer_streams_in_blocks_and_reassembles_to_every_entry()
    {
        // 3000 entries × 26 bytes = 78 kB, the long-data buffer is 4096 B, blocks of a 512-byte PDU.
        var (server, source) = Serve(3000, maxPdu: "02 00");
        byte[] data = Buffer(server, null, out int blocks);
        string expected = ArrayHeader(3000) + string.Concat(Enumerable.Range(1, 3000).Select(Entry));
        Assert.Equal(Hex.Normal(expected), Hex.Of(data));
        Assert.True(blocks > 78_000 / 512, $"{blocks} blocks");
        // One pass to count, one to write: the store is rewound twice, not once a block.
        Assert.Equal(2, source.Rewinds);
    }

    [Fact]
    public void The_same_buffer_reads_alike_with_a_large_and_a_small_PDU()
    {
        byte[] small = Buffer(Serve(400, maxPdu: "00 40").server, null, out int smallBlocks);
        byte[] large = Buffer(Serve(400).server, null, out int largeBlocks);
        Assert.Equal(large, small);
        Assert.True(smallBlocks > largeBlocks);
    }

    [Fact]
    public void Entry_descriptor_gives_entries_and_columns_by_number()
    {
        var (server, _) = Serve(10);
        // entry_descriptor: entries 2..4, columns 2..3 (A+, A-).
        byte[] data = Buffer(server, "02 02 04 06 00000002 06 00000004 12 0002 12 0003", out _);
        Assert.Equal(Hex.Normal("01 03 02 02 06 000003F6 06 00000002 02 02 06 000003FD 06 00000003 02 02 06 00000404 06 00000004"), Hex.Of(data));
        // to_entry 0 = up to the newest, to_selected_value 0 = the last column.
        data = Buffer(server, "02 02 04 06 00000009 06 00000000 12 0001 12 0000", out _);
        Assert.Equal(Hex.Normal(ArrayHeader(2) + Entry(9) + Entry(10)), Hex.Of(data));
        // from beyond the newest: empty.
        Assert.Equal("0100", Hex.Of(Buffer(server, "02 02 04 06 00000011 06 00000000 12 0001 12 0000", out _)));
    }

    [Fact]
    public void Range_descriptor_in_local_time_or_in_UTC_when_the_deviation_is_given()
    {
        var (server, _) = Serve(20);
        // Local 2025-01-15 02:30 … 03:00 = entries 10, 11, 12 (local T0 + 900·i); bounds inclusive.
        string local = Range(CosemBlockClient.DateTimeHex(2025, 1, 15, 2, 30, 0), CosemBlockClient.DateTimeHex(2025, 1, 15, 3, 0, 0));
        Assert.Equal(Hex.Normal(ArrayHeader(3) + Entry(10) + Entry(11) + Entry(12)), Hex.Of(Buffer(server, local, out _)));
        // The same instants given in UTC with deviation 0, and as CET with deviation -60.
        string utc = Range(CosemBlockClient.DateTimeHex(2025, 1, 15, 1, 30, 0, 0), CosemBlockClient.DateTimeHex(2025, 1, 15, 2, 0, 0, 0));
        Assert.Equal(Hex.Normal(ArrayHeader(3) + Entry(10) + Entry(11) + Entry(12)), Hex.Of(Buffer(server, utc, out _)));
        string cet = Range(CosemBlockClient.DateTimeHex(2025, 1, 15, 2, 30, 0, -60), CosemBlockClient.DateTimeHex(2025, 1, 15, 2, 59, 59, -60));
        Assert.Equal(Hex.Normal(ArrayHeader(2) + Entry(10) + Entry(11)), Hex.Of(Buffer(server, cet, out _)));
    }

    [Fact]
    public void An_empty_range_is_an_empty_array()
    {
        var (server, _) = Serve(20);
        string range = Range(CosemBlockClient.DateTimeHex(2026, 1, 1, 0, 0, 0), CosemBlockClient.DateTimeHex(2026, 1, 2, 0, 0, 0));
        Assert.Equal("0100", Hex.Of(Buffer(server, range, out int blocks)));
        Assert.Equal(0, blocks);
    }

    [Fact]
    public void Selected_values_send_only_those_columns_in_capture_order()
    {
        var (server, _) = Serve(3);
        string range = Range(CosemBlockClient.DateTimeHex(2025, 1, 15, 0, 0, 0), CosemBlockClient.DateTimeHex(2025, 1, 15, 0, 30, 0),
            "01 02 " + Definition("0003 0100020800FF") + Definition("0008 0000010000FF"));
        byte[] data = Buffer(server, range, out _);
        string first = Entry(1).Replace(" ", "");
        string clock1 = first[4..32];  // the date-time of entry 1 (09 0C + 12 bytes)
        string clock2 = Entry(2).Replace(" ", "")[4..32];
        Assert.Equal(Hex.Normal($"01 02 02 02 {clock1} 06 00000001 02 02 {clock2} 06 00000002"), Hex.Of(data));
    }

    [Theory]
    [InlineData("01 02 04 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000 {from} {to} 01 00", 250)] // restricting object not the clock: other-reason
    [InlineData("01 02 03 {clock} {from} {to}", 12)]                                                  // structure of 3: type-unmatched
    [InlineData("01 02 04 {clock} 06 00000001 {to} 01 00", 12)]                                       // from is no date-time: type-unmatched
    [InlineData("01 02 04 {clock} {from} {to} 01 01 02 04 12 0003 09 06 0100630000FF 0F 02 12 0000", 250)] // selected value not a column
    [InlineData("03 00", 250)]                                                                          // selector 3 is not defined
    [InlineData("02 02 04 06 00000001 06 00000002 12 0003 12 0002", 250)]                             // columns 3..2
    public void Bad_selective_access_is_refused_with_its_data_access_result(string access, int result)
    {
        var (server, _) = Serve(5);
        access = access.Replace("{clock}", Definition("0008 0000010000FF"))
            .Replace("{from}", CosemBlockClient.DateTimeHex(2025, 1, 15, 0, 0, 0)).Replace("{to}", CosemBlockClient.DateTimeHex(2025, 1, 15, 1, 0, 0));
        var refused = Assert.Throws<DataAccessException>(() => Buffer(server, access, out _));
        Assert.Equal(result, refused.Result);
    }

    [Fact]
    public void The_other_attributes_describe_the_buffer()
    {
        var (server, _) = Serve(7);
        var send = Sender(server);
        string Attr(int a) => Hex.Of(CosemBlockClient.Get(send, 7, ProfileName, a, null, out _));
        Assert.Equal(Hex.Normal("01 03 " + Definition("0008 0000010000FF") + Definition("0003 0100010800FF") + Definition("0003 0100020800FF")), Attr(3));
        Assert.Equal("0600000384", Attr(4));         // capture_period 900 s
        Assert.Equal("1601", Attr(5));               // sort_method fifo
        Assert.Equal(Hex.Normal("02 04 12 0000 09 06 000000000000 0F 00 12 0000"), Attr(6)); // no sort object
        Assert.Equal("0600000007", Attr(7));         // entries_in_use
        Assert.Equal("060000270F", Attr(8));         // profile_entries 9999
        // Selective access on another attribute: other-reason.
        Assert.Equal(250, Assert.Throws<DataAccessException>(() => CosemBlockClient.Get(send, 7, ProfileName, 7, Hex.Bytes("02 02 04 06 00000001 06 00000002 12 0001 12 0000"), out _)).Result);
    }

    [Fact]
    public void A_store_that_lost_entries_during_the_transfer_aborts_the_long_get()
    {
        var (server, source) = Serve(500, maxPdu: "01 00");
        var send = Sender(server);
        byte[] first = send(Hex.Bytes("C0 01 C1 0007 0100630100FF 02 00"));
        Assert.Equal(Hex.Normal("C4 02 C1 00 00000001"), Hex.Of(first[..8]));
        source.Count = 10; // the ring overwrote its oldest entries
        byte[] answer = Array.Empty<byte>();
        for (long n = 1; n < 200; n++)
        {
            answer = send([0xC0, 0x02, 0xC1, 0, 0, (byte)(n >> 8), (byte)n]);
            if (answer[3] == 1) break;
        }
        // Get-Response-With-Datablock, last block, data-access-result long-get-aborted (15).
        Assert.Equal("01", Hex.Of(answer[8..9]));
        Assert.Equal("0F", Hex.Of(answer[9..10]));
    }
}
