using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology;
using Meter.Simulation;
using Meter.VirtualMeter;

namespace EndToEnd.Tests;

/// <summary>
/// The --state file holds legal data (the energy registers): a file the meter cannot recover is
/// refused untouched with what was found and the option that formats it; only --state-format
/// formats, and a copy FILE.bak is kept before any format, repair or conversion. The clock file
/// FILE.rtc is kept while the meter runs, not only at a clean quit.
/// </summary>
[Collection("console")]
public class StateFileSafetyTests : IDisposable
{
    private static readonly DateTime March = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vm-state-" + Guid.NewGuid().ToString("N"));
    private readonly string _file;

    public StateFileSafetyTests()
    {
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "meter.nv");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Damage() => new() { "random bytes", "all zeros", "many flipped bytes", "another program's file of the right size" };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_state_file_the_meter_cannot_recover_is_refused_untouched_and_named(string damage)
    {
        RunAnHour();
        byte[] bytes = File.ReadAllBytes(_file);
        var random = new Random(16);
        switch (damage)
        {
            case "random bytes": random.NextBytes(bytes.AsSpan(NvFileHeader.Size)); break;
            case "all zeros": Array.Clear(bytes, NvFileHeader.Size, bytes.Length - NvFileHeader.Size); break;
            case "many flipped bytes": for (int i = 0; i < 20_000; i++) bytes[NvFileHeader.Size + random.Next(SimulatedBoard.NvBytes)] ^= 0x5A; break;
            default: bytes = new byte[SimulatedBoard.NvBytes]; random.NextBytes(bytes); break; // no marker, the memory's size
        }
        File.WriteAllBytes(_file, bytes);

        var (code, output, error) = VirtualMeterCommandLineTests.Run("--state", _file, "--optical", "none", "--duration", "1s");

        Assert.Equal(Program.BadArguments, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"virtualmeter: --state '{_file}': ", line);
        Assert.Contains(damage == "another program's file of the right size" ? "no \"METER-NV\" marker" : "no readable format record", line);
        Assert.EndsWith($"It was left untouched. Add --state-format to format it (erases it; a copy is kept in '{_file}.bak')", line);
        Assert.Equal(bytes, File.ReadAllBytes(_file));
        Assert.False(File.Exists(_file + ".bak"));
    }

    [Fact]
    public void State_format_keeps_a_copy_then_starts_a_new_meter()
    {
        File.WriteAllBytes(_file, new byte[SimulatedBoard.NvBytes]);
        var (code, output, error) = VirtualMeterCommandLineTests.Run("--state", _file, "--state-format", "--optical", "none", "--duration", "1s", "--start", "2025-03-01T00:00:00Z");
        Assert.Equal(0, code);
        Assert.Equal($"virtualmeter: formatted '{_file}' as a new, empty NV memory (the previous content is in '{_file}.bak')", error.Trim());
        Assert.Equal(new byte[SimulatedBoard.NvBytes], File.ReadAllBytes(_file + ".bak"));
        Assert.Contains("A+ 0.001 kWh", output); // 1 s of 6555 W: 1.8 Wh, whole Wh counted
        Assert.Equal(NvFileHeader.Size + SimulatedBoard.NvBytes, new FileInfo(_file).Length);
    }

    [Fact]
    public void An_older_marker_less_file_with_a_valid_format_record_is_converted_with_a_copy_and_keeps_its_registers()
    {
        long wh = RunAnHour();
        byte[] image = File.ReadAllBytes(_file)[NvFileHeader.Size..];
        File.WriteAllBytes(_file, image); // as the virtual meter wrote it before the marker
        using (var host = new VirtualMeterHost(Options()))
        {
            Assert.Equal($"'{_file}' had no NV memory file marker (an older virtual meter's file): converted, the old file is in '{_file}.bak'", host.StateNote);
            Assert.Equal(wh, ActiveImportWh(host));
        }
        Assert.Equal(image, File.ReadAllBytes(_file + ".bak"));
        Assert.Equal(NvFileKind.Marked, NvFileHeader.Inspect(_file, SimulatedBoard.NvBytes).Kind);
    }

    [Fact]
    public void A_quality_load_on_an_older_file_says_the_load_profile_restarts_and_keeps_a_copy()
    {
        long wh = RunAnHour(); // layout 6/7, no quality area
        byte[] before = File.ReadAllBytes(_file);
        var options = Options();
        options.Load = "harmonics"; // implies quality measurement: the quality area takes room from the load profile
        using (var host = new VirtualMeterHost(options))
        {
            Assert.Matches(@"^'.*meter\.nv': the meter upgrades the NV layout from version [67] to make room for quality measurement "
                + @"\(the analysis logger and weekly results\): the load profile restarts empty; registers, billing, events and settings are kept; "
                + @"the file as it was is in '.*meter\.nv\.bak'$", host.StateNote);
            Assert.Equal(wh, ActiveImportWh(host));
        }
        Assert.Equal(before, File.ReadAllBytes(_file + ".bak"));
    }

    [Fact]
    public void A_missing_state_file_is_created_silently()
    {
        using var host = new VirtualMeterHost(Options());
        Assert.Null(host.StateNote);
        Assert.False(File.Exists(_file + ".bak"));
        Assert.Equal(NvFileKind.Marked, NvFileHeader.Inspect(_file, SimulatedBoard.NvBytes).Kind);
    }

    [Fact]
    public void The_clock_file_is_kept_while_the_meter_runs_never_behind_the_meter()
    {
        using var host = new VirtualMeterHost(Options());
        host.RunFor(TimeSpan.FromHours(2));
        // No quit yet (as after kill -9): the battery-backed clock is already in the file, at or after the meter's time.
        DateTime? kept = new RtcStateFile(_file).Read();
        Assert.NotNull(kept);
        Assert.InRange(kept!.Value, March.AddHours(2), March.AddHours(2).AddDays(30));
    }

    private VirtualMeterOptions Options() => new() { StateFile = _file, Optical = "none", Speed = 0, Start = March };

    private long RunAnHour()
    {
        using var host = new VirtualMeterHost(Options());
        host.RunFor(TimeSpan.FromHours(1));
        return ActiveImportWh(host);
    }

    private static long ActiveImportWh(VirtualMeterHost host) =>
        host.Inspect(h => h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0));
}
