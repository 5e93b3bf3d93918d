using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The event log read as the VDEW logbook R1 "P.98(from;to)" through the range-request link in
/// front of the optical server (Meter.Core EventLogRequest). Times: the rig starts at
/// 2025-01-14 23:00:00Z = 1736895600 = 2025-01-15 00:00:00 local (CET, winter: Z = 0); one host
/// cycle is 1 s. Expected lines are "(Zyymmddhhmmss)(kind)(detail)(old)(new)" written out by hand
/// from EventKind: 1 PowerDown, 2 PowerUp, 3 ClockSet, 7 Tamper (detail 2 terminal cover,
/// + 128 = ended), 12 Login.
/// </summary>
public class LogbookRequestTests
{
    private const long StartUtc = 1736895600;
    private const string Header = "(5)(time)()(kind)()(detail)()(old)()(new)()\r\n";

    // A new meter (factory clock set, power up), the terminal cover opened at 00:00:05 and closed at
    // 00:00:08, a power cut at 00:00:10 (mains fail) and the meter back at once (RTC kept 00:00:10),
    // then at 00:00:15 the clock set one hour forward (a jump: 01:00:15).
    private static VirtualMeterHost KnownDay(string state)
    {
        using (var first = MeterRig.Start(stateFile: state))
        {
            first.RunFor(TimeSpan.FromSeconds(5));
            first.SetTerminalCoverOpen(true);
            first.Meter.Tick(first.VirtualMilliseconds); // onset now
            first.RunFor(TimeSpan.FromSeconds(3));
            first.SetTerminalCoverOpen(false);
            first.Meter.Tick(first.VirtualMilliseconds);
            first.RunFor(TimeSpan.FromSeconds(2));
        } // Dispose: mains fail at 00:00:10, RTC state kept with the state file
        var second = MeterRig.Start(stateFile: state);
        second.RunFor(TimeSpan.FromSeconds(5));
        Assert.True(second.Meter.SetClock(StartUtc + 15 + 3600));
        return second;
    }

    private const string StartEvents =
        "(0250115000000)(3)(1)(1736895600)(1736895600)\r\n"   // ClockSet, Jumped (1): the factory setting, old = new = 00:00:00
        + "(0250115000000)(2)(0)(1736895600)(1736895600)\r\n"; // PowerUp, whole meter: last ran = now
    private const string CoverEvents =
        "(0250115000005)(7)(2)(0)(1)\r\n"                      // terminal cover opened: count 0 → 1
        + "(0250115000008)(7)(130)(1736895605)(1736895608)\r\n"; // 2 + 128 ended: start, end (UTC seconds)
    private const string PowerCut =
        "(0250115000010)(1)(0)(0)(1736895610)\r\n"            // PowerDown (mains fail) at 00:00:10
        + "(0250115000010)(2)(0)(1736895610)(1736895610)\r\n"; // PowerUp: last ran 00:00:10, now 00:00:10
    private const string ClockAndLogin =
        "(0250115010015)(3)(1)(1736895615)(1736899215)\r\n"   // ClockSet, jumped 00:00:15 → 01:00:15 (+3600 s), stamped with the new time
        + "(0250115010015)(12)(1)(0)(0)\r\n";                  // Login at level 1 (the rig's P1)

