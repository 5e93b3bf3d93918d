using Meter.Tool.Cli;

namespace MeterTool.Tests;

/// <summary>set-clock sends the meter's local time (UTC+1 with EU summer time by default), whatever this computer's zone.</summary>
public class SetClockTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Theory]
    [InlineData(2025, 1, 15, 12, 0, 0, "25-01-15 13:00:00", "UTC+1")]                       // winter: CET
    [InlineData(2025, 7, 1, 12, 0, 0, "25-07-01 14:00:00", "UTC+2 (summer time)")]          // summer: CEST
    [InlineData(2025, 3, 30, 0, 59, 59, "25-03-30 01:59:59", "UTC+1")]                      // last second before 01:00 UTC, last Sunday of March
    [InlineData(2025, 3, 30, 1, 0, 0, "25-03-30 03:00:00", "UTC+2 (summer time)")]          // summer time begins
    [InlineData(2025, 10, 26, 0, 59, 59, "25-10-26 02:59:59", "UTC+2 (summer time)")]       // last second of summer time
    [InlineData(2025, 10, 26, 1, 0, 0, "25-10-26 02:00:00", "UTC+1")]                       // back to standard time
    public void Without_time_the_meter_local_time_is_sent_and_both_times_are_reported(int y, int mo, int d, int h, int mi, int s, string expected, string offset)
    {
        var utc = Utc(y, mo, d, h, mi, s);
        var (value, report) = SetClockCommand.ClockToSet(utc, MeterTimeZone.Default, null);
        Assert.Equal(expected, value);
        Assert.Contains($"clock set to {expected}: the meter's local time, {offset}, for UTC {utc:yyyy-MM-dd HH:mm:ss}Z", report);
    }

    [Fact]
    public void A_given_time_is_sent_as_typed_and_said_to_be_meter_local_time()
    {
        var (value, report) = SetClockCommand.ClockToSet(Utc(2025, 1, 15, 12, 0, 0), MeterTimeZone.Default, new DateTime(2025, 1, 15, 9, 30, 0));
        Assert.Equal("25-01-15 09:30:00", value);
        Assert.Contains("the --time given, taken as the meter's local time", report);
        Assert.Contains("UTC now 2025-01-15 12:00:00Z", report);
        Assert.Contains("25-01-15 13:00:00", report); // what "now" would have been
    }

    [Fact]
    public void Another_zone_without_summer_time()
    {
        var (value, _) = SetClockCommand.ClockToSet(Utc(2025, 7, 1, 12, 0, 0), new MeterTimeZone(-5, false), null);
        Assert.Equal("25-07-01 07:00:00", value);
    }
}
