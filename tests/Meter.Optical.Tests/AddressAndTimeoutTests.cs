using Meter.Optical.Tests.Support;

namespace Meter.Optical.Tests;

/// <summary>Addressed sign-on (IEC 62056-21:2002 §6.3.1) and the time-outs that return the port to idle.</summary>
public class AddressAndTimeoutTests
{
    private const long Ms = 1_000_000; // ns
    private const string Ident = "/OEM5OpenMeter1\r\n";

    [Theory]
    [InlineData("/?!\r\n")]             // general request: every meter answers
    [InlineData("/?12345678!\r\n")]     // its own address
    [InlineData("/?0012345678!\r\n")]   // leading zeros are not significant
    public void Answers_the_general_request_and_its_own_address(string request)
    {
        var rig = new OpticalRig(s => s.DeviceAddress = "12345678");
        rig.Send(request);
        rig.RunUntilQuiet(1000); // less than tt: the identification alone
        Assert.Equal(Ident, rig.TakeReceived());
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);
    }

    [Theory]
    [InlineData("12345678", "/?87654321!\r\n")] // another meter's address
    [InlineData("12345678", "/?1234567!\r\n")]  // a prefix is not the address
    [InlineData("12345678", "/?123456780!\r\n")]
    [InlineData("", "/?1!\r\n")]                // a meter without address answers only the general request
    [InlineData("12345678", "/?1234-5678!\r\n")] // '-' is not an address character
    public void Ignores_requests_for_another_address(string own, string request)
    {
        var rig = new OpticalRig(s => s.DeviceAddress = own);
        rig.Send(request);
        rig.RunUntilQuiet(3000);
        Assert.Equal("", rig.TakeReceived());
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Empty(rig.MeterCharacters);
    }

    [Fact]
    public void A_gap_longer_than_1500_ms_inside_the_request_discards_it()
    {
        var rig = new OpticalRig();
        rig.Send("/?");
        rig.RunUntilSent();
        rig.Run(1600); // ta exceeded
        rig.Send("!\r\n");
        rig.RunUntilQuiet(3000);
        Assert.Equal("", rig.TakeReceived());
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(1000); // less than tt: the identification alone
        Assert.Equal(Ident, rig.TakeReceived());
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);
    }

    [Fact]
    public void A_gap_just_under_1500_ms_is_tolerated()
    {
        var rig = new OpticalRig();
        rig.Send("/?");
        rig.RunUntilSent();
        rig.Run(1400);
        rig.Send("!\r\n");
        rig.RunUntilQuiet(1000); // less than tt: the identification alone
        Assert.Equal(Ident, rig.TakeReceived());
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);
    }

    [Fact]
    public void Mode_C_without_option_select_continues_with_the_readout_at_300_baud_after_tt()
    {
        // Mode C timing: "if a response has not been received, the waiting time of the
        // transmitting equipment after transmission of the identification message, before it
        // continues with the transmission, is 1500 ms < tt <= 2200 ms"; it continues at 300 Bd
        // (§6.3.14, V: no option select message received). tt = 2000 ms by default.
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilReceived(Ident.Length);
        rig.TakeReceived();
        rig.Run(1900);
        Assert.Equal(OpticalServerState.AwaitingOptionSelect, rig.Server.State);
        Assert.Equal(Ident.Length, rig.MeterCharacters.Count());
        rig.RunUntilQuiet(3000);
        var text = rig.TakeReceived();
        Assert.StartsWith("\u0002" + "0-0:96.1.0(12345678)\r\n", text);
        Assert.EndsWith("!\r\n\u0003X", text); // the short readout's hand-worked BCC (ReadoutModesTests)
        var meter = rig.MeterCharacters.ToList();
        long identEnd = meter[Ident.Length - 1].EndNs;
        Assert.InRange(meter[Ident.Length].StartNs - identEnd, 2000 * Ms, 2002 * Ms);
        Assert.All(meter, c => Assert.Equal(300, c.Baud));
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        rig.Send("\u00060" + "50\r\n"); // too late: not a message of the idle state
        rig.RunUntilQuiet(3000);
        Assert.Equal("", rig.TakeReceived());
        Assert.Empty(rig.Pair.Meter.BaudChanges);
    }

    [Fact]
    public void Programming_inactivity_ends_the_session_at_300_baud()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        long loginMs = rig.NowMs;
        rig.Run(119_000);
        Assert.Equal(OpticalServerState.Programming, rig.Server.State);
        rig.Run(1_500);
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        Assert.Equal(300, rig.Pair.Meter.BaudRate);
        Assert.Equal(0, rig.Server.GrantedLevel);
        var ended = rig.Events.Events.Single(e => e.Kind == OpticalEventKind.SessionEnded);
        Assert.Equal(2, ended.Detail); // 2 = inactivity
        // 120 s after the ACK answer had left the meter (≤ 300 ms after the login frame).
        Assert.InRange(ended.TimeMs - loginMs, 119_000, 120_500);
    }

    [Fact]
    public void A_partial_command_frame_is_dropped_after_the_inter_character_timeout()
    {
        var rig = new OpticalRig();
        rig.EnterProgramming();
        rig.Send("\u0001P1\u0002(0000");
        rig.RunUntilSent();
        rig.Run(1600);
        // the rest alone is not a frame: no answer at all
        rig.Send("0000)\u0003a");
        rig.RunUntilQuiet(500);
        Assert.Equal("", rig.TakeReceived());
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
    }

    [Fact]
    public void An_answer_due_long_ago_is_dropped_and_the_port_returns_to_idle()
    {
        // Polled 5 s after the request (a stalled main loop): the master's tr (≤ 1500 ms) has
        // long run out, so the meter stays silent instead of answering into the next attempt.
        var link = new InstantLink();
        var meter = new SampleMeter();
        var server = new OpticalServer(link, new OpticalPortSettings(), meter.Table, SampleMeter.ShortReadout(), null, null);
        link.Inject("/?!\r\n"u8.ToArray());
        server.Poll(10);
        Assert.Equal(OpticalServerState.Identifying, server.State);
        server.Poll(5_000);
        Assert.Empty(link.Output);
        Assert.Equal(OpticalServerState.Idle, server.State);
        link.Inject("/?!\r\n"u8.ToArray());
        server.Poll(5_001);
        server.Poll(5_201);
        Assert.Equal("/OEM5OpenMeter1\r\n"u8.ToArray(), link.Output.ToArray());
    }

    [Fact]
    public void A_changed_identification_is_sent_from_the_next_sign_on_and_an_invalid_one_is_refused()
    {
        var rig = new OpticalRig();
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(5000); // identification, then (no option select) the readout at 300 Bd
        Assert.StartsWith("/OEM5OpenMeter1\r\n", rig.TakeReceived());
        Assert.Equal(OpticalServerState.Idle, rig.Server.State);
        rig.Settings.Identification = "Lab7";
        rig.Server.RefreshIdentification();
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(1000);
        Assert.Equal("/OEM5Lab7\r\n", rig.TakeReceived());

        rig.Settings.Identification = "\\2Lab7"; // mode E enhanced identification: not implemented
        Assert.Throws<ArgumentException>(() => rig.Server.RefreshIdentification());
    }

    [Fact]
    public void Manufacturer_specific_enhanced_identification_is_sent_as_configured()
    {
        // "\W" with W a letter is manufacturer-specific (§6.3.2 enhanced identification).
        var rig = new OpticalRig(s => s.Identification = "\\XOpenMeter1");
        rig.Send("/?!\r\n");
        rig.RunUntilQuiet(1000);
        Assert.Equal("/OEM5\\XOpenMeter1\r\n", rig.TakeReceived());
    }

    [Fact]
    public void Settings_outside_the_standard_are_refused_with_a_specific_message()
    {
        var link = new Meter.Hal.Simulation.Serial.VirtualSerialPair().Meter;
        var meter = new SampleMeter();
        void Check(Action<OpticalPortSettings> change, string expected)
        {
            var settings = new OpticalPortSettings();
            change(settings);
            var e = Assert.Throws<ArgumentException>(() =>
                new OpticalServer(link, settings, meter.Table, SampleMeter.ShortReadout(), null, null));
            Assert.Contains(expected, e.Message);
        }
        Check(s => s.ManufacturerId = "OE", "ManufacturerId");
        Check(s => s.ManufacturerId = "oEM", "upper case");
        Check(s => s.Identification = "12345678901234567", "Identification");
        Check(s => s.Identification = "Meter/1", "Identification");
        Check(s => s.Identification = "OpenMeter\\2", "Identification"); // "\2" would announce mode E (HDLC)
        Check(s => s.Identification = "OpenMeter\\", "Identification");  // "\" without W
        Check(s => s.DeviceAddress = "12-34", "DeviceAddress");
        Check(s => s.ReactionTimeMs = 100, "ReactionTimeMs");      // 'M' upper case: ≥ 200 ms
        Check(s => s.ReactionTimeMs = 1600, "ReactionTimeMs");
        Check(s => s.MaximumBaud = 9601, "MaximumBaud");
        Check(s => { s.Mode = OpticalProtocolMode.B; s.MaximumBaud = 300; }, "mode B");
        Check(s => s.Passwords = new[] { "pass(1)" }, "Passwords");
        Check(s => s.MaximumPasswordFailures = 0, "MaximumPasswordFailures");
        Check(s => s.OptionSelectTimeoutMs = 1500, "tt");           // 1500 ms < tt <= 2200 ms
        Check(s => s.OptionSelectTimeoutMs = 2201, "tt");
        Check(s => s.InterCharacterTimeoutMs = 1501, "InterCharacterTimeoutMs");
        Check(s => s.InactivityTimeoutMs = 59_999, "InactivityTimeoutMs");   // 60 s to 120 s
        Check(s => s.InactivityTimeoutMs = 120_001, "InactivityTimeoutMs");
    }
}
