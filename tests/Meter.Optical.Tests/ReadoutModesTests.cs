using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>Full readout exchanges of modes A, B and C, byte for byte (IEC 62056-21:2002 §6.4.1-6.4.3).</summary>
public class ReadoutModesTests
{
    private const long Ms = 1_000_000; // ns

    // The short readout of SampleMeter, STX … ETX BCC. BCC = XOR of everything after STX,
    // worked line by line (each line's XOR, then the running value):
    //   "0-0:96.1.0(12345678)\r\n"            0x17 → 0x17
    //   "1.8.0(001234.567*kWh)\r\n"           0x5F → 0x48
    //   "1.8.0*7(001000.000*kWh)\r\n"         0x43 → 0x0B
    //   "1.6.0(12.345*kW)(24-05-01 10:15)\r\n" 0x24 → 0x2F
    //   "32.7.0(230.1*V)\r\n"                 0x52 → 0x7D
    //   "!\r\n" ETX                           0x25 → 0x58 = 'X'
    internal const string ShortReadout =
        "\u0002" +
        "0-0:96.1.0(12345678)\r\n" +
        "1.8.0(001234.567*kWh)\r\n" +
        "1.8.0*7(001000.000*kWh)\r\n" +
        "1.6.0(12.345*kW)(24-05-01 10:15)\r\n" +
        "32.7.0(230.1*V)\r\n" +
        "!\r\n\u0003" + "X";

    [Fact]
    public void Mode_A_identification_then_data_at_300_baud()
    {
        var rig = new OpticalRig(s => s.Mode = OpticalProtocolMode.A);
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet();
        // Mode A: Z = '-' (neither a mode B letter nor a mode C digit), data follows at 300 Bd.
        Assert.Equal("/OEM-OpenMeter1\r\n" + ShortReadout, rig.TakeReceived());
        Assert.All(rig.MeterCharacters, c => Assert.Equal(300, c.Baud));
        Assert.Empty(rig.Pair.Meter.BaudChanges);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
    }

    [Fact]
    public void Identification_waits_the_reaction_time_after_the_request()
    {
        var rig = new OpticalRig(s => s.Mode = OpticalProtocolMode.A);
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet();
        long requestEnd = rig.ProbeCharacters.Last().EndNs;
        long identStart = rig.MeterCharacters.First().StartNs;
        // tr ≥ 200 ms (upper-case third ID letter) and ≤ 1500 ms; polled every 1 ms.
        Assert.InRange(identStart - requestEnd, 200 * Ms, 202 * Ms);
        // 5 request characters at 300 Bd: 5 × 10 bits / 300 = 166.67 ms.
        Assert.InRange(requestEnd, 166 * Ms, 167 * Ms);
    }

    [Fact]
    public void Lower_case_third_letter_allows_the_20_ms_reaction_time()
    {
        var rig = new OpticalRig(s => { s.ManufacturerId = "OEm"; s.ReactionTimeMs = 20; s.Mode = OpticalProtocolMode.A; });
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet();
        long gap = rig.MeterCharacters.First().StartNs - rig.ProbeCharacters.Last().EndNs;
        Assert.InRange(gap, 20 * Ms, 22 * Ms);
        Assert.StartsWith("/OEm-OpenMeter1\r\n", rig.TakeReceived());
    }

