using Meter.Core;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core.Tests.Breaker;

/// <summary>
/// Prepayment and the alarm input ask the breaker through the disconnect control (LocalDisconnectRequests): local_disconnect
/// (g) when their condition starts, local_reconnect (h) when it ends (Blue Book 4.5.8; in the default control mode 1 the
/// consumer then reconnects with the button).
/// </summary>
public class LocalDisconnectWiringTests
{
    [Fact]
    public void Exhausted_credit_opens_the_breaker_and_after_a_new_credit_the_button_reconnects()
    {
        using var host = MeterRig.Start(); // balanced 3 × 10 A, cos φ 0.95: about 6.6 kW, 50 Wh in about 28 s
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "0.050"));
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal((true, 0), (m.Disconnect.OutputState, m.Disconnect.LocalRequests)); // credit left

        host.RunFor(TimeSpan.FromSeconds(40));
        Assert.True(m.Prepayment.RequestsDisconnect);
        Assert.Equal(1 << DisconnectCause.Prepayment, m.Disconnect.LocalRequests);
        Assert.Equal(DisconnectControlState.ReadyForReconnection, m.Disconnect.ControlState);
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);
        long energy = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        host.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal(energy, MeterRig.Wh(m, EnergyRegister.ActiveImport)); // no current through an open breaker
        Assert.Equal(DisconnectResult.NotAllowed, host.LongPressButton()); // the request still holds

        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PrepaymentObjects.Mode, "1.000"));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.Disconnect.LocalRequests);
        Assert.Equal(DisconnectControlState.ReadyForReconnection, m.Disconnect.ControlState); // mode 1: the consumer reconnects
        Assert.Equal(DisconnectResult.Done, host.LongPressButton());
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerPosition.Closed, host.Board.Breaker.Contacts);
        Assert.True(MeterRig.Wh(m, EnergyRegister.ActiveImport) > energy);
    }

    [Fact]
    public void The_alarm_input_in_its_disconnect_mode_opens_the_breaker_and_only_while_active()
    {
        using var host = PulseInputPersistenceTests.Start(inputCode: 3);
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ModuleInputObjects.AlarmMode, "1"));
        host.SetAlarmInput(true);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(m.Inputs.AlarmActive);
        Assert.True(m.Disconnect.OutputState); // alarm mode 1 only reports

        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ModuleInputObjects.AlarmMode, "2"));
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(1 << DisconnectCause.AlarmInput, m.Disconnect.LocalRequests);
        Assert.Equal(BreakerPosition.Open, host.Board.Breaker!.Contacts);

        host.SetAlarmInput(false);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, m.Disconnect.LocalRequests);
        Assert.Equal(DisconnectResult.Done, host.LongPressButton());
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerPosition.Closed, host.Board.Breaker.Contacts);
    }
}
