using Meter.OpticalClient.Protocol;
using MeterTool.Tests.Support;
using static MeterTool.Tests.Support.ScriptedMeter;

namespace MeterTool.Tests;

/// <summary>The client's state machine against a scripted meter on an in-memory transport.</summary>
public class ClientStateMachineTests
{
    private static readonly byte[] Request = A("/?!\r\n");
    private const string Readout = "0.0.0(12345678)\r\n1.8.0(000123.456*kWh)\r\n!\r\n";

    private readonly List<int> _sleeps = new();

    private Iec62056Client Client(ScriptedMeter meter) => new(meter, new ClientTimings { Sleep = _sleeps.Add });

    [Fact]
    public void Mode_A_readout_follows_the_identification_at_300_Bd_without_option_select()
    {
        var meter = new ScriptedMeter().On(Request, Cat(A("/ABC-Meter\r\n"), DataMessage(Readout)));
        var readout = Client(meter).Readout("", 9600);

        Assert.Equal(ProtocolMode.A, readout.Identification.Mode);
        Assert.Equal(300, readout.Baud);
        Assert.Equal(Request, meter.Written); // nothing but the request: no ACK in mode A
        Assert.All(meter.BaudChanges, c => Assert.Equal(300, c.Baud));
        Assert.Equal(new[] { "0.0.0", "1.8.0" }, readout.DataSets.Select(s => s.Address));
        Assert.Equal(0x43, readout.Raw[^1]); // the notes' worked BCC
    }

    [Fact]
    public void Mode_C_readout_selects_the_rate_switches_after_the_ACK_and_returns_to_300()
    {
        var ack = new byte[] { 0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A }; // ACK 0 5 0: readout at 9600
        var meter = new ScriptedMeter()
            .On(Request, A("/KAM5351B\r\n"))
            .On(ack, DataMessage(Readout));
        var readout = Client(meter).Readout("", 19200);

        Assert.Equal(9600, readout.Baud);
        Assert.Equal(Cat(Request, ack), meter.Written);
        // 300 for the request; 9600 only after all 11 bytes (request + ACK) were written; back to 300 after ETX BCC.
        Assert.Equal(new[] { (300, 0), (9600, 11), (300, 11) }, meter.BaudChanges);
        // Reaction time 200 ms before the ACK (upper-case 'M'); the switch comes 300 ms after the
        // ACK's start: its 6 characters take 6 × 10 bits / 300 Bd = 200 ms, so 100 ms remain.
        Assert.Equal(new[] { 200, 100 }, _sleeps);
    }

    [Fact]
    public void Mode_C_rate_is_capped_by_baud_max()
    {
        var meter = new ScriptedMeter()
            .On(Request, A("/KAm6Fast\r\n")) // offers 19200, lower-case third letter: 20 ms reaction
            .On(new byte[] { 0x06, 0x30, 0x33, 0x30, 0x0D, 0x0A }, DataMessage("!\r\n")); // '3' = 2400
        var readout = Client(meter).Readout("", 2400);
        Assert.Equal(2400, readout.Baud);
        Assert.Empty(readout.DataSets);
        Assert.Equal(20, _sleeps[0]);
    }

    [Fact]
    public void Mode_B_follows_the_meter_to_its_rate_without_ACK()
    {
        var meter = new ScriptedMeter().On(Request, Cat(A("/ABCE1\r\n"), DataMessage(Readout)));
        var readout = Client(meter).Readout("", 9600);
        Assert.Equal(9600, readout.Baud); // 'E' = 9600 in mode B
        Assert.Equal(Request, meter.Written);
        Assert.Contains((9600, 5), meter.BaudChanges);
    }