    [Fact]
    public void Mode_B_switches_after_the_identification_without_acknowledgement()
    {
        var rig = new OpticalRig(s => { s.Mode = OpticalProtocolMode.B; s.MaximumBaud = 9600; });
        rig.Send("/?!\r\n");
        const string ident = "/OEMEOpenMeter1\r\n"; // Z = 'E' = 9600 Bd in mode B
        rig.RunUntilReceived(ident.Length);
        Assert.Equal(ident, rig.TakeReceived());
        rig.Probe.BaudRate = 9600; // the master follows the announced rate
        rig.RunUntilQuiet();
        Assert.Equal(ShortReadout, rig.TakeReceived());
        var chars = rig.MeterCharacters.ToList();
        Assert.All(chars.Take(ident.Length), c => Assert.Equal(300, c.Baud));
        Assert.All(chars.Skip(ident.Length), c => Assert.Equal(9600, c.Baud));
        // Switched to 9600 when the identification's last stop bit ended, back to 300 after the BCC.
        var changes = rig.Pair.Meter.BaudChanges;
        Assert.Equal(new[] { 9600, 300 }, changes.Select(c => c.Baud));
        Assert.InRange(changes[0].AtNs - chars[ident.Length - 1].EndNs, 0, 1 * Ms);
        Assert.InRange(chars[ident.Length].StartNs - changes[0].AtNs, 300 * Ms, 301 * Ms);
        Assert.Equal(0, rig.Probe.FramingErrors);
    }

