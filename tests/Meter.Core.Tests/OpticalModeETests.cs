using Meter.Dlms;
using Meter.Hal;
using Meter.Metrology;
using Meter.Optical;
using static Meter.Core.Tests.HdlcTestFrames;

namespace Meter.Core.Tests;

/// <summary>
/// The optical port in mode E (IEC 62056-21:2002 §6.4.5 / Annex E): the identification announces HDLC with "\2", the option
/// select "ACK 2 Z 2" switches the line to rate Z and 8N1 and hands it to an HDLC server for the meter's COSEM server; DISC,
/// the inactivity time-out and a line break bring the port back to the IEC 62056-21 idle state at 300 Bd 7E1. The client's
/// frames and the server's UAs are byte-exact literals (<see cref="HdlcTestFrames"/>).
/// </summary>
public class OpticalModeETests
{
    private const string Identification = "/OMf6\\2OpenMeter\r\n"; // Z = '6' (19200 Bd), "\2": binary mode (HDLC) available

    /// <summary>Sign-on, "ACK 2 6 2", the probe follows to 19200 Bd 8N1.</summary>
    private static SerialMeterRig EnterModeE(SerialMeterRig rig)
    {
        Assert.Equal(Identification, rig.SignOn());
        rig.Send("\u0006262\r\n");
        rig.Pair.Probe.BaudRate = 19200;
        rig.Pair.Probe.CharacterFormat = SerialCharacterFormat.EightNoneOne;
        Assert.Equal(OpticalServerState.ModeE, rig.Meter.Optical.State);
        Assert.Equal(19200, rig.Pair.Meter.BaudRate);
        Assert.Equal(SerialCharacterFormat.EightNoneOne, rig.Pair.Meter.CharacterFormat);
        rig.Step(20);
        return rig;
    }

