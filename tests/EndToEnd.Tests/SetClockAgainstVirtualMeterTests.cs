namespace EndToEnd.Tests;

/// <summary>set-clock without --time sets the meter to the true time, whatever this computer's time zone (the meter keeps CET/CEST).</summary>
[Collection("console")]
public class SetClockAgainstVirtualMeterTests
{
    [Fact]
    public void Set_clock_without_time_puts_the_meter_on_the_true_UTC_and_says_both_times()
    {
        using var meter = new MeterUnderTest(start: new DateTime(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        var (code, output, error) = meter.Tool("set-clock", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        long meterUtc = meter.Host.Inspect(h => h.Meter.UtcSeconds);
        long trueUtc = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(meterUtc, trueUtc - 10, trueUtc + 2); // an hour off on a UTC machine before the fix
        Assert.Contains("the meter's local time, UTC+1", output);
        Assert.Contains("for UTC ", output);
    }
}
