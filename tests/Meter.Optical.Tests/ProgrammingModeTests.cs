using Meter.Obis;
using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>
/// Mode C programming (IEC 62056-21:2002 §6.4.3, command messages §6.3.7-6.3.10): P0 request,
/// P1 password, R1 read, W1 write, B0 break, byte for byte. Error messages are
/// "STX (ERnn) ETX BCC"; their BCC = '(' ^ 'E' ^ 'R' ^ ')' ^ ETX ^ d1 ^ d2
/// = 0x28 ^ 0x45 ^ 0x52 ^ 0x29 ^ 0x03 ^ d1 ^ d2 = 0x15 ^ d1 ^ d2 (e.g. ER01: 0x15 ^ 0x01 = 0x14).
/// </summary>
public class ProgrammingModeTests
{
    private const string Ack = "\u0006";
    private const string Nak = "\u0015";

    private static string Error(string code, char bcc) => "\u0002(" + code + ")\u0003" + bcc;

    private static OpticalRig LoggedIn() => OpticalRig.LoggedIn();

    [Fact]
    public void Programming_session_byte_for_byte()
    {
        var rig = new OpticalRig();
        // P0 = SOH "P0" STX "()" ETX BCC: 'P'^'0' = 0x60; ^STX 0x62; ^'(' 0x4A; ^')' 0x63; ^ETX 0x60 = '`'.
        Assert.Equal("/OEM5OpenMeter1\r\n|\u0001P0\u0002()\u0003`", rig.EnterProgramming());
        Assert.Equal(OpticalServerState.Programming, rig.Server.State);
        Assert.All(rig.MeterCharacters.Skip(17), c => Assert.Equal(9600, c.Baud));

        // P1 (00000000), BCC 0x61 (see BccTests) → ACK.
        Assert.Equal(Ack, rig.Command("P1\u0002(00000000)\u0003"));
        Assert.Equal(1, rig.Server.GrantedLevel);

        // R1 1.8.0() → STX "1.8.0(001234.567*kWh)" ETX BCC; BCC = 0x5F (line XOR with CR LF,
        // ReadoutModesTests) ^ CR 0x0D ^ LF 0x0A ^ ETX 0x03 = 0x5B = '['.
        Assert.Equal("\u00021.8.0(001234.567*kWh)\u0003[", rig.Command("R1\u00021.8.0()\u0003"));

        // W1 clock → ACK; the value reached the clock's owner.
        Assert.Equal(Ack, rig.Command("W1\u00020-0:1.0.0(24-06-15 12:30:00)\u0003"));
        Assert.True(rig.Meter.Store.TryReadDateTime(StandardObjects.Clock, out var clock));
        Assert.Equal(new ObisDateTime(2024, 6, 15, 12, 30, 0), clock);
        // Read back: the data "0-0:1.0.0(24-06-15 12:30:00)" ETX happens to XOR to 0x00.
        Assert.Equal("\u00020-0:1.0.0(24-06-15 12:30:00)\u0003\u0000", rig.Command("R1\u00020-0:1.0.0()\u0003"));

        // B0 → no answer, idle at 300 Bd.
        Assert.Equal("", rig.Command("B0\u0003"));
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        Assert.Equal(0, rig.Server.GrantedLevel);
    }

