using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// The built VirtualMeter program, killed (SIGKILL: no mains-fail save, no clean quit) at random
/// moments while it runs a balanced load at --speed max with a --state file, then restarted on the
/// same file each time: the registers never go down, never rise more than the load's power allows in
/// the simulated time that passed, and the battery-backed clock (FILE.rtc) continues.
/// </summary>
public class KillNineTests : IDisposable
{
    private const int Kills = 20;
    // Balanced load: 3 × 230 V × 10 A = 6900 VA, so no register (A±, R±) grows faster than 6.9 kWh (kvarh) a simulated hour.
    private const double MaxVoltAmperes = 3 * 230.0 * 10.0;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vm-kill-" + Guid.NewGuid().ToString("N"));

    public KillNineTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Reading(DateTime Utc, double[] Kwh)
    {
        public override string ToString() => $"{Utc:yyyy-MM-dd HH:mm:ss}Z A+ {Kwh[0]} A- {Kwh[1]} R+ {Kwh[2]} R- {Kwh[3]}";
    }

    [Fact]
    public void Killed_at_random_moments_the_meter_restarts_with_registers_never_lower_never_jumping_and_its_clock_going_on()
    {
        string state = Path.Combine(_dir, "meter.nv");
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var total = Stopwatch.StartNew();
        var history = new List<string>();
        Reading previous = Read(state, "--start", "2025-03-01T00:00:00Z");
        Reading first = previous;
        history.Add("start " + previous);
        for (int i = 0; i < Kills; i++)
        {
            int afterMs = random.Next(150, 1500);
            using (var running = StartVirtualMeter("--state", state, "--optical", "none", "--speed", "max"))
            {
                Thread.Sleep(afterMs);
                if (running.HasExited) Assert.Fail("the virtual meter ended before the kill: " + running.StandardError.ReadToEnd());
                running.Kill(); // SIGKILL on Linux and macOS
                running.WaitForExit();
            }
            // The battery-backed clock was kept while the killed meter ran: the file is there, not behind the last reading.
            DateTime rtc = new Meter.Simulation.RtcStateFile(state).Read() ?? throw new Xunit.Sdk.XunitException("no FILE.rtc after the kill");
            Reading now = Read(state);
            history.Add($"kill after {afterMs} ms, clock file {rtc:yyyy-MM-dd HH:mm:ss.fff}Z, then {now}");
            string context = $"seed {seed}, kill {i + 1}:\n{string.Join("\n", history)}";
            double hours = (now.Utc - previous.Utc).TotalHours;
            Assert.True(hours > 0, "the clock did not go on: " + context);
            Assert.True(rtc >= previous.Utc, "the clock file is behind the last reading: " + context);
            // The restart ran from the clock file's time (whole seconds) for its 1 s, not from a time it found elsewhere.
            Assert.True(now.Utc == new DateTime(rtc.Ticks - rtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1),
                "the restart did not continue the clock file's time: " + context);
            for (int r = 0; r < now.Kwh.Length; r++)
            {
                double rise = now.Kwh[r] - previous.Kwh[r];
                Assert.True(rise >= 0, "a register went down: " + context);
                // + 2 Wh: registers count whole Wh and the display rounds to 1 Wh.
                Assert.True(rise <= MaxVoltAmperes / 1000 * hours + 0.002, $"a register jumped by {rise} kWh in {hours:0.###} h: " + context);
            }
            previous = now;
        }
        // The kills hit a running meter: simulated time and energy moved on a lot, not only the 1-s reading runs.
        Assert.True((previous.Utc - first.Utc).TotalHours > 2, string.Join("\n", history));
        Assert.True(previous.Kwh[0] - first.Kwh[0] > 10, string.Join("\n", history));
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(100), $"took {total.Elapsed}");
    }

    /// <summary>A one-second run on the state file (it restarts the meter, as after the kill): the registers and the time it prints at the end.</summary>
    private static Reading Read(string state, params string[] more)
    {
        using var process = StartVirtualMeter(["--state", state, "--optical", "none", "--speed", "max", "--duration", "1s", .. more]);
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"restart on the state file failed ({process.ExitCode}): {error}");
        var time = Regex.Match(output, @"time (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)Z");
        var registers = Regex.Match(output, @"A\+ ([0-9.]+) kWh .*· A- ([0-9.]+) kWh\s*\nR\+ ([0-9.]+) kvarh · R- ([0-9.]+) kvarh");
        Assert.True(time.Success && registers.Success, "no registers in: " + output);
        return new Reading(DateTime.ParseExact(time.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            [.. Enumerable.Range(1, 4).Select(g => double.Parse(registers.Groups[g].Value, CultureInfo.InvariantCulture))]);
    }

    /// <summary>The built program (copied beside the tests by the project reference), its output redirected.</summary>
    private static Process StartVirtualMeter(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtualMeter.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the virtual meter");
    }
}
