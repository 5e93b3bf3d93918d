using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// A command frame longer than the meter's receive buffer (a W1 with a 4 kB value): the meter
/// cannot take the value, but the frame still ends (ETX BCC), so it answers once it has
/// ended — with the "too long" error message (§6.3.10, ER11) when the BCC is right, NAK when
/// not (§6.3.6) — and the next command works. Before, the frame was dropped and nothing answered.
/// </summary>
public class OversizeFrameTests
{
    private const string Ack = "\u0006";
    // STX (ER11) ETX BCC: 0x15 ^ '1' ^ '1' = 0x15 (see ProgrammingModeTests).
    private const string TooLong = "\u0002(ER11)\u0003\u0015";

    private static OpticalRig LoggedIn() => OpticalRig.LoggedIn();

    [Fact]
    public void A_4_kB_write_is_answered_too_long_after_its_end_and_the_port_goes_on()
    {
        var rig = LoggedIn();
        string value = new string('7', 4096);
        long before = rig.NowMs;
        Assert.Equal(TooLong, rig.Command("W1\u00020-0:96.1.0(" + value + ")\u0003"));
        // The answer came after the whole frame (4 kB at 9600 Bd ≈ 4.3 s), not while it arrived.
        Assert.True(rig.NowMs - before > 4000);
        Assert.Equal(0, rig.Meter.Store.WriteCount);
        Assert.Equal(1, rig.Events.Count(OpticalEventKind.WriteRejected));
        // A normal request afterwards is answered as usual.
        Assert.Equal("\u00021.8.0(001234.567*kWh)\u0003[", rig.Command("R1\u00021.8.0()\u0003"));
        Assert.Equal(Ack, rig.Command("W1\u00020.8.0(30)\u0003"));
    }

    [Fact]
    public void An_oversize_frame_with_a_wrong_bcc_gets_nak()
    {
        var rig = LoggedIn();
        var body = System.Text.Encoding.ASCII.GetBytes("W1\u00020-0:96.1.0(" + new string('7', 500) + ")\u0003");
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        var frame = new byte[body.Length + 2];
        frame[0] = 0x01;
        body.CopyTo(frame, 1);
        frame[^1] = (byte)(bcc ^ 0x01);
        rig.Send(frame);
        rig.RunUntilQuiet(400);
        Assert.Equal("\u0015", rig.TakeReceived());
        Assert.Equal(Ack, rig.Command("W1\u00020.8.0(30)\u0003"));
    }
}
