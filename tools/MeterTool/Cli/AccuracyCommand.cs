using System.CommandLine;
using System.Globalization;
using Meter.Rig;
using Meter.Rig.Accuracy;
using Meter.Tool.Output;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>
/// `accuracy`: the type test's accuracy run on a bench rig. Each test point (current, PF, direction, balanced or one
/// phase) is set on the rig, N LED pulses are counted against the reference (error = (E_meter − E_ref) / E_ref × 100,
/// resolution 100 / N %), and the error is compared with the class limit. Prints a table; writes CSV and a PNG on request.
/// </summary>
public static class AccuracyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var rigOptions = new RigOptions();
        var cls = new Option<string>("--class") { Description = "Accuracy class: B (MID, EN 50470-3) or 1 (IEC 62053-21)", DefaultValueFactory = _ => "B" };
        cls.AcceptOnlyFromAmong("B", "1");
        var pulses = new Option<int>("--pulses") { Description = "LED pulses a point (the gate): N pulses resolve the error to 100/N % (1000 → 0.1 %)", DefaultValueFactory = _ => 1000 };
        var csv = new Option<string?>("--csv") { Description = "Write the results as CSV to FILE" };
        var png = new Option<string?>("--png") { Description = "Write the error curve (error % vs current, per PF, the class band shaded) as PNG to FILE" };
        var command = new Command("accuracy", "Accuracy test on a bench rig (IEC 62053-21 / EN 50470-3 test points, class limits, pulse method)") { cls, pulses, csv, png };
        rigOptions.AddTo(command);
        CommandRunner.SetAction(command, parse =>
        {
            int n = parse.GetValue(pulses);
            if (n < 10 || n > 1_000_000) throw new ArgumentException($"--pulses {n}: give 10 … 1000000 (1000 resolves 0.1 %)");
            var accuracyClass = parse.GetValue(cls) == "1" ? AccuracyClass.One : AccuracyClass.B;
            var rating = rigOptions.Rating(parse);
            var rig = rigOptions.Open(parse, opticalPort: false);
            using var owned = RigOptions.Owned(rig);
            var plan = TestPlan.For(accuracyClass, rating);
            string className = accuracyClass == AccuracyClass.One ? "class 1 (IEC 62053-21)" : "class B (MID)";
            AnsiConsole.MarkupLine(Markup.Escape($"{rig.Description}; {className}; {plan.Count} points × {n} pulses (resolution ±{AccuracyReport.N(ErrorMeasurement.ResolutionPercent(n))} %)"));
            var table = new Table().AddColumns("Load", "I", "I (A)", "PF", "Direction", "Error %", "Limit %", "Pass");
            var results = new AccuracyRun(rig, rating, accuracyClass, n).MeasureAll(plan, r => table.AddRow(
                r.Point.Load, Markup.Escape(r.Point.CurrentLabel), AccuracyReport.N(r.Point.Amps), PowerFactors.Label(r.Point.PowerFactor),
                AccuracyReport.Direction(r.Point), AccuracyReport.Error(r), r.LimitPercent is decimal l ? "±" + AccuracyReport.N(l) : "—",
                r.Passed == false ? "[red]FAIL[/]" : AccuracyReport.Verdict(r)));
            AnsiConsole.Write(table);
            int failed = results.Count(r => r.Passed == false), judged = results.Count(r => r.Passed != null);
            AnsiConsole.MarkupLine(Markup.Escape($"{judged - failed} of {judged} points inside the {className} limits"
                + (results.Count > judged ? $"; {results.Count - judged} without a checked limit (n/a)" : "")));
            if (parse.GetValue(csv) is string csvFile) File.WriteAllText(csvFile, AccuracyReport.Csv(results));
            if (parse.GetValue(png) is string pngFile)
                AccuracyChart.SavePng(results, string.Create(CultureInfo.InvariantCulture, $"{rating.Phases}-phase {AccuracyReport.N(rating.BasicAmps)}({AccuracyReport.N(rating.MaximumAmps)}) A, {className}, {n} pulses a point"), pngFile);
            return failed == 0 ? CommandRunner.Ok : CommandRunner.VerificationFailed;
        });
        return command;
    }
}
