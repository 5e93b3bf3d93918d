using Meter.Core;
using Meter.Hal;
using Meter.Metrology;

namespace Meter.Core.Tests.Breaker;

/// <summary>The whole meter on the simulated board: a load at the limiter's threshold, one count over it, the breaker cutting the load.</summary>
public class LimiterOnSimulatedLoadTests
{
    [Fact]
    public void The_load_one_count_over_the_threshold_opens_the_breaker_after_exactly_the_over_duration_and_the_energy_stops()
    {
        using var host = MeterRig.Start(); // balanced 3 × 10 A
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(LimiterMonitoredValue.TryRead(new InstantaneousValues(m.Metering), LimiterMonitoredValue.PhaseCurrent, out long current));
        Assert.InRange(current, 9900, 10100); // mA

        // At the threshold: never over.
        Assert.True(m.Limiter.Configure(LimiterMonitoredValue.PhaseCurrent, current, current, 10, 5, false));
        for (int s = 0; s < 60; s++)
        {
            host.RunFor(TimeSpan.FromSeconds(1));
            Assert.False(m.Limiter.OverThreshold, $"at the threshold, second {s}");
        }

        // One count under the load: the first cycle is over, the 10th second after it acts.
        Assert.True(m.Limiter.Configure(LimiterMonitoredValue.PhaseCurrent, current - 1, current - 1, 10, 5, false));
        int trippedAfter = -1;
        for (int s = 1; s <= 30 && trippedAfter < 0; s++)
        {
            host.RunFor(TimeSpan.FromSeconds(1));
            if (m.Limiter.OverThreshold) trippedAfter = s;
        }
        Assert.Equal(11, trippedAfter); // first sample over at cycle 1, acted on at cycle 1 + 10 s
        Assert.Equal(DisconnectControlState.ReadyForReconnection, m.Disconnect.ControlState);
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);

        long energy = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        host.RunFor(TimeSpan.FromSeconds(20)); // no current: under threshold for 5 s clears the request
        Assert.Equal(energy, MeterRig.Wh(m, EnergyRegister.ActiveImport));
        Assert.Equal(0, m.Disconnect.LocalRequests);
        Assert.Equal(DisconnectControlState.ReadyForReconnection, m.Disconnect.ControlState); // mode 1: the button reconnects

        Assert.Equal(DisconnectResult.Done, host.LongPressButton());
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerPosition.Closed, host.Board.Breaker.Contacts);
        Assert.True(m.Disconnect.OutputState);
    }
}