    [Fact]
    public void Mode_C_readout_at_the_selected_9600_baud()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        const string ident = "/OEM5OpenMeter1\r\n"; // Z = '5' = 9600 Bd in mode C
        rig.RunUntilReceived(ident.Length);
        Assert.Equal(ident, rig.TakeReceived());
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);
        rig.Run(100);
        rig.Send("\u00060" + "50\r\n"); // ACK V='0' normal, Z='5' 9600, Y='0' readout
        rig.RunUntilSent();
        long ackEnd = rig.ProbeCharacters.Last().EndNs;
        rig.Probe.BaudRate = 9600;
        rig.RunUntilQuiet();
        Assert.Equal(ShortReadout, rig.TakeReceived());
        var data = rig.MeterCharacters.Skip(ident.Length).ToList();
        Assert.All(data, c => Assert.Equal(9600, c.Baud));
        // First data character ≥ 300 ms (baud switch delay) after the ACK's last character.
        Assert.InRange(data[0].StartNs - ackEnd, 300 * Ms, 302 * Ms);
        // 6 ACK characters at 300 Bd take 200 ms.
        Assert.InRange(rig.ProbeCharacters.Skip(5).Sum(c => c.EndNs - c.StartNs), 200 * Ms - 10, 200 * Ms);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
    }

    [Fact]
    public void Mode_C_master_may_choose_a_lower_rate()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(17);
        rig.TakeReceived();
        rig.Send("\u00060" + "30\r\n"); // Z = '3' = 2400 Bd, below the proposed 9600
        rig.RunUntilSent();
        rig.Probe.BaudRate = 2400;
        rig.RunUntilQuiet();
        Assert.Equal(ShortReadout, rig.TakeReceived());
        Assert.All(rig.MeterCharacters.Skip(17), c => Assert.Equal(2400, c.Baud));
    }

    [Fact]
    public void Mode_C_at_300_baud_needs_no_switch()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(17);
        rig.TakeReceived();
        rig.Send("\u00060" + "00\r\n");
        rig.RunUntilQuiet();
        Assert.Equal(ShortReadout, rig.TakeReceived());
        Assert.Empty(rig.Pair.Meter.BaudChanges);
    }

    // §6.3.14 (protocol control character V): "the communication will proceed at 300 Bd if
    // an incorrect or unsupported acknowledgement/option select message is received": the
    // data message follows at 300 Bd after tr, nothing is switched, no programming mode.
    [Theory]
    [InlineData("\u00062" + "50\r\n")] // V = '2': HDLC procedure, not offered
    [InlineData("\u00061" + "50\r\n")] // V = '1': secondary procedure, not offered
    [InlineData("\u00060" + "60\r\n")] // Z = '6': 19200 above the proposed 9600
    [InlineData("\u00060" + "70\r\n")] // Z = '7': reserved
    [InlineData("\u00060" + "61\r\n")] // programming asked for at an unsupported rate
    [InlineData("\u00060" + "52\r\n")] // Y = '2': binary mode, not offered
    [InlineData("\u00060" + "56\r\n")] // Y = '6': manufacturer mode, not offered
    [InlineData("\u00060" + "5\r\n")]  // too short
    [InlineData("\u00060" + "50\r\r")] // wrong completion characters
    public void Invalid_option_select_is_answered_with_the_readout_at_300_baud(string option)
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(17);
        rig.TakeReceived();
        rig.Send(option);
        rig.RunUntilSent();
        long optionEnd = rig.ProbeCharacters.Last().EndNs;
        rig.RunUntilQuiet(3000);
        Assert.Equal(ShortReadout, rig.TakeReceived());
        var data = rig.MeterCharacters.Skip(17).ToList();
        Assert.All(data, c => Assert.Equal(300, c.Baud));
        Assert.Empty(rig.Pair.Meter.BaudChanges);
        // tr = 200 ms after the option select's last character (polled every 1 ms).
        Assert.InRange(data[0].StartNs - optionEnd, 200 * Ms, 202 * Ms);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(0, rig.Server.GrantedLevel);
        // and the port still answers a new request
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(17);
        Assert.Equal("/OEM5OpenMeter1\r\n", rig.TakeReceived());
    }

    [Fact]
    public void Option_select_broken_off_for_longer_than_ta_gets_the_readout_at_300_baud()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(17);
        rig.TakeReceived();
        rig.Send("\u00060" + "5"); // ACK V Z, then the master falls silent
        rig.RunUntilSent();
        long lastEnd = rig.ProbeCharacters.Last().EndNs;
        rig.RunUntilQuiet(3000);
        Assert.Equal(ShortReadout, rig.TakeReceived());
        var data = rig.MeterCharacters.Skip(17).ToList();
        Assert.All(data, c => Assert.Equal(300, c.Baud));
        // Continued once the gap exceeded ta = 1500 ms (polled every 1 ms).
        Assert.InRange(data[0].StartNs - lastEnd, 1500 * Ms, 1502 * Ms);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
    }

    [Fact]
    public void Wake_up_nuls_and_noise_before_the_request_are_ignored()
    {
        var rig = new OpticalRig(s => s.Mode = OpticalProtocolMode.A);
        rig.Send("\0\0\0\0xyz!\r\n/?!\r\n");
        rig.RunUntilQuiet();
        Assert.StartsWith("/OEM-OpenMeter1\r\n\u0002", rig.TakeReceived());
    }

    [Fact]
    public void Default_readout_lists_energies_tariffs_demand_instantaneous_and_billing_values()
    {
        var rig = new OpticalRig(s => s.Mode = OpticalProtocolMode.A, DefaultReadout.Create());
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(3000, 200_000);
        var text = rig.TakeReceived();
        Assert.Contains("\r\n1.8.0(001234.567*kWh)\r\n1.8.0*7(001000.000*kWh)\r\n1.8.1(", text);
        Assert.Contains("\r\n1.6.0(12.345*kW)(24-05-01 10:15)\r\n", text);
        Assert.Contains("\r\n0-0:1.0.0(24-05-01 10:20:30)\r\n", text);
        Assert.Contains("\r\n0.1.0(07)\r\n", text); // 1-0:0.1.0 in reduced form
        Assert.EndsWith("!\r\n\u0003" + text[^1], text);
        // Every line ≤ 78 characters before CR LF (IEC 62056-21:2002 §6.3.4 data line).
        var body = text[(text.IndexOf('\u0002') + 1)..text.LastIndexOf('!')];
        Assert.All(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length <= 78, line));
        // BCC: XOR after STX through ETX, recomputed here independently of the server.
        int stx = text.IndexOf('\u0002');
        int bcc = 0;
        for (int i = stx + 1; i < text.Length - 1; i++) bcc ^= text[i];
        Assert.Equal(bcc & 0x7F, text[^1]);
    }
}
