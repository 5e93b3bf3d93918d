using System.CommandLine;
using System.Globalization;
using Meter.Clock;
using Meter.Core;
using Meter.Simulation;

namespace Meter.VirtualMeter;

/// <summary>
/// <c>dotnet run --project tools/VirtualMeter</c>: the meter on the simulated board. With no
/// arguments: direct 5(105) A three-phase meter, balanced load, real time, optical port on
/// tcp:127.0.0.1:6100, registers in memory only.
/// </summary>
public static class Program
{
    /// <summary>Exit code for bad arguments.</summary>
    public const int BadArguments = 1;

    /// <summary>Builds the command line (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var preset = new Option<string>("--preset") { Description = "Meter preset: ct-5-6a, direct-5-105a, single-phase-5-100a", DefaultValueFactory = _ => "direct-5-105a" };
        var load = new Option<string>("--load") { Description = "Load scenario: " + string.Join(", ", LoadScenario.Names), DefaultValueFactory = _ => "balanced" };
        var thd = new Option<double?>("--thd") { Description = "Voltage THD of --load harmonics, percent (0 … 30): 3rd, 5th and 7th harmonics; switches quality measurement on" };
        var quality = new Option<bool>("--quality") { Description = "Power-quality measurement on (THD, unbalance u2, EN 50160 week; on by itself with --load harmonics, unbalanced-voltage, frequency-drift)" };
        var scenario = new Option<string?>("--scenario") { Description = "CSV of 15-min means per phase (format of tools/VirtualMeter/scenarios/*.csv): a day or a year, repeated" };
        var speed = new Option<string>("--speed") { Description = "Time speed: 1 = real time, N = ×N, max = as fast as possible, hold = only the control channel's advance moves it", DefaultValueFactory = _ => "1" };
        var optical = new Option<string>("--optical") { Description = "Optical port: tcp:127.0.0.1:PORT, pty (a pseudo-terminal for serial tools) or none", DefaultValueFactory = _ => "tcp:127.0.0.1:6100" };
        var dlms = new Option<string?>("--dlms") { Description = "DLMS/COSEM with the IEC 62056-47 wrapper: tcp, tcp:HOST or tcp:HOST:PORT (default 127.0.0.1:4059; 0 = any free port); client SAP = source wPort (16 public, 1 management with the --password), server wPort 1" };
        var dlmsHdlc = new Option<string?>("--dlms-hdlc") { Description = "DLMS/COSEM with HDLC frames on TCP: tcp, tcp:HOST or tcp:HOST:PORT (default 127.0.0.1:4060); server logical address 1, physical address = last 4 digits of the meter number + 1000" };
        var state = new Option<string?>("--state") { Description = "NV memory file: a restart with the same file resumes the same registers" };
        var stateFormat = new Option<bool>(StateFileGuard.FormatOption) { Description = "Format the --state file as a new, empty NV memory (a copy is kept in FILE.bak); without it a file the meter cannot recover is refused, untouched" };
        var duration = new Option<string?>("--duration") { Description = "Simulated time to run, then exit: e.g. 90s, 15m, 24h, 7d (default: until q / Ctrl+C)" };
        var start = new Option<string?>("--start") { Description = "Virtual start time, UTC (yyyy-MM-ddTHH:mm:ssZ); default now, or the scenario file's first interval" };
        var seal = new Option<bool>("--seal-open") { Description = "Open the programming switch (legal data such as calibration may be written)" };
        var gainError = new Option<double>("--gain-error") { Description = "Simulated chip's current gain error in percent (for calibration practice)", DefaultValueFactory = _ => 0 };
        var password = new Option<string>("--password") { Description = "Optical port password, level 1", DefaultValueFactory = _ => "00000000" };
        var cover = new Option<bool>("--terminal-cover-open") { Description = "Start with the terminal cover removed (tamper input; key c toggles it)" };
        var magnet = new Option<bool>("--magnet") { Description = "Start with a magnet at the meter (magnetic-field sensor; key m toggles it)" };
        var credit = new Option<string?>("--credit") { Description = "Start prepayment with this credit in kWh (up to 3 decimals, e.g. 12.5); not over a credit a --state file already counts down" };
        var tariffCode = new Option<string?>("--tariff-input-code") { Description = "Tariff control by the tariff inputs, DD code 01, 02, 07..14 (e.g. 13: 2 tariffs on I/O 2); writes the meter's setting 0-0:128.4.0, kept with --state" };
        var tariffLevels = new Option<string?>("--tariff-inputs") { Description = "Tariff inputs I/O 1 and I/O 2 at the start, 1 = energised: 00, 01, 10 or 11 (keys 1 and 2 toggle them)" };
        var inputCode = new Option<string?>("--input-code") { Description = "The pulse/alarm inputs' own DD code 00, 03, 04, 05, 18..21 (e.g. 03: pulse in on I/O 1, alarm in on I/O 2); writes 0-0:128.20.2, kept with --state" };
        var pulseRate = new Option<double?>("--pulse-input") { Description = "Feed the pulse input (I/O 1) with HZ pulses a second, 50 % duty, at most 16.67 (30 ms pulse and pause); needs a DD code with a pulse input" };
        var alarmInput = new Option<bool>("--alarm-input") { Description = "Start with the alarm input (I/O 2) energised (key a toggles it)" };
        var pulseProfile = new Option<bool>("--pulse-profile") { Description = "Record the pulse-input register as the load profile's 5th channel (P.01 0-1:24.2.1) while the input counts" };
        var control = new Option<int?>("--control-port") { Description = "Control channel on tcp:127.0.0.1:PORT (0 = any free port) for tests: load, advance, time, button, cover, magnet, power, s0 (tools/Meter.Simulation/README.md)" };
        var root = new RootCommand("VirtualMeter: the meter firmware on a simulated board (simulated ADE7880, virtual clock, NV memory, "
            + "optical port on TCP or a pty, DLMS/COSEM on TCP with --dlms / --dlms-hdlc). Keys: space/enter = display button, c = terminal cover, m = magnet, 1/2 = tariff inputs, a = alarm input, q = quit.")
            { preset, load, thd, quality, scenario, speed, optical, dlms, dlmsHdlc, state, stateFormat, duration, start, seal, gainError, password, cover, magnet, tariffCode, tariffLevels, credit,
              inputCode, pulseRate, alarmInput, pulseProfile, control };
        root.SetAction(parse =>
        {
            try
            {
                var options = new VirtualMeterOptions
                {
                    Preset = parse.GetValue(preset)!,
                    Load = parse.GetValue(load)!,
                    ThdPercent = parse.GetValue(thd),
                    QualityMeasurement = parse.GetValue(quality),
                    ScenarioFile = parse.GetValue(scenario),
                    Speed = parse.GetValue(speed) == "hold" ? 1 : ParseSpeed(parse.GetValue(speed)!),
                    HoldTime = parse.GetValue(speed) == "hold",
                    ControlPort = parse.GetValue(control),
                    Optical = parse.GetValue(optical)!,
                    Dlms = parse.GetValue(dlms),
                    DlmsHdlc = parse.GetValue(dlmsHdlc),
                    StateFile = parse.GetValue(state) is string file ? ParseStateFile(file) : null,
                    StateFormat = parse.GetValue(stateFormat),
                    Duration = parse.GetValue(duration) is string d ? ParseDuration(d) : null,
                    Start = parse.GetValue(start) is string s ? ParseStart(s) : null,
                    SealOpen = parse.GetValue(seal),
                    CurrentGainError = parse.GetValue(gainError) / 100.0,
                    Password = parse.GetValue(password)!,
                    TerminalCoverOpen = parse.GetValue(cover),
                    MagneticField = parse.GetValue(magnet),
                    TariffInputCode = parse.GetValue(tariffCode) is string dd ? ParseTariffInputCode(dd) : null,
                    StartingCreditWh = parse.GetValue(credit) is string kwh ? ParseCreditKwh(kwh) : null,
                    InputCode = parse.GetValue(inputCode) is string io ? ParseInputCode(io) : null,
                    PulseInputHertz = parse.GetValue(pulseRate),
                    AlarmInputEnergised = parse.GetValue(alarmInput),
                    PulseInputProfileChannel = parse.GetValue(pulseProfile),
                };
                if (options.PulseInputHertz is double hz) PulseInputFeed.PeriodFor(hz); // a bad rate is refused before the meter starts
                if (parse.GetValue(tariffLevels) is string levels)
                {
                    if (options.TariffInputCode == null) throw new ArgumentException("--tariff-inputs needs --tariff-input-code (the inputs select the tariff only under input control)");
                    (options.TariffInput1Energised, options.TariffInput2Energised) = ParseTariffInputs(levels);
                }
                if (options.HoldTime && options.ControlPort == null) throw new ArgumentException("--speed hold needs --control-port (time then moves only by its advance command)");
                if (options.StateFormat && options.StateFile == null) throw new ArgumentException($"{StateFileGuard.FormatOption} needs --state FILE (the file to format)");
                if (!LoadScenario.Names.Contains(options.Load)) throw new ArgumentException($"unknown --load '{options.Load}'; known: {string.Join(", ", LoadScenario.Names)}");
                if (Math.Abs(options.CurrentGainError) > 0.2) throw new ArgumentException("--gain-error must be within ±20 %");
                return Run(options);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("virtualmeter: " + e.Message);
                return BadArguments;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine("virtualmeter: " + e.Message);
                return 3;
            }
        });
        return root;
    }

    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        try
        {
            var parse = BuildRoot().Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line, not the whole help page: the first error names the bad token.
                Console.Error.WriteLine($"virtualmeter: {parse.Errors[0].Message} (see --help)");
                return BadArguments;
            }
            // Our own handler below reports unexpected failures without a stack trace.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"virtualmeter: internal error ({e.GetType().Name}): {e.Message}");
            return 70;
        }
    }

    private static int Run(VirtualMeterOptions options)
    {
        var lcd = new CapturedLcd();
        using var host = new VirtualMeterHost(options, lcd);
        if (host.StateNote != null) Console.Error.WriteLine("virtualmeter: " + host.StateNote);
        bool interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        if (!interactive)
        {
            Console.WriteLine($"virtual meter {options.Preset}: optical port {host.OpticalEndpoint}; load: {host.LoadDescription}");
            if (host.ControlPort != 0) Console.WriteLine($"control channel tcp:127.0.0.1:{host.ControlPort}");
            if (host.DlmsPorts.Any) Console.WriteLine(host.DlmsPorts.Description);
            Console.Out.Flush();
        }
        else Console.Write("\u001b[2J");
        var progress = options.Duration is TimeSpan total ? new RunProgress(total) : null;
        string ProgressLine() => progress!.Line(TimeSpan.FromMilliseconds(host.VirtualMilliseconds),
            host.Inspect(h => DateTimeOffset.FromUnixTimeSeconds(h.Meter.UtcSeconds).UtcDateTime));
        host.RunInBackground();
        var lastStatus = DateTime.UtcNow;
        while (!host.IsFinished && !cancel.IsCancellationRequested)
        {
            Thread.Sleep(interactive ? 250 : 100);
            if (interactive)
            {
                while (Console.KeyAvailable)
                {
                    var key = Console.ReadKey(intercept: true).Key;
                    if (key is ConsoleKey.Spacebar or ConsoleKey.Enter) host.PressButton();
                    else if (key is ConsoleKey.C) host.ToggleTerminalCover();
                    else if (key is ConsoleKey.M) host.ToggleMagneticField();
                    else if (key is ConsoleKey.B) host.LongPressButton(); // the push button held long: disconnect / reconnect
                    else if (key is ConsoleKey.D1 or ConsoleKey.NumPad1) host.ToggleTariffInput(1);
                    else if (key is ConsoleKey.D2 or ConsoleKey.NumPad2) host.ToggleTariffInput(2);
                    else if (key is ConsoleKey.A) host.ToggleAlarmInput();
                    else if (key is ConsoleKey.Q or ConsoleKey.Escape) cancel.Cancel();
                }
                var lines = MeterView.Lines(host, lcd, options.Speed);
                if (progress != null) lines = [.. lines, ProgressLine()];
                MeterView.Draw(lines, "space/enter: display button · b: button held long (breaker) · c: terminal cover · m: magnet · 1/2: tariff inputs · a: alarm input · q: quit");
            }
            else if (DateTime.UtcNow - lastStatus > TimeSpan.FromSeconds(progress != null ? 5 : 10))
            {
                // A status line now and then (a long --duration run says how far it is and how long it still takes).
                lastStatus = DateTime.UtcNow;
                Console.WriteLine(progress != null ? ProgressLine() : MeterView.Lines(host, lcd, options.Speed)[MeterView.TimeLine]);
                Console.Out.Flush();
            }
        }
        host.Stop();
        if (host.Failure != null)
        {
            Console.Error.WriteLine($"virtualmeter: the meter stopped: {host.Failure.GetType().Name}: {host.Failure.Message}");
            if (Environment.GetEnvironmentVariable("VIRTUALMETER_TRACE") == "1") Console.Error.WriteLine(host.Failure);
            return 70;
        }
        if (!interactive || options.Duration != null)
            foreach (var line in MeterView.Lines(host, lcd, options.Speed)) Console.WriteLine(line);
        return 0;
    }

    private static double ParseSpeed(string text)
    {
        if (text == "max") return 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v <= 1e7) return v;
        throw new ArgumentException($"--speed '{text}': give 1 (real time), a factor N > 0 (×N) or max");
    }

    /// <summary>The NV memory file: a file (new or existing) in a folder that exists, not a folder.</summary>
    public static string ParseStateFile(string text)
    {
        if (text.Length == 0) throw new ArgumentException("--state '': give a file name, e.g. meter.nv");
        if (Directory.Exists(text)) throw new ArgumentException($"--state '{text}' is a folder: give a file name, e.g. {Path.Combine(text, "meter.nv")}");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(text));
        if (folder != null && !Directory.Exists(folder)) throw new ArgumentException($"--state '{text}': the folder {folder} does not exist");
        return text;
    }

    /// <summary>A credit in kWh with up to 3 decimals (0 … 10^9 kWh) as Wh.</summary>
    public static long ParseCreditKwh(string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal kwh) && kwh * 1000 == decimal.Truncate(kwh * 1000)
            && kwh <= 1_000_000_000m) return (long)(kwh * 1000);
        throw new ArgumentException($"--credit '{text}': give kWh, 0 … 1000000000 with at most 3 decimals, e.g. 12.5");
    }

    /// <summary>The inputs' own DD code (Meter.Core ModuleInputCode.IsInputsSetting): 00, 03, 04, 05, 18..21, one or two digits.</summary>
    public static int ParseInputCode(string text)
    {
        if (text.Length is >= 1 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
            && ModuleInputCode.IsInputsSetting(code)) return code;
        throw new ArgumentException($"--input-code '{text}': use 00, 03, 04, 05 or 18..21 (07..14 share the pins with the tariff inputs: --tariff-input-code)");
    }

    /// <summary>A DD code with tariff inputs (Meter.Clock TariffInputDecoder): 01, 02, 07..14, one or two digits.</summary>
    public static int ParseTariffInputCode(string text)
    {
        if (text.Length is >= 1 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
            && TariffInputDecoder.HasTariffInputs(code)) return code;
        throw new ArgumentException($"--tariff-input-code '{text}': give a DD code with tariff inputs: 01, 02, 07..14");
    }

    /// <summary>"00", "01", "10", "11": I/O 1 then I/O 2, 1 = energised.</summary>
    public static (bool Io1, bool Io2) ParseTariffInputs(string text)
    {
        if (text.Length == 2 && text[0] is '0' or '1' && text[1] is '0' or '1') return (text[0] == '1', text[1] == '1');
        throw new ArgumentException($"--tariff-inputs '{text}': give I/O 1 and I/O 2 as 0 or 1 (1 = energised): 00, 01, 10 or 11");
    }

    /// <summary>"90s", "15m", "24h", "7d" or a TimeSpan ("1.00:00:00").</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new ArgumentException($"--duration '{text}': give e.g. 90s, 15m, 24h or 7d");
    }

    private static DateTime ParseStart(string text)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw new ArgumentException($"--start '{text}': give a UTC time like 2026-01-01T00:00:00Z");
    }
}