    [Fact]
    public void The_whole_log_comes_oldest_first_as_hand_written_lines()
    {
        string state = MeterRig.TempState();
        try
        {
            using var host = KnownDay(state);
            var rig = new RangeRequestRig(host.Meter);
            rig.LogIn("00000000");
            string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(;)\u0003"));
            Assert.Equal("P.98(0250115000000)(00)()" + Header + StartEvents + CoverEvents + PowerCut + ClockAndLogin, block);
            Assert.Equal(1, rig.Logbook.Requests);
            Assert.Equal(0, rig.Profile.Requests);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Theory]
    [InlineData("250115000001;250115000009", "0250115000005", CoverEvents)]     // seconds: only the cover, not 00:00:00 or 00:00:10
    [InlineData("2501150000;2501150000", "0250115000000", StartEvents + CoverEvents + PowerCut)] // a minute as "to" runs to :59
    [InlineData("2501150100;", "0250115010015", ClockAndLogin)]                  // open end
    [InlineData(";250115000005", "0250115000000", StartEvents + "(0250115000005)(7)(2)(0)(1)\r\n")] // open start, inclusive end second
    public void A_range_selects_the_events_of_its_local_times(string range, string headerStamp, string lines)
    {
        string state = MeterRig.TempState();
        try
        {
            using var host = KnownDay(state);
            var rig = new RangeRequestRig(host.Meter);
            rig.LogIn("00000000");
            string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(" + range + ")\u0003"));
            Assert.Equal("P.98(" + headerStamp + ")(00)()" + Header + lines, block);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_range_without_events_is_the_header_alone_stamped_with_the_meter_time_now()
    {
        using var host = MeterRig.Start();
        host.RunFor(TimeSpan.FromSeconds(30));
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(2601010000;)\u0003"));
        Assert.Equal("P.98(0250115000030)(00)()" + Header, block); // now = 00:00:30 local
    }

    [Fact]
    public void Summer_time_events_carry_season_flag_1()
    {
        // 2025-07-01 10:00:00Z = 12:00:00 CEST (UTC+2): the factory clock set and the power up.
        using var host = MeterRig.Start(start: new DateTime(2025, 7, 1, 10, 0, 0, DateTimeKind.Utc));
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(2507011200;2507011200)\u0003"));
        Assert.Equal("P.98(1250701120000)(00)()" + Header
            + "(1250701120000)(3)(1)(1751364000)(1751364000)\r\n(1250701120000)(2)(0)(1751364000)(1751364000)\r\n"
            + "(1250701120000)(12)(1)(0)(0)\r\n", block);
    }

    [Fact]
    public void Beyond_the_answer_limit_the_newest_events_of_the_range_are_kept_and_the_header_says_so()
    {
        string state = MeterRig.TempState();
        try
        {
            using var host = KnownDay(state);
            // A limit of 3 and the 00:00 minute's 6 events: the 3 newest (cover closed, power down, power up), status 01.
            var rig = new RangeRequestRig(host.Meter, maximumEvents: 3);
            rig.LogIn("00000000");
            string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(2501150000;2501150000)\u0003"));
            Assert.Equal("P.98(0250115000008)(01)()" + Header + "(0250115000008)(7)(130)(1736895605)(1736895608)\r\n" + PowerCut, block);
            // Exactly at the limit (00:00:08 … 00:00:10: 3 events) nothing is left out: flag clear.
            block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(250115000008;250115000010)\u0003"));
            Assert.Equal("P.98(0250115000008)(00)()" + Header + "(0250115000008)(7)(130)(1736895605)(1736895608)\r\n" + PowerCut, block);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_torn_record_is_skipped_and_flagged_in_the_header_status()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        host.SetTerminalCoverOpen(true);
        m.Tick(host.VirtualMilliseconds);
        host.RunFor(TimeSpan.FromSeconds(3));
        // Event 3 (the cover opening) torn: one byte of its record changed, its CRC-32 no longer matches.
        var layout = new StorageLayout { RegisterCount = RegisterRecord.Length, DemandValueCount = DemandRecord.Length, ProfilePeriodMinutes = 15 };
        int ring = layout.EventsAddress + WearLevelledRecord.RegionSize(EventLog.CounterRecordValues, EventLog.CounterSlots);
        int slot = ring + 3 % (layout.EventCapacity + 1) * EventLog.RecordSize;
        var nv = host.Board.Nv;
        var record = new byte[EventLog.RecordSize];
        nv.Read(slot, record, 0, record.Length);
        Assert.Equal((byte)EventKind.Tamper, record[8]); // the slot of event 3 is the opening
        record[9] ^= 0x40;
        nv.Write(slot, record, 0, record.Length);

        var rig = new RangeRequestRig(m);
        rig.LogIn("00000000");
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.98(;)\u0003"));
        Assert.Equal("P.98(0250115000000)(02)()" + Header + StartEvents + "(0250115000008)(12)(1)(0)(0)\r\n", block);
    }

    [Theory]
    [InlineData("R1\u0002P.98(;)\u0003")]
    [InlineData("R1\u0002P.01(;)\u0003")]
    public void The_answer_waits_the_reaction_time_after_the_request(string request)
    {
        // IEC 62056-21 §5.3: 200 ms <= tr <= 1500 ms from the request's last character (its BCC) to the answer's first.
        // The rig polls every 1 ms, so the answer starts at 200 ms, plus less than 2 ms.
        using var host = MeterRig.Start();
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        int from = rig.Pair.Transcript.Count;
        string answer = rig.Command(request);
        Assert.StartsWith("\u0002P.", answer);
        var exchange = rig.Pair.Transcript.Skip(from).ToList();
        long requestEnd = exchange.Last(c => c.Sender == "probe").EndNs;
        long answerStart = exchange.First(c => c.Sender == "meter").StartNs;
        Assert.True(exchange.FindIndex(c => c.Sender == "meter") > exchange.FindLastIndex(c => c.Sender == "probe"), "the meter answered before the request ended");
        Assert.InRange((answerStart - requestEnd) / 1_000_000.0, 200, 202);
    }

    [Theory]
    [InlineData("R1\u0002P.98(;)\u0003")]
    [InlineData("R1\u0002P.01(;)\u0003")]
    public void Behind_an_optical_head_that_echoes_the_range_answer_the_echo_is_ignored_and_the_session_goes_on(string request)
    {
        // The device link cannot tell when its characters have left (BytesToWrite 0) and the head returns the meter's
        // light: the echo of the range answer (a data message, STX … ETX BCC) reaches the server, which ignores it in programming
        // mode (it takes only SOH commands): no answer to it, the session goes on (IEC 62056-21 §5.1 half duplex).
        using var host = MeterRig.Start();
        var rig = new RangeRequestRig(host.Meter, echo: true);
        rig.LogIn("00000000");
        for (int i = 0; i < 2; i++) // the session goes on: a second request is answered the same way
        {
            string answer = rig.Command(request);
            Assert.StartsWith("\u0002P.", answer);
            Assert.Equal((1, 1), (answer.Count(c => c == '\u0002'), answer.Count(c => c == '\u0003'))); // one message, no answer to the echo
            RangeRequestRig.DataBlock(answer);
            rig.RunUntilQuiet(500);
            Assert.Equal("", rig.Take());
            Assert.Equal(Meter.Optical.OpticalServerState.Programming, rig.Server.State);
        }
    }

    [Fact]
    public void Before_the_login_the_request_goes_to_the_server_and_is_refused_like_P01()
    {
        using var host = MeterRig.Start();
        var rig = new RangeRequestRig(host.Meter);
        rig.EnterProgramming(); // P0 received, no P1 yet
        string logbook = rig.Command("R1\u0002P.98(;)\u0003");
        string profile = rig.Command("R1\u0002P.01(;)\u0003");
        // ER03 "not logged in": STX (ER03) ETX BCC; BCC = 0x15 ^ '0' ^ '3' = 0x15 ^ 0x30 ^ 0x33 = 0x16 (Meter.Optical.Tests ProgrammingModeTests).
        Assert.Equal("\u0002(ER03)\u0003\u0016", logbook);
        Assert.Equal(profile, logbook);
        Assert.Equal(0, rig.Logbook.Requests);
        Assert.Equal(0, rig.Profile.Requests);

        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.StartsWith("\u0002P.98(", rig.Command("R1\u0002P.98(;)\u0003"));
        Assert.Equal(1, rig.Logbook.Requests);
    }

    [Theory]
    [InlineData("P.98(25011500;)")]       // 8 digits: neither a minute nor a second
    [InlineData("P.98(2501150000)")]      // no ";"
    [InlineData("P.98(2513150000;)")]     // month 13
    [InlineData("P.98(2502300000;)")]     // 30 February: no such day (not 2 March)
    [InlineData("P.98(;2504310000)")]     // 31 April
    [InlineData("P.97(;)")]               // no such list
    public void A_bad_range_or_unknown_list_is_left_to_the_server(string request)
    {
        using var host = MeterRig.Start();
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        string answer = rig.Command("R1\u0002" + request + "\u0003");
        Assert.StartsWith("\u0002(ER", answer); // the server's error answer, not a logbook
        Assert.Equal(0, rig.Logbook.Requests);
    }

    [Fact]
    public void The_per_kind_event_counters_read_as_0_0_96_15_K()
    {
        string state = MeterRig.TempState();
        try
        {
            using var host = KnownDay(state);
            var m = host.Meter;
            // Before any login: 2 clock sets, 2 power ups, 1 power down, 2 tamper events (start and end), 7 in all.
            Assert.Equal("(0002)", MeterRig.ValueText(m, EventCounterObjects.Of(EventKind.ClockSet)));
            Assert.Equal("(0002)", MeterRig.ValueText(m, EventCounterObjects.Of(EventKind.PowerUp)));
            Assert.Equal("(0001)", MeterRig.ValueText(m, EventCounterObjects.Of(EventKind.PowerDown)));
            Assert.Equal("(0002)", MeterRig.ValueText(m, EventCounterObjects.Of(EventKind.Tamper)));
            Assert.Equal("(0000)", MeterRig.ValueText(m, EventCounterObjects.Of(EventKind.Login)));
            Assert.Equal("(0007)", MeterRig.ValueText(m, EventCounterObjects.AllEvents));
            Assert.Equal(-1, EventCounterObjects.KindOf(EventCounterObjects.Of(EventKind.Count + 1)));
            Assert.Null(m.Table.Find(EventCounterObjects.Of(EventKind.Count + 1)));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void The_load_profile_still_answers_through_the_shared_link()
    {
        using var host = MeterRig.Start();
        var rig = new RangeRequestRig(host.Meter);
        rig.LogIn("00000000");
        // Nothing in 2026: the header alone, stamped 0 (1970-01-01 00:00, as before), status 00, period 15.
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.01(2601010000;)\u0003"));
        Assert.Equal("P.01(07001010000)(00)(15)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)\r\n", block);
        Assert.Equal(1, rig.Profile.Requests);
        Assert.Equal(0, rig.Logbook.Requests);
    }
}
