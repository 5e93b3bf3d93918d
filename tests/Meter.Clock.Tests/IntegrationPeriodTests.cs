using Meter.Clock;
using static Meter.Clock.Tests.TestTime;

namespace Meter.Clock.Tests;

public class IntegrationPeriodTests
{
    private static readonly LocalTimeRule Cet = new(1, SummerTimeTable.Eu);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 15)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    public void Configuration_code_E_gives_the_period(int code, int minutes)
    {
        Assert.Equal(minutes, IntegrationPeriod.FromConfigurationCode(code, Cet).Minutes);
    }

    [Fact]
    public void Bad_periods_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegrationPeriod.FromConfigurationCode(5, Cet));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntegrationPeriod(10, Cet));
    }

    [Fact]
    public void Fifteen_minute_intervals_are_aligned_on_local_quarter_hours()
    {
        var p = new IntegrationPeriod(15, Cet);
        // 2025-01-15 10:07:30Z = 11:07:30 CET → interval 11:00–11:15 CET = 10:00–10:15Z
        Assert.Equal(Utc(2025, 1, 15, 10), p.IntervalStart(Utc(2025, 1, 15, 10, 7, 30)));
        Assert.Equal(Utc(2025, 1, 15, 10, 15), p.IntervalEnd(Utc(2025, 1, 15, 10, 7, 30)));
        Assert.True(p.IsBoundary(Utc(2025, 1, 15, 10, 15)));
        Assert.False(p.IsBoundary(Utc(2025, 1, 15, 10, 15, 1)));
    }

    [Fact]
    public void Hourly_intervals_stay_whole_across_both_summer_time_changes()
    {
        var p = new IntegrationPeriod(60, Cet);
        // spring: 00:00–01:00Z is 01:00–02:00 CET, the next interval starts at 01:00Z = 03:00 CEST
        Assert.Equal(Utc(2025, 3, 30, 0), p.IntervalStart(Utc(2025, 3, 30, 0, 59, 59)));
        Assert.Equal(Utc(2025, 3, 30, 1), p.IntervalStart(Utc(2025, 3, 30, 1)));
        // autumn: 00:00–01:00Z is 02:00–03:00 CEST, 01:00–02:00Z is the repeated 02:00–03:00 CET
        Assert.Equal(Utc(2025, 10, 26, 1), p.IntervalEnd(Utc(2025, 10, 26, 0, 30)));
        Assert.Equal(Utc(2025, 10, 26, 1), p.IntervalStart(Utc(2025, 10, 26, 1, 30)));
    }

    [Fact]
    public void A_changed_period_gives_the_new_boundaries_and_a_bad_one_changes_nothing()
    {
        var p = new IntegrationPeriod(15, Cet);
        long t = Utc(2025, 1, 15, 10, 37, 30); // 11:37:30 CET
        Assert.Equal(Utc(2025, 1, 15, 10, 45), p.IntervalEnd(t));
        p.Change(30);
        // 11:37:30 CET lies in 11:30–12:00 CET = 10:30–11:00Z.
        Assert.Equal((30, 1800), (p.Minutes, p.Seconds));
        Assert.Equal(Utc(2025, 1, 15, 10, 30), p.IntervalStart(t));
        Assert.Equal(Utc(2025, 1, 15, 11), p.IntervalEnd(t));
        Assert.False(p.IsBoundary(Utc(2025, 1, 15, 10, 45)));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Change(10));
        Assert.Equal(30, p.Minutes);
    }

    [Fact]
    public void The_clock_classifies_a_setting_with_the_period_it_shares()
    {
        var p = new IntegrationPeriod(15, Cet);
        var rtc = new Meter.Hal.Simulation.Clock.VirtualRtc(DateTime.UnixEpoch.AddSeconds(Utc(2025, 1, 15, 10, 14, 50)));
        var clock = new MeterClock(rtc, p, 30);
        clock.Boot(new ClockStatus(TimeQuality.Valid, ClockSetSource.Factory, Utc(2025, 1, 1)), Utc(2025, 1, 15, 10, 14));
        // +20 s from 10:14:50Z crosses the quarter-hour boundary 10:15Z: a jump under 15 min …
        Assert.Equal(ClockSetKind.Jumped, clock.SetTime(Utc(2025, 1, 15, 10, 15, 10), ClockSetSource.OpticalPort).Kind);
        rtc.WriteUtc(DateTime.UnixEpoch.AddSeconds(Utc(2025, 1, 15, 10, 14, 50)));
        p.Change(30);
        // … and an adjustment inside 10:00–10:30Z once the shared period is 30 min.
        Assert.Equal(ClockSetKind.Adjusted, clock.SetTime(Utc(2025, 1, 15, 10, 15, 10), ClockSetSource.OpticalPort).Kind);
    }
}