    [Fact]
    public void Programming_with_password_protected_write_and_break()
    {
        var meter = new ScriptedMeter()
            .On(Request, A("/KAM5351B\r\n"))
            .On(new byte[] { 0x06, 0x30, 0x35, 0x31, 0x0D, 0x0A }, Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
            // P1 (12345678): BCC 0x69 worked out as in FramingTests ('P'^'1' = 0x61, ^STX = 0x63,
            // ^'(' = 0x4B, ^'1'..'8' = 0x4B ^ 0x08 = 0x43, ^')' = 0x6A, ^ETX = 0x69).
            .On(Cat([0x01], A("P1"), [0x02], A("(12345678)"), [0x03, 0x69]), [0x06])
            .On(Cat([0x01], A("W1"), [0x02], A("0.8.0(15)"), [0x03, 0x5A]), [0x06])
            .On([0x01, 0x42, 0x30, 0x03, 0x71], []);
        var client = Client(meter);
        using (var session = new ProgrammingSession(client, "", 9600, "12345678"))
            session.Write("0.8.0", "15");
        Assert.True(meter.Finished);
        Assert.Equal(300, meter.BaudRate); // B0: back to idle at the initial rate
    }

    [Fact]
    public void Wrong_password_is_reported_as_refused_with_the_meter_code()
    {
        var meter = new ScriptedMeter()
            .On(Request, A("/KAM5351B\r\n"))
            .On(new byte[] { 0x06, 0x30, 0x35, 0x31, 0x0D, 0x0A }, Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
            .On(Frames.Command("P1", "(99999999)"), DataMessage("(ER02)"));
        var e = Assert.Throws<MeterProtocolException>(() => Client(meter).OpenProgramming("", 9600, "99999999"));
        Assert.Equal(ProtocolErrorKind.PasswordRefused, e.Kind);
        Assert.Equal("ER02", e.MeterErrorCode);
        Assert.Contains("wrong password", e.Message);
    }

    [Fact]
    public void NAK_to_a_write_repeats_it_and_then_succeeds()
    {
        byte[] w1 = Frames.Command("W1", "0.8.0(15)");
        var meter = OpenedSession().On(w1, [0x15]).On(w1, [0x15]).On(w1, [0x06]);
        var client = Client(meter);
        client.OpenProgramming("", 9600, "00000000");
        client.Write("0.8.0", "15");
        Assert.True(meter.Finished);
    }

    [Fact]
    public void NAK_beyond_the_repeat_limit_fails_naming_NAK()
    {
        byte[] w1 = Frames.Command("W1", "0.8.0(15)");
        var meter = OpenedSession().On(w1, [0x15]).On(w1, [0x15]).On(w1, [0x15]).On(w1, [0x15]);
        var client = Client(meter);
        client.OpenProgramming("", 9600, "00000000");
        var e = Assert.Throws<MeterProtocolException>(() => client.Write("0.8.0", "15"));
        Assert.Equal(ProtocolErrorKind.Nak, e.Kind);
        Assert.Contains("4 times", e.Message); // first try + 3 repeats
    }

    [Fact]
    public void Answer_with_bad_BCC_is_NAKed_and_the_repetition_accepted()
    {
        var good = DataMessage("1.8.0(000123.456*kWh)");
        var bad = good.ToArray();
        bad[^1] ^= 0x01;
        var meter = OpenedSession().On(Frames.Command("R1", "1.8.0()"), bad).On([0x15], good);
        var client = Client(meter);
        client.OpenProgramming("", 9600, "00000000");
        var set = Assert.Single(client.Read("1.8.0"));
        Assert.Equal("000123.456", set.Value);
    }

    [Fact]
    public void Readout_with_bad_BCC_fails_naming_both_BCCs()
    {
        var message = DataMessage(Readout);
        message[^1] = 0x44; // computed is 0x43
        var meter = new ScriptedMeter().On(Request, Cat(A("/ABC-Meter\r\n"), message));
        var e = Assert.Throws<MeterProtocolException>(() => Client(meter).Readout("", 9600));
        Assert.Equal(ProtocolErrorKind.BccMismatch, e.Kind);
        Assert.Contains("received 0x44, computed 0x43", e.Message);
    }

    [Fact]
    public void Silent_meter_times_out_in_the_identification_state()
    {
        var meter = new ScriptedMeter().On(Request, []);
        var e = Assert.Throws<MeterProtocolException>(() => Client(meter).Readout("", 9600));
        Assert.Equal(ProtocolErrorKind.Timeout, e.Kind);
        Assert.Equal("identification", e.State);
        Assert.Equal(2000, meter.ReadTimeouts[0]); // the response timeout
    }

    [Fact]
    public void Readout_stopping_midway_times_out_with_the_inter_character_limit()
    {
        var meter = new ScriptedMeter().On(Request, Cat(A("/ABC-Meter\r\n"), [0x02], A("1.8.0(0")));
        var e = Assert.Throws<MeterProtocolException>(() => Client(meter).Readout("", 9600));
        Assert.Equal(ProtocolErrorKind.Timeout, e.Kind);
        Assert.Equal("readout", e.State);
        Assert.Contains("inter-character timeout ta = 1500 ms", e.Message);
    }

    [Fact]
    public void Error_message_to_R1_names_the_code_and_its_meaning()
    {
        var meter = OpenedSession().On(Frames.Command("R1", "9.9.9()"), DataMessage("(ER05)"));
        var client = Client(meter);
        client.OpenProgramming("", 9600, "00000000");
        var e = Assert.Throws<MeterProtocolException>(() => client.Read("9.9.9"));
        Assert.Equal(ProtocolErrorKind.MeterError, e.Kind);
        Assert.Equal("ER05", e.MeterErrorCode);
        Assert.Contains("no object with that OBIS code", e.Message);
    }

    [Fact]
    public void Partial_blocks_are_ACKed_and_joined()
    {
        byte[] Partial(string text)
        {
            var body = Cat(A(text), [0x04]);
            byte bcc = 0;
            foreach (var b in body) bcc ^= b;
            return Cat([0x02], body, [bcc]);
        }
        var meter = OpenedSession()
            .On(Frames.Command("R1", "P.01(;)"), Partial("P.01(02401010015)(00)(15)(1)(1.5)(kW)\r\n"))
            .On([0x06], DataMessage("(0.250)\r\n(0.500)\r\n"));
        var client = Client(meter);
        client.OpenProgramming("", 9600, "00000000");
        var sets = client.Read("P.01", ";");
        Assert.Equal(3, sets.Count);
        Assert.Equal("0.500", sets[2].Value);
    }

    [Fact]
    public void Echo_of_the_request_and_leading_NULs_are_skipped()
    {
        var meter = new ScriptedMeter().On(Request, Cat([0, 0], Request, A("/ABC-Meter\r\n"), DataMessage("!\r\n")));
        Assert.Equal("ABC", Client(meter).Readout("", 9600).Identification.ManufacturerId);
    }

    [Fact]
    public void Programming_needs_mode_C()
    {
        var meter = new ScriptedMeter().On(Request, A("/ABC-Meter\r\n"));
        var e = Assert.Throws<MeterProtocolException>(() => Client(meter).OpenProgramming("", 9600, "1"));
        Assert.Contains("programming needs mode C", e.Message);
    }

    private static ScriptedMeter OpenedSession() => new ScriptedMeter()
        .On(Request, A("/KAM5351B\r\n"))
        .On(new byte[] { 0x06, 0x30, 0x35, 0x31, 0x0D, 0x0A }, Cat([0x01], A("P0"), [0x02], A("()"), [0x03, 0x60]))
        .On(Frames.Command("P1", "(00000000)"), [0x06]);
}
