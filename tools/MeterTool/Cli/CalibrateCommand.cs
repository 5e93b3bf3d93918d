using System.CommandLine;
using System.Globalization;
using Meter.Rig;
using Meter.Tool.Calibration;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>
/// `calibrate`: bench calibration of one or all phases against a test rig. Steps: gain
/// (rig at PF = 1: xVGAIN, xIGAIN, xPGAIN), phase (rig at PF 0.5 inductive: xPHCAL), offset
/// (rig at low load: xVRMSOS, xIRMSOS). Shows the arithmetic, writes (unless --dry-run),
/// waits for the meter to settle, reads again and verifies. With --rig the rig sources the reference on every
/// phase first; --rig simulated calibrates the rig's own virtual meter (its optical port, served while the session runs).
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var phase = new Option<string>("--phase") { Description = "Phase to calibrate: 1, 2, 3 or all", DefaultValueFactory = _ => "all" };
        var step = new Option<string>("--step") { Description = "gain (PF 1), phase (PF 0.5 inductive) or offset (low load)", DefaultValueFactory = _ => "gain" };
        step.AcceptOnlyFromAmong("gain", "phase", "offset");
        var voltage = new Option<decimal?>("--voltage") { Description = "Reference rms voltage applied by the rig, V" };
        var current = new Option<decimal?>("--current") { Description = "Reference rms current applied by the rig, A" };
        var pf = new Option<decimal>("--pf") { Description = "Reference power factor (inductive)", DefaultValueFactory = _ => 1m };
        var frequency = new Option<int>("--frequency") { Description = "Mains frequency, 50 or 60 Hz", DefaultValueFactory = _ => 50 };
        var rig = new Option<string?>("--rig-file") { Description = "JSON written by the rig: {\"voltage\",\"current\",\"powerFactor\",\"frequency\"} (instead of --voltage/--current/--pf)" };
        var tolerance = new Option<decimal>("--tolerance") { Description = "Verification tolerance, percent", DefaultValueFactory = _ => 0.1m };
        var settle = new Option<int>("--settle-ms") { Description = "Wait after writing before verifying, ms", DefaultValueFactory = _ => 2000 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and show, do not write" };
        var vScale = new Option<decimal?>("--vrms-lsb-per-volt") { Description = "Offset step: VRMS register LSB per volt of the board" };
        var iScale = new Option<decimal?>("--irms-lsb-per-amp") { Description = "Offset step: IRMS register LSB per ampere of the board" };
        var command = new Command("calibrate", "Bench calibration against a test rig (needs --password)")
            { phase, step, voltage, current, pf, frequency, rig, tolerance, settle, dryRun, vScale, iScale };
        var rigOptions = new RigOptions();
        rigOptions.AddTo(command);
        CommandRunner.SetAction(command, parse =>
        {
            int[] phases = parse.GetValue(phase) switch
            {
                "all" => [1, 2, 3],
                "1" => [1],
                "2" => [2],
                "3" => [3],
                var other => throw new ArgumentException($"--phase \"{other}\": give 1, 2, 3 or all"),
            };
            string stepName = parse.GetValue(step)!;
            ReferenceValues reference;
            if (parse.GetValue(rig) is string rigFile)
            {
                if (parse.GetValue(voltage) != null || parse.GetValue(current) != null)
                    throw new ArgumentException("give either --rig-file or --voltage/--current, not both");
                reference = ReferenceValues.FromRigFile(rigFile);
            }
            else
            {
                reference = new ReferenceValues(
                    parse.GetValue(voltage) ?? throw new ArgumentException("give the reference --voltage (or --rig-file)"),
                    parse.GetValue(current) ?? throw new ArgumentException("give the reference --current (or --rig-file)"),
                    parse.GetValue(pf), parse.GetValue(frequency)).Validated();
            }
            if (stepName == "gain" && reference.PowerFactor != 1m) throw new ArgumentException("the gain step needs the rig at PF = 1");
            if (stepName == "phase" && reference.PowerFactor == 1m) throw new ArgumentException("the phase step needs the rig at an inductive PF below 1, normally --pf 0.5");
            decimal? vs = parse.GetValue(vScale), isc = parse.GetValue(iScale);
            if (stepName == "offset" && (vs == null || isc == null)) throw new ArgumentException("the offset step needs --vrms-lsb-per-volt and --irms-lsb-per-amp of the board");
            decimal tol = parse.GetValue(tolerance);
            if (tol <= 0) throw new ArgumentException("--tolerance must be positive");
            int settleMs = parse.GetValue(settle);
            if (settleMs is < 0 or > 600_000) throw new ArgumentException("--settle-ms must be 0..600000");

            AnsiConsole.MarkupLine(Markup.Escape($"reference: {reference}"));
            if (!rigOptions.IsGiven(parse)) return Calibrate(null);
            var bench = rigOptions.Open(parse, opticalPort: true);
            using var owned = RigOptions.Owned(bench);
            SourceReference(bench, rigOptions.Rating(parse).Phases, reference);
            if (bench is not SimulatedRig simulated) return Calibrate(null);
            simulated.RunFor(TimeSpan.FromMinutes(2)); // the meter reads the new load (once a simulated minute at full speed)
            return simulated.ServeOpticalPort(() => Calibrate(RigOptions.TcpEndpoint(simulated)));

            int Calibrate(string? rigMeter)
            {
                var (transport, client) = g.Connect(parse, rigMeter);
                using (transport)
                using (var session = g.OpenSession(parse, client))
                {
                    var workflow = new CalibrationWorkflow(session);
                    var all = new List<(int Phase, Correction C)>();
                    foreach (int p in phases)
                    {
                        var reading = workflow.ReadPhase(p);
                        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"phase {CalibrationWorkflow.PhaseLetter(p)} reads U = {reading.Voltage} V, I = {reading.Current} A, P = {reading.ActivePower} W")));
                        IReadOnlyList<Correction> corrections = stepName switch
                        {
                            "gain" => workflow.ComputeGains(p, reference, reading),
                            "phase" => [workflow.ComputePhase(p, reference, reading)],
                            _ => workflow.ComputeRmsOffsets(p, reference, reading, vs!.Value, isc!.Value),
                        };
                        all.AddRange(corrections.Select(c => (p, c)));
                    }
                    var table = new Table().AddColumns("Register", "Old", "New", "Arithmetic");
                    foreach (var (_, c) in all)
                        table.AddRow(c.Register, c.OldValue.ToString(CultureInfo.InvariantCulture), c.NewValue.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Arithmetic));
                    AnsiConsole.Write(table);
                    if (parse.GetValue(dryRun))
                    {
                        AnsiConsole.MarkupLine("dry run: nothing written");
                        return CommandRunner.Ok;
                    }
                    foreach (int p in phases) workflow.Apply(p, all.Where(x => x.Phase == p).Select(x => x.C));
                    AnsiConsole.MarkupLine($"written {all.Count} registers; waiting {settleMs} ms for the meter to settle");
                    Thread.Sleep(settleMs);
                    bool ok = true;
                    var verify = new Table().AddColumns("Phase", "Quantity", "Reference", "Meter", "Error %", "Within ±" + tol.ToString(CultureInfo.InvariantCulture) + " %");
                    foreach (int p in phases)
                    {
                        foreach (var line in CalibrationWorkflow.Verify(reference, workflow.ReadPhase(p), tol))
                        {
                            // The phase step only moves P; offsets only matter at the low test point: verify all three anyway.
                            ok &= line.WithinTolerance;
                            verify.AddRow(CalibrationWorkflow.PhaseLetter(p), line.Quantity, line.Reference.ToString(CultureInfo.InvariantCulture),
                                line.Measured.ToString(CultureInfo.InvariantCulture), line.ErrorPercent.ToString(CultureInfo.InvariantCulture), line.WithinTolerance ? "yes" : "[red]NO[/]");
                        }
                    }
                    AnsiConsole.Write(verify);
                    return ok ? CommandRunner.Ok : CommandRunner.VerificationFailed;
                }
            }
        });
        return command;
    }

    /// <summary>Every phase of the meter at the reference's U and I, the current lagging by arccos PF (inductive).</summary>
    private static void SourceReference(IReferenceRig rig, int phases, ReferenceValues reference)
    {
        decimal angle = Math.Round((decimal)(Math.Acos((double)reference.PowerFactor) * 180 / Math.PI), 6);
        for (int p = 1; p <= phases; p++) rig.SetPhase(p, new PhaseSetting(reference.Voltage, reference.Current, angle));
    }
}
