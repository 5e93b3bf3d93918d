using Meter.Core;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Core.Tests.Breaker;

/// <summary>0-0:96.3.10 and the limiter objects 0-0:17.0.x through the OBIS table (as the optical port reads and writes them).</summary>
public class BreakerObjectTests
{
    [Fact]
    public void Disconnect_release_and_button_reconnect_through_96_3_10_in_mode_1()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("(1)", MeterRig.ValueText(m, BreakerObjects.DisconnectControl));
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, BreakerObjects.DisconnectControl, "0", level: 0));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.DisconnectControl, "0"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal("(0)", MeterRig.ValueText(m, BreakerObjects.DisconnectControl));
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);
        Assert.Equal(DisconnectResult.NotAllowed, host.LongPressButton()); // not released: the button does nothing
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.DisconnectControl, "2")); // release
        Assert.Equal("(2)", MeterRig.ValueText(m, BreakerObjects.DisconnectControl));
        Assert.Equal(DisconnectResult.Done, host.LongPressButton());
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(BreakerPosition.Closed, host.Board.Breaker.Contacts);
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, BreakerObjects.DisconnectControl, "3"));
    }

    [Fact]
    public void A_release_is_refused_in_mode_2_where_remote_reconnect_connects_directly()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.ControlMode, "2"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.DisconnectControl, "0"));
        Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, BreakerObjects.DisconnectControl, "2"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.DisconnectControl, "1"));
        Assert.True(m.Disconnect.OutputState);
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, BreakerObjects.ControlMode, "7"));
    }

    [Fact]
    public void Limiter_settings_are_written_and_read_back_and_a_bad_one_is_refused()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.ThresholdNormal, "12000"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.MinOver, "30"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, BreakerObjects.Monitoring, "12")); // phase current, warn only
        Assert.Equal((12000L, 30L, LimiterMonitoredValue.PhaseCurrent, true), (m.Limiter.ThresholdNormal, m.Limiter.MinOverSeconds, m.Limiter.MonitoredValue, m.Limiter.WarnOnly));
        Assert.Equal("(012000)", MeterRig.ValueText(m, BreakerObjects.ThresholdNormal));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, BreakerObjects.Monitoring, "3"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, BreakerObjects.MinUnder, "86401"));
    }
}