    [Fact]
    public void Answers_come_after_the_reaction_time()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        int before = rig.Pair.Transcript.Count;
        rig.Command("P1\u0002(00000000)\u0003");
        var exchange = rig.Pair.Transcript.Skip(before).ToList();
        var lastIn = exchange.Last(c => c.Sender == "probe");
        var firstOut = exchange.First(c => c.Sender == "meter");
        Assert.InRange(firstOut.StartNs - lastIn.EndNs, 200_000_000, 202_000_000);
    }

    [Fact]
    public void Every_error_answer()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        // Before login: R1 and W1 → ER03 (0x15 ^ '0'^'3' = 0x15 ^ 0x03 = 0x16).
        Assert.Equal(Error("ER03", '\u0016'), rig.Command("R1\u00021.8.0()\u0003"));
        Assert.Equal(Error("ER03", '\u0016'), rig.Command("W1\u00020.8.0(30)\u0003"));
        // Wrong password → ER02 (0x15 ^ 0x02 = 0x17).
        Assert.Equal(Error("ER02", '\u0017'), rig.Command("P1\u0002(12345678)\u0003"));
        Assert.Equal(Ack, rig.Command("P1\u0002(00000000)\u0003"));
        // Unsupported commands → ER01 (0x14).
        Assert.Equal(Error("ER01", '\u0014'), rig.Command("R2\u00021.8.0()\u0003"));
        Assert.Equal(Error("ER01", '\u0014'), rig.Command("P2\u0002(1234)\u0003"));
        Assert.Equal(Error("ER01", '\u0014'), rig.Command("E2\u00021.8.0()\u0003"));
        // Unknown object → ER05 (0x15 ^ 0x05 = 0x10).
        Assert.Equal(Error("ER05", '\u0010'), rig.Command("R1\u00029.9.9()\u0003"));
        Assert.Equal(Error("ER05", '\u0010'), rig.Command("W1\u00029.9.9(1)\u0003"));
        // Read-only → ER06 (0x13).
        Assert.Equal(Error("ER06", '\u0013'), rig.Command("W1\u000232.7.0(230.0)\u0003"));
        // Level 2 object with a level 1 login → ER07 (0x12).
        Assert.Equal(Error("ER07", '\u0012'), rig.Command("W1\u00020.128.0(1)\u0003"));
        // Legal data, seal closed → ER08 (0x15 ^ '0'^'8' = 0x15 ^ 0x08 = 0x1D).
        Assert.Equal(Error("ER08", '\u001D'), rig.Command("W1\u00021.8.0(1.000)\u0003"));
        // Malformed value → ER09 (0x1C); out of range → ER10 (0x15 ^ '1'^'0' = 0x14).
        Assert.Equal(Error("ER09", '\u001C'), rig.Command("W1\u00020.8.0(1x)\u0003"));
        Assert.Equal(Error("ER10", '\u0014'), rig.Command("W1\u00020.8.0(61)\u0003"));
        // Too long → ER11 (0x15); refused by the owner → ER12 (0x16).
        Assert.Equal(Error("ER11", '\u0015'), rig.Command("W1\u00020-0:96.1.0(12345678901234567)\u0003"));
        Assert.Equal(Error("ER12", '\u0016'), rig.Command("W1\u00020.128.1(1)\u0003"));
        // Malformed command data → ER13 (0x15 ^ '1'^'3' = 0x17).
        Assert.Equal(Error("ER13", '\u0017'), rig.Command("W1\u00021.8.0 no value\u0003"));
        Assert.Equal(Error("ER13", '\u0017'), rig.Command("R1\u0002(1)\u0003"));
        Assert.Equal(Error("ER13", '\u0017'), rig.Command("W1\u00021.8.0((1))\u0003"));
        Assert.Equal(Error("ER13", '\u0017'), rig.Command("R1(1.8.0)\u0003"));          // no STX
        Assert.Equal(Error("ER13", '\u0017'), rig.Command("P1\u000200000000\u0003"));    // no parentheses
        // Nothing was stored by any of them.
        Assert.Equal(0, rig.Meter.Store.WriteCount);
        Assert.Equal(OpticalServerState.Programming, rig.Server.State);
    }

    [Fact]
    public void Bad_bcc_is_answered_with_nak_and_changes_nothing()
    {
        var rig = LoggedIn();
        // SOH W1 STX 0.8.0(30) ETX with BCC 0x00 instead of the right one → NAK.
        rig.Send("\u0001W1\u00020.8.0(30)\u0003\u0000");
        rig.RunUntilQuiet(400);
        Assert.Equal(Nak, rig.TakeReceived());
        Assert.Equal(0, rig.Meter.Store.WriteCount);
        Assert.Equal(Ack, rig.Command("W1\u00020.8.0(30)\u0003"));
        Assert.Equal(1, rig.Meter.Store.WriteCount);
    }

    [Fact]
    public void Nak_from_the_master_repeats_the_last_answer_a_bounded_number_of_times()
    {
        var rig = LoggedIn();
        const string answer = "\u00021.8.0(001234.567*kWh)\u0003[";
        Assert.Equal(answer, rig.Command("R1\u00021.8.0()\u0003"));
        for (int i = 0; i < 3; i++)
        {
            rig.Send(Nak);
            rig.RunUntilQuiet(400);
            Assert.Equal(answer, rig.TakeReceived());
        }
        rig.Send(Nak); // fourth repeat request: the meter stops repeating
        rig.RunUntilQuiet(400);
        Assert.Equal("", rig.TakeReceived());
    }

    [Fact]
    public void Energy_preset_needs_the_seal_open()
    {
        var rig = LoggedIn();
        rig.Seal.IsOpen = true;
        Assert.Equal(Ack, rig.Command("W1\u00021.8.0(2000.000*kWh)\u0003"));
        Assert.True(rig.Meter.Store.TryReadInteger(StandardObjects.ActiveImport, out long wh));
        Assert.Equal(2_000_000, wh); // 2000.000 kWh = 2 000 000 Wh
    }

    [Fact]
    public void Break_from_programming_returns_to_idle_and_drops_rights()
    {
        var rig = LoggedIn();
        Assert.Equal("", rig.Command("B0\u0003"));
        rig.Probe.BaudRate = 300;
        rig.EnterProgramming();
        Assert.Equal(0, rig.Server.GrantedLevel);
        Assert.Equal("\u0002(ER03)\u0003\u0016", rig.Command("R1\u00021.8.0()\u0003"));
    }
}
