using Meter.Optical;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// OpticalServer's side of mode E (IEC 62056-21:2002 §6.3.2 items 23/24, §6.4.5): the "\2" in the identification, the
/// handover of the line after "ACK 2 Z 2" at rate Z to an <see cref="IModeESession"/> (a recording fake here), the
/// return to the idle state when the session ends or the line breaks.
/// </summary>
public class ModeEHandoverTests
{
    private sealed class FakeSession : IModeESession
    {
        public readonly List<string> Calls = new();
        public bool Running = true;
        public int BaudAtBegin;
        public Func<int>? Baud;

        public void Begin(long nowMs)
        {
            Calls.Add("Begin");
            BaudAtBegin = Baud!();
        }

        public bool Poll(long nowMs) => Running;

        public void Abort() => Calls.Add("Abort");
    }

    private static (OpticalRig Rig, FakeSession Session) Rig(bool offered = true)
    {
        var rig = new OpticalRig(s => { s.OffersModeE = offered; s.MaximumBaud = 9600; });
        var session = new FakeSession { Baud = () => rig.Pair.Meter.BaudRate };
        rig.Server.ModeE = session;
        return (rig, session);
    }

    private static void SignOn(OpticalRig rig, string expected)
    {
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(300);
        Assert.Equal(expected, rig.TakeReceived());
    }

    [Fact]
    public void The_identification_carries_backslash_2_after_the_baud_character_only_when_offered()
    {
        SignOn(Rig().Rig, "/OEM5\\2OpenMeter1\r\n");
        SignOn(Rig(offered: false).Rig, "/OEM5OpenMeter1\r\n");
    }

    [Fact]
    public void ACK_2_Z_2_switches_to_rate_Z_and_hands_the_line_over_until_the_session_ends()
    {
        var (rig, session) = Rig();
        SignOn(rig, "/OEM5\\2OpenMeter1\r\n");
        rig.Send("\u0006242\r\n"); // V = 2 HDLC, Z = 4 (4800 Bd, lower than offered), Y = 2 binary
        rig.RunUntilSent();
        rig.Run(5);
        Assert.Equal(OpticalServerState.ModeE, rig.Server.State);
        Assert.Equal(new[] { "Begin" }, session.Calls);
        Assert.Equal(4800, session.BaudAtBegin);
        // The server reads nothing meanwhile: a sign-on on the line is the session's, not the server's.
        rig.Probe.BaudRate = 4800;
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(300);
        Assert.Equal("", rig.TakeReceived());
        Assert.Equal(OpticalServerState.ModeE, rig.Server.State);

        session.Running = false;
        rig.Run(2);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        rig.Probe.BaudRate = 300;
        SignOn(rig, "/OEM5\\2OpenMeter1\r\n");
    }

    [Fact]
    public void A_line_break_aborts_the_session()
    {
        var (rig, session) = Rig();
        SignOn(rig, "/OEM5\\2OpenMeter1\r\n");
        rig.Send("\u0006252\r\n");
        rig.RunUntilSent();
        rig.Run(5);
        rig.Server.EndSession();
        Assert.Equal(new[] { "Begin", "Abort" }, session.Calls);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
    }

    [Theory]
    [InlineData("\u0006252\r\n", false)] // not offered: unsupported, readout at 300 Bd (§6.3.14)
    [InlineData("\u0006250\r\n", true)]  // V = 2 with Y = 0: not the binary mode
    [InlineData("\u0006262\r\n", true)]  // Z = 6 (19200) above the 9600 offered
    public void Other_option_selects_with_V_2_get_the_readout_at_300_baud(string optionSelect, bool offered)
    {
        var (rig, session) = Rig(offered);
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(300);
        rig.TakeReceived();
        rig.Send(optionSelect);
        rig.RunUntilQuiet(500);
        Assert.StartsWith("\u0002", rig.TakeReceived());
        Assert.Empty(session.Calls);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
    }

    [Fact]
    public void Offering_mode_E_needs_mode_C_and_an_identification_of_at_most_14_characters()
    {
        var settings = new OpticalPortSettings { OffersModeE = true, Identification = "ABCDEFGHIJKLMN" };
        settings.Validate();
        settings.Identification = "ABCDEFGHIJKLMNO";
        Assert.Contains("14", Assert.Throws<ArgumentException>(() => settings.Validate()).Message);
        settings.Identification = "OpenMeter";
        settings.Mode = OpticalProtocolMode.B;
        Assert.Contains("Mode = C", Assert.Throws<ArgumentException>(() => settings.Validate()).Message);
    }
}
