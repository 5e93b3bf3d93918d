using Meter.Core;
using Meter.Hal.Simulation.Board;
using Meter.Metrology;
using Meter.Storage;
using Meter.Simulation;
using Meter.VirtualMeter;

namespace EndToEnd.Tests;

/// <summary>
/// The virtual meter's own options: bad arguments (one line, exit code 1, no stack trace), the
/// state file (a restart resumes the same registers and clock) and scenario files (a day of
/// 15-minute means, repeated).
/// </summary>
[Collection("console")]
public class VirtualMeterCommandLineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vm-cli-" + Guid.NewGuid().ToString("N"));

    public VirtualMeterCommandLineTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string[]> BadArguments() => new()
    {
        { "Unrecognized command or argument '--bogus'", ["--bogus"] },
        { "--speed 'fast'", ["--speed", "fast"] },
        { "--speed hold needs --control-port", ["--speed", "hold"] },
        { "--control-port 70000", ["--control-port", "70000", "--optical", "none"] },
        { "--speed '-3'", ["--speed", "-3"] },
        { "--duration '10x'", ["--duration", "10x"] },
        { "--start 'yesterday'", ["--start", "yesterday"] },
        { "--optical 'tcp:127.0.0.1:99999'", ["--optical", "tcp:127.0.0.1:99999"] },
        { "--optical 'serial'", ["--optical", "serial"] },
        { "unknown --preset 'ct'", ["--preset", "ct"] },
        { "unknown --load 'party'", ["--load", "party"] },
        { "--thd applies to --load harmonics only", ["--thd", "5", "--optical", "none"] },
        { "--thd 40: give 0 … 30 %", ["--load", "harmonics", "--thd", "40", "--optical", "none"] },
        { "'--thd'", ["--load", "harmonics", "--thd", "abc"] },
        { "--gain-error must be within", ["--gain-error", "50"] },
        { "'--gain-error'", ["--gain-error", "abc"] },
        { "scenario file '/nonexistent/day.csv' does not exist", ["--scenario", "/nonexistent/day.csv"] },
        { "--state '/nonexistent/dir/meter.nv'", ["--state", "/nonexistent/dir/meter.nv", "--optical", "none"] },
        { "--tariff-input-code '05': give a DD code with tariff inputs: 01, 02, 07..14", ["--tariff-input-code", "05"] },
        { "--tariff-input-code '130'", ["--tariff-input-code", "130"] },
        { "--tariff-input-code 'ab'", ["--tariff-input-code", "ab"] },
        { "--input-code '07': use 00, 03, 04, 05 or 18..21", ["--input-code", "07"] },
        { "pulse rate 20 Hz: must be above 0 and at most 16.67 Hz", ["--pulse-input", "20"] },
        { "--tariff-inputs '12': give I/O 1 and I/O 2 as 0 or 1", ["--tariff-input-code", "13", "--tariff-inputs", "12"] },
        { "--tariff-inputs '1'", ["--tariff-input-code", "13", "--tariff-inputs", "1"] },
        { "--tariff-inputs needs --tariff-input-code", ["--tariff-inputs", "01"] },
        { "--tariff-input-code '01': the meter refuses it (DD 01 and 02 are 4-tariff inputs; this meter has 2 tariffs)",
            ["--tariff-input-code", "01", "--optical", "none", "--duration", "1s"] },
        { "Unrecognized command or argument 'yes'", ["--magnet", "yes"] },
        { "is a folder: give a file name", ["--state", Path.GetTempPath(), "--optical", "none"] },
        { "--state-format needs --state FILE", ["--state-format", "--optical", "none"] },
        { "--state '/nonexistent/dir/meter.nv'", ["--state", "/nonexistent/dir/meter.nv", "--state-format", "--optical", "none"] },
        // The meter's password rules in the user's words, whatever the optical port (not the internal "Passwords" setting).
        { "--password 'ab(c': '(' cannot be in the optical port password (1..16 printable characters, none of ( ) * / !)", ["--password", "ab(c"] },
        { "--password '': the optical port password has 1..16 characters", ["--password", "", "--optical", "none"] },
        { "--password '12345678901234567': 17 characters; the optical port password has 1..16", ["--password", "12345678901234567"] },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void A_bad_argument_gets_one_line_and_exit_code_1(string expected, string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(Program.BadArguments, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("virtualmeter: ", line);
        Assert.Contains(expected, line);
    }

    [Theory]
    // --thd 6: 3rd 3 %, 5th 4.24 %, 7th 3 % of 230 V, each within its EN 50160 limit and THD ≤ 8 %: the week passes.
    [InlineData("--load harmonics --thd 6", "quality: THD 6.00/6.00/6.00 % · u2 0.0", "EN 50160 week passes (2 × 10 min)")]
    // 230 / 230 / 215 V: u2 = 5 V / 225 V = 2.22 % > 2 % (EN 50160 §4.2.5).
    [InlineData("--load unbalanced-voltage", "u2 2.2", "EN 50160 week FAILS (2 × 10 min)")]
    // 50 + 0.6·sin(2πt / 1 h) Hz: above 50.5 Hz from minute 9.4 on, more than 0.5 % of the values (EN 50160 §4.2.1).
    [InlineData("--load frequency-drift", "f 50.", "EN 50160 week FAILS (2 × 10 min)")]
    public void The_quality_loads_show_thd_unbalance_frequency_and_the_week(string args, string values, string week)
    {
        var (code, output, error) = Run([.. args.Split(' '), "--speed", "max", "--duration", "21m", "--optical", "none", "--start", "2025-01-13T00:00:00Z"]);
        Assert.True(code == 0, error);
        string line = Assert.Single(output.Split('\n'), l => l.StartsWith("quality: "));
        Assert.Contains(values, line);
        Assert.Contains(week, line);
    }

    [Fact]
    public void Without_a_quality_load_there_is_no_quality_line()
    {
        var (code, output, error) = Run("--speed", "max", "--duration", "1m", "--optical", "none");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("quality: ", output);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 4)]
    public void Pulse_profile_records_the_pulse_input_as_the_profiles_fifth_channel(bool flag, int channels)
    {
        // An hour with the pulse input (DD 03) counting 5 Hz: with --pulse-profile the profile's newest blocks carry 5 channels.
        string state = Path.Combine(_dir, $"pulse-{flag}.nv");
        string[] args = ["--input-code", "03", "--pulse-input", "5", "--state", state, "--optical", "none", "--speed", "max", "--duration", "1h"];
        var (code, _, error) = Run(flag ? [.. args, "--pulse-profile"] : args);
        Assert.True(code == 0, error);
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Speed = 0, StateFile = state, InputCode = 3 });
        Assert.Equal(channels, host.Meter.Storage.Profile.ChannelCount);
    }

    [Fact]
    public void A_malformed_scenario_file_is_named_with_its_line()
    {
        string file = Path.Combine(_dir, "short.csv");
        File.WriteAllLines(file, ["start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var", "2025-01-01T00:00:00Z,1,2,3"]);
        var (code, _, error) = Run("--scenario", file);
        Assert.Equal(1, code);
        Assert.Equal($"virtualmeter: scenario file '{file}' line 2: expected 7 columns as the header, found 4", error.Trim());
    }

    [Fact]
    public void A_state_file_that_is_not_an_nv_image_is_refused_and_left_alone()
    {
        // A truncated or foreign file must not be "repaired" into a blank meter (registers are never silently reset).
        string file = Path.Combine(_dir, "meter.nv");
        File.WriteAllBytes(file, new byte[1000]);
        var (code, _, error) = Run("--state", file, "--optical", "none", "--duration", "1s");
        Assert.Equal(1, code);
        Assert.Equal($"virtualmeter: --state '{file}': '{file}' has 1000 bytes and no \"METER-NV\" marker: not an NV memory file (expected {SimulatedBoard.NvBytes + 32} bytes); "
            + $"it was left untouched. Add --state-format to format it (erases it; a copy is kept in '{file}.bak')", error.Trim());
        Assert.Equal(1000, new FileInfo(file).Length);
    }

    [Fact]
    public void A_restart_with_the_same_state_file_resumes_the_registers_the_profile_and_the_clock()
    {
        // Balanced load: 3 × 230 V × 10 A × cos 18.19° = 3 × 2300 × 0.95001 = 6555.1 W, so 6555 Wh an hour.
        var options = new VirtualMeterOptions
        {
            StateFile = Path.Combine(_dir, "meter.nv"),
            Optical = "none",
            Speed = 0,
            Start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        long first, stopUtc;
        using (var host = new VirtualMeterHost(options))
        {
            host.RunFor(TimeSpan.FromHours(1));
            first = ActiveImportWh(host);
            stopUtc = host.Meter.UtcSeconds;
        } // Dispose: mains-fail save, RTC kept in meter.nv.rtc
        Assert.InRange(first, 6550, 6556);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), stopUtc);

        using (var host = new VirtualMeterHost(options))
        {
            // Same registers, and the battery-backed clock went on from where it stopped (not from --start).
            Assert.Equal(first, ActiveImportWh(host));
            Assert.Equal(stopUtc, host.Meter.UtcSeconds);
            host.RunFor(TimeSpan.FromHours(1));
            Assert.InRange(ActiveImportWh(host), 2 * 6555 - 6, 2 * 6555 + 1);
            // Both hours' quarter-hour intervals are in the load profile: 4 + 4.
            int intervals = 0;
            var reader = new LoadProfileReader(host.Meter.Storage.Profile);
            var entry = new ProfileEntry(4);
            while (reader.Next(entry)) intervals++;
            Assert.Equal(8, intervals);
        }
    }

    [Fact]
    public void A_scenario_file_drives_the_load_interval_by_interval_and_repeats()
    {
        // Two 15-minute intervals: 3 × 2300 W import, then 3 × 1150 W export (PF 1, Q = 0).
        // A+ after the first quarter hour: 6900 W × 0.25 h = 1725 Wh; A− after the second: 3450 W × 0.25 h = 862.5 Wh.
        // The file repeats: after the third quarter hour A+ is 2 × 1725 = 3450 Wh.
        string file = Path.Combine(_dir, "day.csv");
        File.WriteAllLines(file,
        [
            "start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var",
            "2025-06-01T00:00:00Z,2300,2300,2300,0,0,0",
            "2025-06-01T00:15:00Z,-1150,-1150,-1150,0,0,0",
        ]);
        using var host = new VirtualMeterHost(new VirtualMeterOptions { ScenarioFile = file, Optical = "none", Speed = 0 });
        // No --start: the meter starts at the file's first interval.
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), host.Meter.UtcSeconds);
        host.RunFor(TimeSpan.FromMinutes(15));
        Assert.InRange(ActiveImportWh(host), 1722, 1725);
        host.RunFor(TimeSpan.FromMinutes(15));
        Assert.InRange(Read(host, EnergyRegister.ActiveExport), 859, 863);
        Assert.InRange(ActiveImportWh(host), 1722, 1727);
        host.RunFor(TimeSpan.FromMinutes(15));
        Assert.InRange(ActiveImportWh(host), 3446, 3451);
    }

    [Fact]
    public void The_screen_shows_the_lcd_the_pulse_counts_and_where_the_optical_port_listens()
    {
        // 2025-03-01 00:00 UTC is 01:00 local (CET): night tariff T2; the balanced load is
        // inductive (quadrant I) on all three phases; 6555 Wh in the hour at 1000 imp/kWh.
        var lcd = new CapturedLcd();
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Optical = "tcp:127.0.0.1:0",
            Speed = 0,
            Start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        }, lcd);
        host.RunFor(TimeSpan.FromHours(1));
        var lines = MeterView.Lines(host, lcd, 0);
        Assert.Contains($"optical port tcp:127.0.0.1:{host.TcpPort} (password 00000000)", lines);
        Assert.StartsWith("time 2025-03-01 01:00:00Z (local 2025-03-01 02:00)", lines[MeterView.TimeLine]);
        int top = lines.ToList().FindIndex(l => l.StartsWith("  +---", StringComparison.Ordinal));
        Assert.True(top > 0, string.Join("\n", lines));
        Assert.Equal(lines[top], lines[top + 5]); // the box: border, 4 lines of glass, border
        Assert.Matches(@"^  \| T2  Q1   L1 L2 L3 *\|$", lines[top + 1]);
        Assert.Matches(@"^  \| +[0-9 ]+\.[0-9]+  (kWh|kvarh|kW|V|A|Hz) *\|$", lines[top + 2]);
        Assert.Matches(@"^  \| [0-9]+\.[0-9]+\.[0-9]+ *\|$", lines[top + 3]);
        Assert.Contains(lines, l => l.StartsWith("S0 pulses 65", StringComparison.Ordinal) && l.Contains("LED pulses 6555 (1000 imp/kWh)"));
        Assert.Contains(lines, l => l.StartsWith("A+ 6.55", StringComparison.Ordinal));
    }

    [Fact]
    public void Tamper_and_tariff_input_options_reach_the_meter_and_its_summary()
    {
        // Wednesday 2025-01-15 12:00 local (11:00Z): the timetable would give T1; DD 13 with I/O 2
        // energised gives T2. Cover off and a magnet from the start: one opening and one magnetic
        // influence, dated at the first tick (1 s), both still active after 5 s (status 07: both + latch).
        var (code, output, error) = Run("--optical", "none", "--speed", "max", "--duration", "5s", "--start", "2025-01-15T11:00:00Z",
            "--terminal-cover-open", "--magnet", "--tariff-input-code", "13", "--tariff-inputs", "01");
        Assert.True(code == 0, error + output);
        Assert.Contains("inputs: terminal cover OPEN · magnet PRESENT · tariff I/O 1 0, I/O 2 1 (DD 13)", output);
        Assert.Contains("tamper C.51.0 07 · magnetic 1 · terminal cover 1", output);
        Assert.Contains("\ntariff T2 ", "\n" + output.Replace("\r", ""));
    }

    [Fact]
    public void Without_tamper_and_tariff_options_the_inputs_are_quiet_and_the_timetable_rules()
    {
        var (code, output, error) = Run("--optical", "none", "--speed", "max", "--duration", "5s", "--start", "2025-01-15T11:00:00Z");
        Assert.True(code == 0, error + output);
        Assert.Contains("inputs: terminal cover on · magnet none · tariff I/O 1 0, I/O 2 0 (not in control)", output);
        Assert.Contains("tamper C.51.0 00 · magnetic 0 · terminal cover 0", output);
        Assert.Contains("voltage L1/L2/L3: dips 0/0/0 (0/0/0 s) · swells 0/0/0 (0/0/0 s)", output);
        Assert.Contains("\ntariff T1 ", "\n" + output.Replace("\r", ""));
    }

    [Fact]
    public void The_sag_swell_load_gives_dips_and_swells_the_meter_counts_and_its_summary_shows()
    {
        // Each minute a 2 s sag to 70 % (161 V < 207 V) at :10 and a 2 s swell to 115 % (264.5 V > 253 V) at :40. The
        // load set after the cycle at :10 is read by the cycle at :11 (start) and back to 230 V at :13 (end): 2 s each.
        // 3 minutes from 00:00: 3 dips and 3 swells a phase, 6 s each.
        var (code, output, error) = Run("--optical", "none", "--speed", "max", "--duration", "3m", "--start", "2025-01-15T11:00:00Z",
            "--load", "sag-swell");
        Assert.True(code == 0, error + output);
        Assert.Contains("2 s swell to 115 % at :40", output);
        Assert.Contains("voltage L1/L2/L3: dips 3/3/3 (6/6/6 s) · swells 3/3/3 (6/6/6 s)", output);
    }

    [Fact]
    public void The_keys_c_m_1_and_2_toggle_the_board_inputs_the_meter_samples()
    {
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Speed = 0, Start = new DateTime(2025, 1, 15, 11, 0, 0, DateTimeKind.Utc) });
        host.ToggleTerminalCover(); // c: cover off (switch open, pin high)
        host.ToggleMagneticField(); // m: magnet (pin low)
        host.ToggleTariffInput(2);  // 2: I/O 2 energised (pin low)
        Assert.Equal((true, false, true, false),
            (host.Board.TerminalCover!.Read(), host.Board.MagneticSensor!.Read(), host.Board.TariffInput1!.Read(), host.Board.TariffInput2!.Read()));
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(TamperMonitor.StatusMask, host.Meter.Tamper.Status);
        host.ToggleTerminalCover();
        host.ToggleMagneticField();
        host.ToggleTariffInput(2);
        host.ToggleTariffInput(1);
        Assert.Equal((false, true, false, true),
            (host.Board.TerminalCover.Read(), host.Board.MagneticSensor.Read(), host.Board.TariffInput1.Read(), host.Board.TariffInput2.Read()));
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(TamperMonitor.TerminalCoverLatched, host.Meter.Tamper.Status);
    }

    [Fact]
    public void Tariff_input_code_writes_the_meters_tariff_control_setting_which_the_state_file_keeps()
    {
        string state = Path.Combine(Path.GetTempPath(), "vm-tariff-" + Guid.NewGuid().ToString("N") + ".nv");
        var start = new DateTime(2025, 1, 15, 11, 0, 0, DateTimeKind.Utc); // 12:00 CET Wednesday: the timetable gives T1
        try
        {
            using (var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Speed = 0, Start = start, StateFile = state, TariffInputCode = 13 }))
            {
                Assert.Equal(113, host.Meter.Settings.TariffControlCode); // 0-0:128.4.0 = 100 + DD
                Assert.Equal(1, host.Meter.Storage.Events.CountOf(EventKind.ParameterChange));
                host.Stop();
            }
            // The same option again changes nothing (no second event); without it the stored setting stays.
            using (var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Speed = 0, Start = start, StateFile = state, TariffInputCode = 13 }))
            {
                Assert.Equal(1, host.Meter.Storage.Events.CountOf(EventKind.ParameterChange));
                host.Stop();
            }
            using var again = new VirtualMeterHost(new VirtualMeterOptions { Optical = "none", Speed = 0, Start = start, StateFile = state });
            again.SetTariffInputs(false, true);
            again.RunFor(TimeSpan.FromSeconds(2));
            Assert.Equal((113, 1), (again.Meter.Settings.TariffControlCode, again.Meter.ActiveTariff)); // I/O 2 energised: T2
        }
        finally
        {
            foreach (string f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(state) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public void MeterTool_reads_the_meter_through_its_pty_again_and_again()
    {
        // --optical pty: MeterTool's serial transport (System.IO.Ports, 300 Bd start, mode C
        // switch to 9600 Bd) on the printed /dev/pts/N, one session per command.
        if (!OperatingSystem.IsLinux()) return;
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Optical = "pty", Speed = 1 });
        host.RunInBackground();
        Assert.StartsWith("/dev/pts/", host.OpticalEndpoint);
        for (int session = 1; session <= 2; session++)
        {
            var (code, output, error) = Tool("readout", "--csv", "--port", host.OpticalEndpoint);
            Assert.True(code == 0, $"session {session}: {error}{output}");
            Assert.Contains("0-0:96.1.0,12345678,,", output);
        }
    }

    private static long ActiveImportWh(VirtualMeterHost host) => Read(host, EnergyRegister.ActiveImport);

    private static long Read(VirtualMeterHost host, EnergyRegister register) =>
        host.Inspect(h => h.Meter.Metering.Accumulator.EnergyIn(register, MeterChannel.Total, true, 0));

    internal static (int Code, string Out, string Error) Run(params string[] args) => Capture(() => Program.Main(args));

    internal static (int Code, string Out, string Error) Tool(params string[] args) => Capture(() => Meter.Tool.Program.Main(args));

    private static (int Code, string Out, string Error) Capture(Func<int> main)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = main();
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
