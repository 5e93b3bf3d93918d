using System.Diagnostics;
using System.Globalization;
using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>
/// The clock 0-0:1.0.0 (W1/R1 "YY-MM-DD hh:mm:ss" in the meter's local time: CET, with EU summer time from the last
/// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC) and the logbook's clock-set event.
/// </summary>
public class ClockTests
{
    private const string Clock = "0-0:1.0.0";
    private const string LocalFormat = "yy-MM-dd HH:mm:ss";

    private static string Minute(DateTime local) => local.ToString("yyMMddHHmm", CultureInfo.InvariantCulture);

    private static DateTime Local(string text) => DateTime.ParseExact(text, LocalFormat, CultureInfo.InvariantCulture);

    [SkippableFact]
    public void A_clock_set_is_read_back_and_logged_with_its_UTC_time()
    {
        using var meter = MeterTargets.Open(new DateTime(2025, 1, 15, 11, 0, 0, DateTimeKind.Utc));
        MeterPort.Programming(meter, s =>
        {
            var wall = Stopwatch.StartNew();
            DateTime before = Local(Expect.Single(s.Read(Clock), Clock).Value);
            // 40 s ahead: the same moment on the virtual meter (held at 12:00:00 CET) and no jump over a
            // period end on a board, whose clock is put back afterwards.
            DateTime written = before.AddSeconds(40);
            long writtenUtc = CentralEuropeanTime.UnixSeconds(written);
            try
            {
                s.Write(Clock, written.ToString(LocalFormat, CultureInfo.InvariantCulture));
                DateTime back = Local(Expect.Single(s.Read(Clock), Clock).Value);
                Assert.InRange(back, written, written.AddSeconds(5)); // held time: exact; a board's seconds go on
                var log = s.Read("P.98", Minute(written.AddMinutes(-1)) + ";" + Minute(written.AddMinutes(1)));
                // ClockSet (3): old and new UTC seconds; the new one is the time written.
                Assert.Contains(log, e => e.Values.Count == 5 && e.Values[1].Value == "3" && e.Values[4].Value == writtenUtc.ToString(CultureInfo.InvariantCulture));
                if (meter.Bench != null) Assert.Equal(1736938840, writtenUtc); // 2025-01-15 12:00:40 CET = 11:00:40 UTC, worked by hand
            }
            finally
            {
                if (meter.Bench == null) s.Write(Clock, before.Add(wall.Elapsed).ToString(LocalFormat, CultureInfo.InvariantCulture)); // a board gets its time back
            }
            return 0;
        });
    }

    [SkippableFact]
    public void The_clock_goes_from_02_00_CET_to_03_00_CEST_on_the_last_Sunday_of_March()
    {
        using var meter = MeterTargets.Open(new DateTime(2025, 3, 29, 12, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "let two minutes pass over the change to summer time");
        MeterPort.Programming(meter, s => { s.Write(Clock, "25-03-30 01:59:00"); return 0; }); // CET = 00:59:00 UTC
        Assert.Equal(new DateTime(2025, 3, 30, 1, 1, 0, DateTimeKind.Utc), bench.Advance(TimeSpan.FromMinutes(2)));
        // 01:00 UTC is 02:00 CET = 03:00 CEST (EU summer time, Directive 2000/84/EC): 01:01 UTC reads 03:01.
        Assert.Equal("25-03-30 03:01:00", Expect.Single(MeterPort.Read(meter, Clock), Clock).Value);
    }

    [SkippableFact]
    public void The_clock_goes_from_03_00_CEST_back_to_02_00_CET_on_the_last_Sunday_of_October()
    {
        using var meter = MeterTargets.Open(new DateTime(2025, 10, 25, 12, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "let two minutes pass over the change to winter time");
        MeterPort.Programming(meter, s => { s.Write(Clock, "25-10-26 01:59:00"); return 0; }); // CEST = 25-10-25 23:59:00 UTC
        bench.Advance(TimeSpan.FromHours(1)); // 00:59 UTC = 02:59 CEST
        Assert.Equal("25-10-26 02:59:00", Expect.Single(MeterPort.Read(meter, Clock), Clock).Value);
        Assert.Equal(new DateTime(2025, 10, 26, 1, 1, 0, DateTimeKind.Utc), bench.Advance(TimeSpan.FromMinutes(2)));
        // 01:00 UTC is 03:00 CEST = 02:00 CET: 01:01 UTC reads 02:01 again.
        Assert.Equal("25-10-26 02:01:00", Expect.Single(MeterPort.Read(meter, Clock), Clock).Value);
    }
}
