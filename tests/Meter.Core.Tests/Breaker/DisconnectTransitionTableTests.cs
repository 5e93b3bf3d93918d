using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Breaker;

namespace Meter.Core.Tests.Breaker;

/// <summary>
/// Every trigger from every state in every control mode against the Blue Book's table (DLMS UA 1000-1 4.5.8),
/// written out here on its own: the transition letters and, per mode, the letters it allows.
/// </summary>
public class DisconnectTransitionTableTests
{
    private const int D = DisconnectControlState.Disconnected, C = DisconnectControlState.Connected, R = DisconnectControlState.ReadyForReconnection;

    // Blue Book 4.5.8 state diagram: letter → (from, trigger, to).
    private static readonly Dictionary<char, (int From, string Trigger, int To)> Letters = new()
    {
        ['a'] = (D, "remote_reconnect", C),
        ['b'] = (C, "remote_disconnect", D),
        ['c'] = (R, "remote_disconnect", D),
        ['d'] = (D, "remote_reconnect", R),
        ['e'] = (R, "manual", C),
        ['f'] = (C, "manual", R),
        ['g'] = (C, "local_disconnect", R),
        ['h'] = (R, "local_reconnect", C),
    };

    // Blue Book 4.5.8 control_mode table: disconnection letters, then reconnection letters.
    private static readonly string[] ModeLetters =
    {
        "",        // 0 none: always connected
        "bcfg de", // 1
        "bcfg ae", // 2
        "bcg de",  // 3
        "bcg ae",  // 4
        "bcfg deh", // 5
        "bcg deh", // 6
    };

    private static readonly string[] Triggers = { "remote_disconnect", "remote_reconnect", "manual", "local_disconnect", "local_reconnect" };

    public static IEnumerable<object[]> Cases()
    {
        for (int mode = 0; mode <= 6; mode++)
            foreach (int state in new[] { D, C, R })
                foreach (string trigger in Triggers)
                    yield return new object[] { mode, state, trigger };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_trigger_makes_exactly_the_transition_the_Blue_Book_table_allows(int mode, int state, string trigger)
    {
        int expected = mode == 0 ? C : state; // mode 0: always connected, whatever was stored
        foreach (char letter in ModeLetters[mode].Replace(" ", ""))
        {
            var t = Letters[letter];
            if (t.From == state && t.Trigger == trigger) expected = t.To;
        }

        var record = new DeviceStateRecord(null);
        record.Set(BreakerState.ControlStateIndex, state + 1);
        record.Set(BreakerState.ControlModeIndex, mode + 1);
        if (trigger == "local_reconnect") record.Set(BreakerState.LocalRequestsIndex, 1 << DisconnectCause.Limiter);
        int startState = mode == 0 ? C : state;
        var breaker = new SimulatedBreaker(startState == C ? BreakerPosition.Closed : BreakerPosition.Open);
        var events = new RecordingDisconnectEvents();
        var control = new DisconnectControl(breaker, record, events, 1);
        control.Start(0);
        Assert.Equal(startState, control.ControlState);
        Assert.Empty(events.Transitions);

        switch (trigger)
        {
            case "remote_disconnect": control.RemoteDisconnect(DisconnectCause.OpticalPort); break;
            case "remote_reconnect": control.RemoteReconnect(DisconnectCause.OpticalPort); break;
            case "manual": control.LongPress(); break;
            case "local_disconnect": control.RequestLocalDisconnect(DisconnectCause.Prepayment); break;
            case "local_reconnect": control.ClearLocalDisconnect(DisconnectCause.Limiter); break;
        }
        control.Tick(1000); // the coil pulse and the contacts' switching time are over

        Assert.Equal(expected, control.ControlState);
        Assert.Equal(expected == C, control.OutputState);
        Assert.Equal(expected == C ? BreakerPosition.Closed : BreakerPosition.Open, breaker.Contacts);
        if (expected == startState) Assert.Empty(events.Transitions);
        else
        {
            Assert.Equal((startState, expected), (events.Transitions.Single().Old, events.Transitions.Single().New));
            Assert.Equal(expected + 1, record.Get(BreakerState.ControlStateIndex)); // saved with the transition
        }
        Assert.Empty(events.Mismatches);
    }
}
