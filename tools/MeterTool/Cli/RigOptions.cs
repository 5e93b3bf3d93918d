using System.CommandLine;
using Meter.Rig;
using Meter.Rig.Accuracy;

namespace Meter.Tool.Cli;

/// <summary>
/// The bench rig options of `accuracy` and `calibrate`: --rig simulated (the virtual meter in virtual time, with
/// injected errors) or serial:PORT (a bench speaking docs/bench-rig.md), and the meter's rating. Each command opens its
/// own rig: a simulated meter starts afresh on an empty memory (it has no state file), so its calibration is the preset's.
/// </summary>
public sealed class RigOptions
{
    /// <summary>--rig.</summary>
    public Option<string?> Rig { get; } = new("--rig") { Description = "Test rig: simulated (the virtual meter in virtual time) or serial:PORT (a bench, docs/bench-rig.md)" };
    /// <summary>--preset: the meter under test's rating (and the simulated meter).</summary>
    public Option<string> Preset { get; } = new("--preset") { Description = "Meter under test: direct-5-105a (default), ct-5-6a, single-phase-5-100a (rating, constant; the simulated meter)", DefaultValueFactory = _ => "direct-5-105a" };
    /// <summary>--gain-error (simulated rig).</summary>
    public Option<decimal> GainError { get; } = new("--gain-error") { Description = "Simulated rig: current gain error injected into the chip, percent (e.g. 2.5)" };
    /// <summary>--phase-error (simulated rig).</summary>
    public Option<decimal> PhaseError { get; } = new("--phase-error") { Description = "Simulated rig: current phase error injected into the chip, degrees (positive = lags)" };
    /// <summary>Tests: the rig every command uses instead of opening one (left open after the command), so one meter is calibrated and then tested.</summary>
    internal static IReferenceRig? Shared { get; set; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Rig);
        command.Add(Preset);
        command.Add(GainError);
        command.Add(PhaseError);
    }

    /// <summary>True when --rig was given.</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(Rig) != null;

    /// <summary>The rating of the meter under test (--preset).</summary>
    public MeterRating Rating(ParseResult parse)
    {
        string preset = parse.GetValue(Preset)!;
        try { return MeterRating.FromPreset(preset); }
        catch (ArgumentException) { throw new ArgumentException($"--preset \"{preset}\": known presets are {string.Join(", ", Meter.Boards.MeterPresets.Names)}"); }
    }

    /// <summary>What the command must dispose: the rig it opened, nothing for the <see cref="Shared"/> one.</summary>
    public static IDisposable? Owned(IReferenceRig rig) => ReferenceEquals(rig, Shared) ? null : rig;

    /// <summary>Opens the rig; <paramref name="opticalPort"/>: the simulated meter also listens on a free TCP port for a MeterTool session.</summary>
    public IReferenceRig Open(ParseResult parse, bool opticalPort)
    {
        string spec = parse.GetValue(Rig) ?? throw new ArgumentException("give --rig simulated or --rig serial:PORT");
        if (Shared != null) return Shared;
        bool simulated = spec == "simulated";
        if (!simulated && (parse.GetValue(GainError) != 0 || parse.GetValue(PhaseError) != 0))
            throw new ArgumentException("--gain-error and --phase-error belong to --rig simulated");
        if (simulated)
        {
            Rating(parse); // names a bad preset before the meter starts
            return new SimulatedRig(new SimulatedRigOptions
            {
                Preset = parse.GetValue(Preset)!,
                GainErrorPercent = parse.GetValue(GainError),
                PhaseErrorDegrees = parse.GetValue(PhaseError),
                Optical = opticalPort ? "tcp:127.0.0.1:0" : "none",
            });
        }
        if (spec.StartsWith("serial:", StringComparison.Ordinal) && spec.Length > "serial:".Length)
        {
            var rating = Rating(parse);
            return SerialRig.Open(spec["serial:".Length..], rating.Phases, rating.ImpulsesPerKilowattHour);
        }
        throw new ArgumentException($"--rig \"{spec}\": give simulated or serial:PORT (e.g. serial:/dev/ttyUSB1)");
    }

    /// <summary>The simulated meter's optical port as HOST:PORT for --tcp.</summary>
    public static string TcpEndpoint(SimulatedRig rig) => "127.0.0.1:" + rig.Host.TcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