    private static void AssertBackToIdle(SerialMeterRig rig)
    {
        Assert.Equal(OpticalServerState.Idle, rig.Meter.Optical.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        Assert.Equal(SerialCharacterFormat.SevenEvenOne, rig.Pair.Meter.CharacterFormat);
        rig.Pair.Probe.BaudRate = 300;
        rig.Pair.Probe.CharacterFormat = SerialCharacterFormat.SevenEvenOne;
    }

    // A mode-C readout at 19200 Bd: "ACK 0 6 0", the whole data message with a right BCC.
    private static string Readout(SerialMeterRig rig)
    {
        Assert.Equal(Identification, rig.SignOn());
        rig.Send("\u0006060\r\n");
        rig.Pair.Probe.BaudRate = 19200;
        rig.RunUntilQuiet(300);
        string message = rig.Take();
        Assert.Equal('\u0002', message[0]);
        Assert.EndsWith("!\r\n\u0003", message[..^1]);
        byte bcc = 0;
        foreach (char c in message[1..^1]) bcc ^= (byte)c;
        Assert.Equal(bcc, (byte)message[^1]);
        return message;
    }

    [Fact]
    public void Sign_on_ACK_2_SNRM_AARQ_GET_DISC_then_back_to_IEC_62056_21_where_a_readout_works()
    {
        var rig = EnterModeE(new SerialMeterRig());
        ElectricityMeter m = rig.Meter;

        Assert.Equal(Ua, rig.Exchange(Snrm));
        Assert.Equal(HdlcLinkState.Connected, m.OpticalModeE.Port.Link.State);

        AssertAareAccepted(rig.Exchange(Aarq));
        Assert.True(((CosemServer)m.Dlms).Association.Active);

        // Get-Response-Normal N(S) 1 N(R) 2: double-long-unsigned, the register in Wh.
        Assert.Equal(MeterRig.Wh(m, EnergyRegister.ActiveImport), EnergyOf(rig.Exchange(Get)));

        Assert.Equal(UaToDisc, rig.Exchange(Disc));
        Assert.False(((CosemServer)m.Dlms).Association.Active);
        AssertBackToIdle(rig);
        // The UA left at 19200 Bd before the switch back: the probe saw no framing error.
        Assert.Equal(0, rig.Pair.Probe.FramingErrors);

        Readout(rig);
    }

    [Fact]
    public void A_16_character_identification_leaves_no_room_for_backslash_2_the_meter_offers_mode_C_only()
    {
        var rig = new SerialMeterRig(configure: s => s.Identification = "OpenMeter1234567");
        Assert.Equal("/OMf6OpenMeter1234567\r\n", rig.SignOn());
        rig.Send("\u0006262\r\n");
        rig.RunUntilQuiet(400);
        Assert.StartsWith("\u0002", rig.Take()); // unsupported option select: the readout at 300 Bd (§6.3.14)
        Assert.Equal(OpticalServerState.Idle, rig.Meter.Optical.State);
    }

    [Fact]
    public void A_mode_C_client_gets_the_normal_readout()
    {
        var rig = new SerialMeterRig();
        string message = Readout(rig);
        Assert.Contains("1.8.0(", message);
        Assert.Equal(OpticalServerState.Idle, rig.Meter.Optical.State);
    }

    [Fact]
    public void ACK_2_with_another_mode_than_binary_is_unsupported_and_gets_the_readout_at_300_baud()
    {
        // §6.3.14: an unsupported option select continues with the data message at the initial rate.
        var rig = new SerialMeterRig();
        Assert.Equal(Identification, rig.SignOn());
        rig.Send("\u0006260\r\n");
        rig.RunUntilQuiet(400);
        Assert.Equal(OpticalServerState.Idle, rig.Meter.Optical.State);
        Assert.StartsWith("\u0002", rig.Take());
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
    }

    [Fact]
    public void The_HDLC_inactivity_time_out_returns_to_the_idle_state_and_ends_the_association()
    {
        var rig = EnterModeE(new SerialMeterRig());
        rig.Exchange(Snrm);
        rig.Exchange(Aarq);
        Assert.True(((CosemServer)rig.Meter.Dlms).Association.Active);
        // Blue Book IC 23 inactivity_time_out, 120 s by default: not before, then back without a frame.
        for (int s = 0; s < 119; s++) rig.Step(1000);
        Assert.Equal(OpticalServerState.ModeE, rig.Meter.Optical.State);
        rig.Step(1500);
        rig.Step(1);
        Assert.Empty(rig.TakeBytes());
        Assert.False(((CosemServer)rig.Meter.Dlms).Association.Active);
        AssertBackToIdle(rig);
        Readout(rig);
    }

    [Fact]
    public void No_SNRM_after_the_switch_returns_to_idle_after_the_inactivity_time_out()
    {
        var rig = EnterModeE(new SerialMeterRig());
        for (int s = 0; s < 119; s++) rig.Step(1000);
        Assert.Equal(OpticalServerState.ModeE, rig.Meter.Optical.State);
        rig.Step(1500);
        rig.Step(1);
        AssertBackToIdle(rig);
    }

    [Fact]
    public void A_line_break_ends_the_session_at_once()
    {
        var rig = EnterModeE(new SerialMeterRig());
        rig.Exchange(Snrm);
        rig.Exchange(Aarq);
        rig.Meter.Optical.EndSession(); // the head removed / the client gone
        Assert.False(((CosemServer)rig.Meter.Dlms).Association.Active);
        Assert.Equal(HdlcLinkState.Disconnected, rig.Meter.OpticalModeE.Port.Link.State);
        AssertBackToIdle(rig);
        Readout(rig);
    }

    [Fact]
    public void The_optical_heads_echo_of_the_meters_frames_is_dropped()
    {
        var rig = EnterModeE(new SerialMeterRig());
        long sent = 0;
        // The head returns every byte the meter sends, as soon as it has arrived (the probe writes it back).
        byte[] ExchangeWithEcho(byte[] frame)
        {
            rig.Send(frame);
            var answer = new List<byte>();
            long quiet = 0;
            for (int i = 0; i < 2000 && quiet < 30; i++)
            {
                rig.Step();
                byte[] got = rig.TakeBytes();
                answer.AddRange(got);
                if (got.Length > 0) rig.Pair.Probe.Write(got, 0, got.Length);
                bool busy = got.Length > 0 || rig.Pair.Probe.BytesToWrite > 0 || rig.Pair.Meter.BytesToWrite > 0;
                quiet = busy ? 0 : quiet + 1;
            }
            sent += answer.Count;
            return answer.ToArray();
        }

        Assert.Equal(Ua, ExchangeWithEcho(Snrm));
        Information(ExchangeWithEcho(Aarq), 0x30);
        Information(ExchangeWithEcho(Get), 0x52);
        Assert.Equal(sent, rig.Meter.OpticalModeE.Port.EchoBytesDropped);
        Assert.Equal(0, rig.Meter.OpticalModeE.Port.Link.RejectedFrames);
        Assert.Equal(UaToDisc, ExchangeWithEcho(Disc));
        AssertBackToIdle(rig);
    }
}
