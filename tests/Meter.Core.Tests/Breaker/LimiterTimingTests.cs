using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Breaker;

namespace Meter.Core.Tests.Breaker;

/// <summary>The limiter (Blue Book 4.5.9) sampled once a 1-s metering cycle in virtual time: thresholds to the count, durations to the cycle.</summary>
public class LimiterTimingTests
{
    private const long Threshold = 5000, Emergency = 2000, OverS = 30, UnderS = 60;

    private static (Limiter Limiter, DisconnectControl Control, SimulatedBreaker Breaker) Build(int mode, bool warnOnly = false)
    {
        var record = new DeviceStateRecord(null);
        var breaker = new SimulatedBreaker();
        var control = new DisconnectControl(breaker, record, new RecordingDisconnectEvents(), mode);
        control.Start(0);
        var limiter = new Limiter(control, record);
        Assert.True(limiter.Configure(LimiterMonitoredValue.ActivePowerTotal, Threshold, Emergency, OverS, UnderS, warnOnly));
        return (limiter, control, breaker);
    }

    /// <summary>Samples <paramref name="value"/> every second from <paramref name="fromS"/> while the predicate holds; the second it stopped at.</summary>
    private static long RunUntil(Limiter limiter, DisconnectControl control, long value, long fromS, Func<bool> done, long maxS = 1000)
    {
        for (long s = fromS; s < fromS + maxS; s++)
        {
            limiter.Sample(value, s * 1000, 1_700_000_000 + s);
            control.Tick(s * 1000);
            if (done()) return s;
        }
        return -1;
    }

    [Fact]
    public void At_the_threshold_nothing_happens_one_count_over_disconnects_after_exactly_the_over_duration()
    {
        var (limiter, control, breaker) = Build(mode: 1);
        Assert.Equal(-1, RunUntil(limiter, control, Threshold, 0, () => limiter.OverThreshold, maxS: 3600));
        long stepAt = 3600;
        long trippedAt = RunUntil(limiter, control, Threshold + 1, stepAt, () => limiter.OverThreshold);
        Assert.Equal(stepAt + OverS, trippedAt); // the first cycle 30 s after the first one over, not one earlier
        Assert.Equal(DisconnectControlState.ReadyForReconnection, control.ControlState);
        control.Tick(trippedAt * 1000 + 100);
        Assert.Equal(BreakerPosition.Open, breaker.Contacts);

        // Back at the threshold (not under it: "at" counts as under): cleared after exactly the under duration.
        long backAt = trippedAt + 1;
        long clearedAt = RunUntil(limiter, control, Threshold, backAt, () => !limiter.OverThreshold);
        Assert.Equal(backAt + UnderS, clearedAt);
        Assert.Equal(0, control.LocalRequests);
        Assert.Equal(DisconnectControlState.ReadyForReconnection, control.ControlState); // mode 1: no local_reconnect, the button does it
        Assert.Equal(DisconnectResult.Done, control.LongPress());
        Assert.Equal(DisconnectControlState.Connected, control.ControlState);
    }

    [Fact]
    public void A_dip_under_the_threshold_restarts_the_over_duration()
    {
        var (limiter, control, _) = Build(mode: 1);
        Assert.Equal(-1, RunUntil(limiter, control, Threshold + 1, 0, () => limiter.OverThreshold, maxS: OverS)); // 0..29: not yet
        limiter.Sample(Threshold, OverS * 1000, 0); // one cycle at the threshold
        long trippedAt = RunUntil(limiter, control, Threshold + 1, OverS + 1, () => limiter.OverThreshold);
        Assert.Equal(OverS + 1 + OverS, trippedAt);
    }

    [Fact]
    public void In_mode_5_the_limiter_reconnects_by_itself_after_the_under_duration()
    {
        var (limiter, control, breaker) = Build(mode: 5);
        long trippedAt = RunUntil(limiter, control, 9000, 0, () => limiter.OverThreshold);
        Assert.Equal(OverS, trippedAt);
        long reconnectedAt = RunUntil(limiter, control, 0, trippedAt + 1, () => control.OutputState);
        Assert.Equal(trippedAt + 1 + UnderS, reconnectedAt);
        control.Tick(reconnectedAt * 1000 + 100);
        Assert.Equal(BreakerPosition.Closed, breaker.Contacts);
    }

    [Fact]
    public void The_emergency_profile_applies_threshold_emergency_until_it_ends()
    {
        var (limiter, control, _) = Build(mode: 1);
        Assert.True(limiter.ActivateEmergency(1_700_000_000, 3600));
        Assert.Equal(-1, RunUntil(limiter, control, Emergency, 0, () => limiter.OverThreshold, maxS: 100));
        long trippedAt = RunUntil(limiter, control, Emergency + 1, 100, () => limiter.OverThreshold);
        Assert.Equal(100 + OverS, trippedAt);
        Assert.Equal(Emergency, limiter.ThresholdActive(1_700_000_000 + 3599));
        Assert.Equal(Threshold, limiter.ThresholdActive(1_700_000_000 + 3600));
    }

    [Fact]
    public void Warn_only_sets_the_status_but_keeps_the_consumer_connected()
    {
        var (limiter, control, breaker) = Build(mode: 1, warnOnly: true);
        Assert.Equal(OverS, RunUntil(limiter, control, Threshold + 1, 0, () => limiter.OverThreshold));
        Assert.NotEqual(0, limiter.Status(0) & Limiter.StatusOverThreshold);
        Assert.True(control.OutputState);
        Assert.Equal(BreakerPosition.Closed, breaker.Contacts);
    }

    [Theory]
    [InlineData(3, 5000, 2000, 30, 60)]
    [InlineData(1, -1, 2000, 30, 60)]
    [InlineData(1, 5000, 2000, 86401, 60)]
    [InlineData(1, 5000, 2000, 30, -1)]
    public void Bad_settings_are_refused_and_change_nothing(int monitored, long normal, long emergency, long over, long under)
    {
        var (limiter, _, _) = Build(mode: 1);
        Assert.False(limiter.Configure(monitored, normal, emergency, over, under, false));
        Assert.Equal((Threshold, Emergency, OverS, UnderS), (limiter.ThresholdNormal, limiter.ThresholdEmergency, limiter.MinOverSeconds, limiter.MinUnderSeconds));
    }
}
