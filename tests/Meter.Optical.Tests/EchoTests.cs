using Meter.Hal.Simulation.Serial;
using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// Half duplex through an optical head (IEC 62056-21:2002 §5.1, std, verify): the head returns the meter's own light, and
/// the device's link cannot tell when its characters have left (BytesToWrite is always 0). The server drops what arrives
/// while its characters are computed to be on the line and 20 ms after (<see cref="EchoGuard"/>), and waits for that
/// computed end before it switches the rate.
/// </summary>
public class EchoTests
{
    private const string Ack = "\u0006";
    private const string Ident = "/OEM5OpenMeter1\r\n";

    private static OpticalRig EchoingRig() => new(meterLink: pair => new EchoingDeviceLink(pair));

    private static int EchoCount(OpticalRig rig) => ((EchoingDeviceLink)rig.Link).EchoCount;

    [Fact]
    public void Mode_C_readout_at_9600_baud_works_when_every_character_comes_back()
    {
        var rig = EchoingRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(Ident.Length);
        Assert.Equal(Ident, rig.TakeReceived());
        rig.Run(100); // the echo of the identification's last characters arrives now; its '/' must not restart anything
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);

        rig.Send("\u00060" + "50\r\n");
        rig.RunUntilSent();
        rig.Probe.BaudRate = 9600;
        rig.RunUntilQuiet();

        Assert.Equal(ReadoutModesTests.ShortReadout, rig.TakeReceived());
        Assert.All(rig.MeterCharacters.Skip(Ident.Length), c => Assert.Equal(9600, c.Baud));
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        int sent = rig.MeterCharacters.Count();
        Assert.Equal(Ident.Length + ReadoutModesTests.ShortReadout.Length, sent);
        Assert.Equal(sent, EchoCount(rig));
        Assert.Equal(sent, rig.Server.EchoBytesDropped);
    }

    [Fact]
    public void Programming_session_P1_W1_B0_works_when_every_character_comes_back()
    {
        var rig = EchoingRig();
        Assert.Equal(Ident + "|\u0001P0\u0002()\u0003`", rig.EnterProgramming());
        Assert.Equal(Ack, rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal(1, rig.Server.GrantedLevel);
        Assert.Equal(Ack, rig.Command("W1\u00020-0:1.0.0(24-06-15 12:30:00)\u0003"));
        Assert.True(rig.Meter.Store.TryReadDateTime(StandardObjects.Clock, out var clock));
        Assert.Equal(new ObisDateTime(2024, 6, 15, 12, 30, 0), clock);
        Assert.Equal("", rig.Command("B0\u0003"));
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        // Ident 17 + P0 8 + ACK + ACK.
        Assert.Equal(27, rig.MeterCharacters.Count());
        Assert.Equal(27, EchoCount(rig));
        Assert.Equal(27, rig.Server.EchoBytesDropped);
    }

    // After the ACK to P1 (one character at 9600 Bd) the probe sends NAK, arriving this long after the ACK's stop bit:
    // inside the guard it is taken for echo; after it, it is a repeat request and the ACK is repeated (§6.3.6).
    [Theory]
    [InlineData(10, "", 1)]
    [InlineData(15, "", 1)]
    [InlineData(25, Ack, 0)]
    [InlineData(200, Ack, 0)]
    public void A_character_after_the_guard_window_is_processed_one_inside_it_is_dropped(int afterEndMs, string answer,
        int nakDropped)
    {
        var rig = EchoingRig();
        rig.EnterProgramming();
        long droppedBefore = rig.Server.EchoBytesDropped;
        int echoBefore = EchoCount(rig);
        rig.Send(OpticalRig.Frame("P1\u0002(00000000)\u0003"));
        rig.RunUntilReceived(1);
        Assert.Equal(Ack, rig.TakeReceived());
        long ackEndNs = rig.MeterCharacters.Last().EndNs;
        long nakArrivesNs = ackEndNs + afterEndMs * 1_000_000L;
        while (rig.Pair.NowNs + VirtualSerialPair.CharacterDurationNs(9600) < nakArrivesNs) rig.Run(1);
        rig.Send("\u0015");
        rig.RunUntilQuiet(400);
        Assert.Equal(answer, rig.TakeReceived());
        // The echo of each ACK, and the NAK when it came inside the window.
        Assert.Equal(answer.Length + 1, EchoCount(rig) - echoBefore);
        Assert.Equal(EchoCount(rig) - echoBefore + nakDropped, rig.Server.EchoBytesDropped - droppedBefore);
    }
}

/// <summary>A link without line time (TCP, pty) has no optical head: nothing is taken for echo there.</summary>
public class NoEchoOnLinksWithoutLineTimeTests
{
    [Fact]
    public void A_break_sent_at_once_after_an_error_answer_is_taken_on_a_link_without_line_time()
    {
        var meter = new SampleMeter();
        var link = new InstantLink();
        var settings = new OpticalPortSettings { Mode = OpticalProtocolMode.C };
        var server = new OpticalServer(link, settings, meter.Table, DefaultReadout.Create(), new TestSeal(), new EventRecorder());
        long now = 0;
        void Say(string s) { link.Inject(System.Text.Encoding.ASCII.GetBytes(s)); server.Poll(now += 1); server.Poll(now += 250); }
        Say("/?!\r\n");
        Say("\u00060" + "51\r\n");
        Assert.Equal(OpticalServerState.Programming, server.State);
        Say(System.Text.Encoding.ASCII.GetString(OpticalRig.Frame("P1\u0002(99999999)\u0003"))); // wrong password: an error answer
        Assert.Equal(OpticalServerState.Programming, server.State);
        link.Inject(OpticalRig.Frame("B0\u0003")); // no reaction time at all
        server.Poll(now += 1);
        Assert.Equal(OpticalServerState.Idle, server.State);
        Assert.Equal(0, server.EchoBytesDropped);
    }
}
