using CsCheck;
using Meter.Hal.Ds3234;
using Meter.Hal.Simulation.Clock;
using static Meter.Clock.Tests.TestTime;

namespace Meter.Clock.Tests;

public class MeterClockTests
{
    private static readonly LocalTimeRule Cet = new(1, SummerTimeTable.Eu);
    private static readonly IntegrationPeriod Quarter = new(15, Cet);
    private static DateTime U(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);
    private static readonly ClockStatus SetByFactory = new(TimeQuality.Valid, ClockSetSource.Factory, Utc(2025, 1, 1));

    [Fact]
    public void Boot_with_a_running_RTC_keeps_its_time_and_the_stored_quality()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8)));
        var clock = new MeterClock(rtc, Quarter, 30);
        Assert.Equal(ClockBootOutcome.RtcKeptTime, clock.Boot(SetByFactory, Utc(2025, 5, 1, 7, 59)));
        Assert.Equal(TimeQuality.Valid, clock.Quality);
        Assert.Equal(Utc(2025, 5, 1, 8), clock.ReadUtcSeconds());
        Assert.Equal(0, rtc.Writes);
    }

    [Fact]
    public void Boot_after_backup_loss_restores_the_stored_time_and_marks_it_invalid()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8)));
        rtc.LoseBackup(); // supercap flat: chip back at 2000-01-01
        var clock = new MeterClock(rtc, Quarter, 30);
        long stored = Utc(2025, 5, 1, 7, 45);
        Assert.Equal(ClockBootOutcome.RestoredAfterBackupLoss, clock.Boot(SetByFactory, stored));
        Assert.Equal(TimeQuality.InvalidBackupLost, clock.Quality);
        Assert.Equal(ClockSetSource.RestoredAfterBackupLoss, clock.Status.LastSetSource);
        Assert.Equal(stored, clock.ReadUtcSeconds());
        Assert.Equal(0x01, clock.Status.CosemClockStatus(false)); // invalid value bit
        Assert.Equal(0x81, clock.Status.CosemClockStatus(true));
        // the clock keeps running from the restored time
        rtc.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(stored + 600, clock.ReadUtcSeconds());
    }

    [Fact]
    public void Invalid_quality_survives_a_reboot_until_the_clock_is_set()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8)));
        rtc.LoseBackup();
        var first = new MeterClock(rtc, Quarter, 30);
        first.Boot(SetByFactory, Utc(2025, 5, 1, 7, 45));
        ClockStatus persisted = first.Status;
        rtc.Advance(TimeSpan.FromHours(1));
        var second = new MeterClock(rtc, Quarter, 30);
        Assert.Equal(ClockBootOutcome.RtcKeptTime, second.Boot(persisted, Utc(2025, 5, 1, 8, 30)));
        Assert.Equal(TimeQuality.InvalidBackupLost, second.Quality);
        ClockSetEvent set = second.SetTime(Utc(2025, 5, 3, 12), ClockSetSource.OpticalPort);
        Assert.Equal(TimeQuality.Valid, second.Quality);
        Assert.Equal(TimeQuality.InvalidBackupLost, set.QualityBefore);
        Assert.Equal(ClockSetKind.Jumped, set.Kind);
    }

    [Fact]
    public void Boot_with_unreadable_or_backwards_RTC_restores_too()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8))) { Unreadable = true };
        var clock = new MeterClock(rtc, Quarter, 30);
        Assert.Equal(ClockBootOutcome.RestoredAfterUnreadableRtc, clock.Boot(SetByFactory, Utc(2025, 5, 1, 7)));
        Assert.Equal(TimeQuality.InvalidBackupLost, clock.Quality);

        var behind = new VirtualRtc(U(Utc(2025, 4, 1)));
        var clock2 = new MeterClock(behind, Quarter, 30);
        Assert.Equal(ClockBootOutcome.RestoredAfterRtcBehindStoredTime, clock2.Boot(SetByFactory, Utc(2025, 5, 1, 7)));
        Assert.Equal(Utc(2025, 5, 1, 7), clock2.ReadUtcSeconds());
    }

    [Fact]
    public void Backup_loss_on_the_DS3234_end_to_end()
    {
        var chip = new SimulatedDs3234();
        var rtc = new Ds3234Rtc(chip);
        rtc.WriteUtc(U(Utc(2025, 11, 2, 9)));
        chip.LoseBackup();
        var clock = new MeterClock(rtc, Quarter, 30);
        Assert.Equal(ClockBootOutcome.RestoredAfterBackupLoss, clock.Boot(SetByFactory, Utc(2025, 11, 2, 8, 50)));
        Assert.Equal(TimeQuality.InvalidBackupLost, clock.Quality);
        Assert.False(rtc.HasLostTime()); // OSF cleared by the restore; the invalid mark lives in the status
        Assert.Equal(Utc(2025, 11, 2, 8, 50), clock.ReadUtcSeconds());
    }

    [Fact]
    public void Small_correction_inside_the_interval_adjusts()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8, 5)));
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2025, 5, 1, 8));
        ClockSetEvent e = clock.SetTime(Utc(2025, 5, 1, 8, 4, 40), ClockSetSource.OpticalPort); // 20 s back
        Assert.Equal(ClockSetKind.Adjusted, e.Kind);
        Assert.False(e.IntervalClosed);
        Assert.Equal(-20, e.DeltaSeconds);
        Assert.Equal(Utc(2025, 5, 1, 8, 5), e.OldUtcSeconds);
        Assert.Equal(ClockSetSource.OpticalPort, clock.Status.LastSetSource);
        Assert.Equal(Utc(2025, 5, 1, 8, 4, 40), clock.Status.LastSetUtcSeconds);
        Assert.Same(e, clock.LastSetEvent);
        Assert.Equal(U(Utc(2025, 5, 1, 8, 4, 40)), rtc.ChipTime);
    }

    [Fact]
    public void Small_correction_over_an_interval_boundary_jumps()
    {
        // 08:14:50Z + 20 s = 08:15:10Z: crosses the 08:15 boundary → the 08:00 interval is closed and marked
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8, 14, 50)));
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2025, 5, 1, 8));
        ClockSetEvent e = clock.SetTime(Utc(2025, 5, 1, 8, 15, 10), ClockSetSource.CommunicationModule);
        Assert.Equal(ClockSetKind.Jumped, e.Kind);
        Assert.True(e.IntervalClosed);
        Assert.Equal(Utc(2025, 5, 1, 8), e.ClosedIntervalStartUtcSeconds);
    }

    [Fact]
    public void Large_correction_jumps()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8, 5)));
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2025, 5, 1, 8));
        ClockSetEvent e = clock.SetTime(Utc(2025, 5, 1, 8, 5, 31), ClockSetSource.OpticalPort); // 31 s > 30 s
        Assert.Equal(ClockSetKind.Jumped, e.Kind);
        Assert.Equal(31, e.DeltaSeconds);
        Assert.Equal(Utc(2025, 5, 1, 8), e.ClosedIntervalStartUtcSeconds);
    }

    [Fact]
    public void Bad_settings_are_refused_without_changing_state()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8, 5)));
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2025, 5, 1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetTime(Utc(2100, 1, 1), ClockSetSource.OpticalPort));
        Assert.Throws<ArgumentException>(() => clock.SetTime(Utc(2025, 5, 1), ClockSetSource.None));
        Assert.Same(SetByFactory, clock.Status);
        Assert.Null(clock.LastSetEvent);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeterClock(rtc, Quarter, 900));
    }

    [Theory]
    // gained 1 s a day: 1 / 86 400 × 10^7 = 115.74 tenths of ppm → trim -116
    [InlineData(1, 86_400, -116)]
    // lost 5 s in 10^6 s: 5 ppm slow → trim +50
    [InlineData(-5, 1_000_000, 50)]
    // gained 2 s in 30 days (2 592 000 s): 7.716 tenths → -8
    [InlineData(2, 2_592_000, -8)]
    public void Trim_for_a_measured_drift(long gained, long elapsed, int expected)
    {
        Assert.Equal(expected, MeterClock.TrimForDrift(gained, elapsed));
    }

    [Fact]
    public void Trim_reaches_the_RTC_and_slows_a_fast_crystal()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 1, 1))) { NaturalDriftTenthsPpm = 116 };
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2024, 12, 31));
        clock.SetTrimTenthsPpm(MeterClock.TrimForDrift(1, 86_400));
        Assert.Equal(-116, rtc.TrimTenthsPpm);
        rtc.Advance(TimeSpan.FromDays(30));
        Assert.Equal(Utc(2025, 1, 31), clock.ReadUtcSeconds());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetTrimTenthsPpm(200));
    }

    [Fact]
    public void An_oscillator_stop_while_running_marks_the_time_invalid_and_restarts_from_the_last_reading()
    {
        var rtc = new VirtualRtc(U(Utc(2025, 5, 1, 8)));
        var clock = new MeterClock(rtc, Quarter, 30);
        clock.Boot(SetByFactory, Utc(2025, 5, 1, 7, 59));
        rtc.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Utc(2025, 5, 1, 8, 5), clock.ReadUtcSeconds());
        rtc.LoseBackup(); // e.g. a brown-out glitch stopped the oscillator
        Assert.Equal(Utc(2025, 5, 1, 8, 5), clock.ReadUtcSeconds());
        Assert.Equal(TimeQuality.InvalidBackupLost, clock.Quality);
        Assert.Equal(ClockSetSource.Factory, clock.Status.LastSetSource); // who set it last is kept
        rtc.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(Utc(2025, 5, 1, 8, 5, 10), clock.ReadUtcSeconds());
    }

    [Fact]
    public void Adjust_or_jump_matches_an_independent_rule_for_random_settings()
    {
        // Adjusted exactly when the clock was valid, |delta| <= 30 s and old and new lie in the same
        // quarter hour; with whole-hour offsets the quarter hours are UTC multiples of 900 s.
        Gen.Select(Gen.Long[Utc(2024, 1, 1), Utc(2026, 12, 31)], Gen.Long[-120, 120], Gen.Bool).Sample((old, delta, valid) =>
        {
            var rtc = new VirtualRtc(U(old));
            var clock = new MeterClock(rtc, Quarter, 30);
            clock.Boot(valid ? SetByFactory : new ClockStatus(), old - 60);
            ClockSetEvent e = clock.SetTime(old + delta, ClockSetSource.OpticalPort);
            bool expectAdjust = valid && Math.Abs(delta) <= 30 && Math.Floor(old / 900.0) == Math.Floor((old + delta) / 900.0);
            Assert.Equal(expectAdjust ? ClockSetKind.Adjusted : ClockSetKind.Jumped, e.Kind);
            Assert.Equal(old - old % 900, e.ClosedIntervalStartUtcSeconds);
            Assert.Equal(delta, e.DeltaSeconds);
            Assert.Equal(TimeQuality.Valid, clock.Quality);
        }, iter: 5000);
    }
}
