using Meter.Optical;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// OpticalServer.EndSession: the master is gone without a break (the virtual meter's TCP client
/// disconnected). The server stops whatever it sends and is idle at once, so the next master is
/// answered without waiting for an answer nobody hears.
/// </summary>
public class EndSessionTests
{
    [Fact]
    public void The_300_baud_readout_after_an_unanswered_identification_stops_and_the_next_request_is_answered()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(5);
        rig.Run(3000); // past tt (≤ 2.2 s): the mode C meter now sends its readout at 300 Bd
        Assert.Equal(OpticalServerState.Readout, rig.Server.State);
        rig.TakeReceived();

        int queued = rig.Pair.Meter.BytesToWrite; // already in the UART's transmit buffer: those still leave
        rig.Server.EndSession();
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        rig.RunUntilQuiet(quietMs: 500);
        string after = rig.TakeReceived();
        Assert.True(after.Length <= queued + 1, $"the readout went on: '{after}'"); // + the character on the wire

        rig.Send("/?!\r\n");
        rig.RunUntilReceived(5, limitMs: 1000);
        Assert.StartsWith("/OEM", rig.TakeReceived());
    }

    [Fact]
    public void Programming_mode_ends_with_the_session_ended_event_and_an_idle_server_is_left_alone()
    {
        var rig = OpticalRig.LoggedIn();
        Assert.Equal(OpticalServerState.Programming, rig.Server.State);
        int before = rig.Events.Count(OpticalEventKind.SessionEnded);
        rig.Server.EndSession();
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(before + 1, rig.Events.Count(OpticalEventKind.SessionEnded));
        rig.Server.EndSession(); // nothing to end: no second event
        Assert.Equal(before + 1, rig.Events.Count(OpticalEventKind.SessionEnded));
    }
}
