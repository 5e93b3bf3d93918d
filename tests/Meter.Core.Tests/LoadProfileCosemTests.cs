using System.Globalization;
using Meter.Dlms;
using Meter.Dlms.Tests.Support;

namespace Meter.Core.Tests;

/// <summary>
/// The load profile as profile generic 1-0:99.1.0.255 of the meter's COSEM server, read with selective access
/// (Blue Book 4.3.6), against the optical port's P.01 answer for the same range: same intervals, same local
/// times, and register values whose differences are P.01's interval energies.
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class LoadProfileCosemTests
{
    private static readonly byte[] LoadProfile = [1, 0, 99, 1, 0, 255];

    private static string Range(DateTime fromLocal, DateTime toLocal)
        => "01 02 04 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 "
            + CosemBlockClient.DateTimeHex(fromLocal.Year, fromLocal.Month, fromLocal.Day, fromLocal.Hour, fromLocal.Minute, fromLocal.Second) + " "
            + CosemBlockClient.DateTimeHex(toLocal.Year, toLocal.Month, toLocal.Day, toLocal.Hour, toLocal.Minute, toLocal.Second) + " 01 00";

    private static object[] Entries(Func<byte[], byte[]> send, string? access)
        => (object[])CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, LoadProfile, 2, access == null ? null : Hex.Bytes(access), out _));

    /// <summary>P.01 data lines as (local time "yyyy-MM-dd HH:mm", season flag, energies in Wh).</summary>
    private static List<(string time, char season, long[] wh)> P01(string block)
    {
        var result = new List<(string, char, long[])>();
        DateTime at = default;
        char season = '0';
        int period = 0;
        foreach (string line in block.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.TrimStart('P', '.', '0', '1').Trim('(', ')').Split(")(");
            if (line.StartsWith("P.01("))
            {
                season = fields[0][0];
                at = DateTime.ParseExact(fields[0][1..], "yyMMddHHmm", CultureInfo.InvariantCulture);
                period = int.Parse(fields[2]);
                continue;
            }
            result.Add((at.ToString("yyyy-MM-dd HH:mm"), season, fields.Select(f => (long)Math.Round(decimal.Parse(f, CultureInfo.InvariantCulture) * 1000)).ToArray()));
            at = at.AddMinutes(period);
        }
        return result;
    }

    private static string P01Block(ElectricityMeter m, string range)
    {
        var rig = new RangeRequestRig(m);
        rig.LogIn("00000000");
        return RangeRequestRig.DataBlock(rig.Command("R1\u0002P.01(" + range + ")\u0003"));
    }

    private static long Value(object entry, int column) => (long)((object[])entry)[column];
    private static string Time(object entry) => CosemBlockClient.DateTime(((object[])entry)[0]);

    [Fact]
    public void A_range_returns_exactly_the_intervals_P01_returns_with_the_same_times_and_energies()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromHours(3));
        var m = host.Meter;
        var send = MeterCosemClient.Associate(m);
        // 00:45 … 02:00 local: the interval before the range too, for the first interval's energy.
        object[] entries = Entries(send, Range(new DateTime(2025, 1, 15, 0, 45, 0), new DateTime(2025, 1, 15, 2, 0, 0)));
        var p01 = P01(P01Block(m, "2501150100;2501150200"));

        // Hand-checked: intervals ending 01:00, 01:15, 01:30, 01:45, 02:00 on Wednesday (dow 3), CET (deviation
        // −60 = UTC − local), clock status 00 (no summer time).
        Assert.Equal(6, entries.Length);
        Assert.Equal(
            ["2025-01-15 00:45:00 dow 3 dev -60 st 00", "2025-01-15 01:00:00 dow 3 dev -60 st 00", "2025-01-15 01:15:00 dow 3 dev -60 st 00",
             "2025-01-15 01:30:00 dow 3 dev -60 st 00", "2025-01-15 01:45:00 dow 3 dev -60 st 00", "2025-01-15 02:00:00 dow 3 dev -60 st 00"],
            entries.Select(Time));
        Assert.Equal(["2025-01-15 01:00", "2025-01-15 01:15", "2025-01-15 01:30", "2025-01-15 01:45", "2025-01-15 02:00"], p01.Select(p => p.time));
        for (int k = 0; k < 5; k++)
            for (int c = 0; c < 4; c++)
                Assert.Equal(p01[k].wh[c], Value(entries[k + 1], c + 1) - Value(entries[k], c + 1));
        Assert.True(p01.Sum(p => p.wh[0]) > 0, "the balanced load imports energy");
        // The newest entry's registers are the profile's last values (1-0:1.8.0 … 4.8.0 in Wh).
        object[] all = Entries(send, null);
        for (int c = 0; c < 4; c++) Assert.Equal(m.Storage.Profile.LastValue(c), Value(all[^1], c + 1));
        Assert.Equal(12, all.Length); // 00:15 … 03:00
    }

    [Fact]
    public void A_range_across_the_spring_DST_change_matches_P01_and_marks_summer_time()
    {
        // 2025-03-30 00:00 CET; at 02:00 CET (01:00 UTC) the clocks go to 03:00 CEST.
        using var host = MeterRig.Start(start: new DateTime(2025, 3, 29, 23, 0, 0, DateTimeKind.Utc));
        host.RunFor(TimeSpan.FromHours(4));
        var m = host.Meter;
        var send = MeterCosemClient.Associate(m);
        object[] entries = Entries(send, Range(new DateTime(2025, 3, 30, 1, 30, 0), new DateTime(2025, 3, 30, 3, 30, 0)));
        var p01 = P01(P01Block(m, "2503300130;2503300330"));

        // Hand-checked: 01:30 and 01:45 CET, then the interval ending 01:00 UTC is 03:00 CEST (deviation −120,
        // status bit 7 daylight saving active), 03:15, 03:30; Sunday = dow 7.
        Assert.Equal(
            ["2025-03-30 01:30:00 dow 7 dev -60 st 00", "2025-03-30 01:45:00 dow 7 dev -60 st 00", "2025-03-30 03:00:00 dow 7 dev -120 st 80",
             "2025-03-30 03:15:00 dow 7 dev -120 st 80", "2025-03-30 03:30:00 dow 7 dev -120 st 80"],
            entries.Select(Time));
        Assert.Equal(["2025-03-30 01:30", "2025-03-30 01:45", "2025-03-30 03:00", "2025-03-30 03:15", "2025-03-30 03:30"], p01.Select(p => p.time));
        Assert.Equal("00111", new string(p01.Select(p => p.season).ToArray()));
        for (int k = 1; k < 5; k++)
            for (int c = 0; c < 4; c++)
                Assert.Equal(p01[k].wh[c], Value(entries[k], c + 1) - Value(entries[k - 1], c + 1));
    }

    [Fact]
    public void An_empty_range_and_entry_numbers()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromHours(1));
        var send = MeterCosemClient.Associate(host.Meter);
        Assert.Empty(Entries(send, Range(new DateTime(2026, 1, 1, 0, 0, 0), new DateTime(2026, 1, 2, 0, 0, 0))));
        // entry_descriptor: entries 2..3 of 4 (00:30, 00:45), columns 1..2 (time, A+).
        object[] all = Entries(send, null);
        Assert.Equal(4, all.Length);
        object[] two = Entries(send, "02 02 04 06 00000002 06 00000003 12 0001 12 0002");
        Assert.Equal(2, two.Length);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(Time(all[k + 1]), Time(two[k]));
            Assert.Equal(Value(all[k + 1], 1), Value(two[k], 1));
            Assert.Equal(2, ((object[])two[k]).Length);
        }
    }

    [Fact]
    public void The_whole_buffer_read_in_small_blocks_equals_the_open_range_and_entries_in_use()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromHours(6));
        var m = host.Meter;
        byte[] whole = CosemBlockClient.Get(MeterCosemClient.Associate(m, "00 40"), 7, LoadProfile, 2, null, out int blocks);
        var send = MeterCosemClient.Associate(m);
        byte[] range = CosemBlockClient.Get(send, 7, LoadProfile, 2,
            Hex.Bytes(Range(new DateTime(2000, 1, 1, 0, 0, 0), new DateTime(2099, 12, 31, 23, 59, 59))), out _);
        Assert.Equal(range, whole);
        Assert.True(blocks > 10, $"{blocks} blocks");
        Assert.Equal(24, ((object[])CosemBlockClient.Parse(whole)).Length);
        Assert.Equal(24L, CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, LoadProfile, 7, null, out _)));
        Assert.Equal(900L, CosemBlockClient.Parse(CosemBlockClient.Get(send, 7, LoadProfile, 4, null, out _)));
    }

    [Fact]
    public void A_selective_read_in_blocks_allocates_nothing_in_the_meter_after_the_first()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromHours(6));
        var m = host.Meter;
        var response = new byte[256];
        long allocated = 0;
        Func<byte[], byte[]> send = apdu =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            int n = m.Dlms.HandleApdu(16, apdu, 0, apdu.Length, response, 0, response.Length);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            return response[..n];
        };
        Assert.Equal(0x61, send(Hex.Bytes(MeterCosemClient.PublicAarqWithoutPdu + "00 80"))[0]);
        byte[] access = Hex.Bytes(Range(new DateTime(2025, 1, 15, 0, 0, 0), new DateTime(2025, 1, 15, 6, 0, 0)));
        CosemBlockClient.Get(send, 7, LoadProfile, 2, access, out _); // warm-up
        allocated = 0;
        byte[] data = CosemBlockClient.Get(send, 7, LoadProfile, 2, access, out int blocks);
        Assert.True(blocks > 5, $"{blocks} blocks");
        Assert.Equal(24, ((object[])CosemBlockClient.Parse(data)).Length);
        Assert.Equal(0, allocated);
    }
}
