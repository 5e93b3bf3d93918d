using System.Globalization;
using Meter.Tool.Profile;
using Meter.Tool.Quality;
using ScottPlot;
using SkiaSharp;

namespace Meter.Tool.Output;

/// <summary>
/// The power-quality report as one PNG (ScottPlot panels drawn on one canvas): on top the voltage of each phase over
/// the range against the EN 50160 band (Un ± 10 % shaded, Un − 15 % line; the 95 % check in the title), then THD per
/// phase against 8 % beside the harmonic bars (95th percentile of each order 2..25 against Table 1), then unbalance
/// against 2 % beside the frequency against ± 1 %. Flagged intervals are shaded grey: shown, not evaluated.
/// </summary>
public static class QualityReportChart
{
    /// <summary>Size of the report, pixels.</summary>
    public const int Width = 1600, Height = 1400;
    private const int TopRow = 560;

    private static readonly Color[] PhaseColors = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c")];
    private static readonly Color LimitColor = Color.FromHex("#d62728");
    /// <summary>Fill of the permitted band (Un ± 10 %, f ± 1 %).</summary>
    public static readonly Color BandColor = Color.FromHex("#2ca02c").WithAlpha(0.15);
    private static readonly Color FlaggedColor = Colors.Gray.WithAlpha(0.25);

    /// <summary>Writes the report to <paramref name="path"/> (<see cref="Width"/> × <see cref="Height"/>).</summary>
    public static void SavePng(AnalysisLog log, IReadOnlyList<CriterionResult> results, decimal nominalVolts, string path)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        int half = Width / 2, row = (Height - TopRow) / 2;
        // Each panel is rendered on its own (a ScottPlot render clears the whole canvas) and drawn at its place.
        Draw(canvas, Voltage(log, results, nominalVolts), 0, 0, Width, TopRow);
        Draw(canvas, Thd(log, results), 0, TopRow, half, row);
        Draw(canvas, Harmonics(log), half, TopRow, half, row);
        Draw(canvas, Unbalance(log, results), 0, TopRow + row, half, row);
        Draw(canvas, Frequency(log, results), half, TopRow + row, half, row);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static void Draw(SKCanvas canvas, Plot plot, int x, int y, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
        canvas.DrawBitmap(bitmap, x, y);
    }

    /// <summary>Voltage per phase against Un ± 10 % (shaded) and Un − 15 % (line); the 95 % check in the title.</summary>
    public static Plot Voltage(AnalysisLog log, IReadOnlyList<CriterionResult> results, decimal nominalVolts)
    {
        var plot = TimePlot(log);
        double un = (double)nominalVolts;
        var band = plot.Add.VerticalSpan(un * 0.9, un * 1.1, BandColor);
        band.LegendText = $"Un ± 10 % ({un * 0.9:0.#} … {un * 1.1:0.#} V): 95 % of the values";
        var low = plot.Add.HorizontalLine(un * 0.85, 2, LimitColor, LinePattern.Dashed);
        low.LegendText = $"Un − 15 % ({un * 0.85:0.#} V): every value above";
        for (int p = 1; p <= 3; p++) Series(plot, log, AnalysisChannels.Voltage(p), $"L{p}", PhaseColors[p - 1]);
        var checks = Enumerable.Range(1, 3).Select(p => Find(results, $"voltage L{p} ±10 %")).OfType<CriterionResult>()
            .Select(r => $"{r.Criterion[8..10]} {Share(r)} {Verdict(r)}");
        var all = Enumerable.Range(1, 3).Select(p => Find(results, $"voltage L{p} +10/−15 %")).OfType<CriterionResult>()
            .Select(r => $"{r.Criterion[8..10]} {Verdict(r)}" + (r.Evaluated > r.Within ? $" ({r.Evaluated - r.Within} out)" : ""));
        plot.Title($"Supply voltage, 10-min means (EN 50160 §4.2.2) — within Un ± 10 %, 95 % needed: {string.Join(", ", checks)}\n"
            + $"all within Un + 10 % / − 15 %: {string.Join(", ", all)}", 15);
        plot.YLabel("Voltage (V)");
        TimeAxis(plot, log);
        plot.Axes.SetLimitsY(un * 0.8, un * 1.15);
        return plot;
    }

    /// <summary>THD per phase against 8 %.</summary>
    public static Plot Thd(AnalysisLog log, IReadOnlyList<CriterionResult> results)
    {
        var plot = TimePlot(log);
        Limit(plot, (double)En50160Check.ThdLimitPercent, "limit 8 %");
        for (int p = 1; p <= 3; p++) Series(plot, log, AnalysisChannels.Thd(p), $"L{p}", PhaseColors[p - 1]);
        var checks = Enumerable.Range(1, 3).Select(p => Find(results, $"THD L{p}")).OfType<CriterionResult>().Select(r => $"{r.Criterion[4..]} {Verdict(r)}");
        plot.Title($"Voltage THD (§4.2.5, ≤ 8 % for 95 %): {Joined(checks)}", 14);
        plot.YLabel("THD (% of fundamental)");
        TimeAxis(plot, log);
        plot.Axes.SetLimitsY(0, Math.Max(10, MaxOf(log, Enumerable.Range(1, 3).Select(AnalysisChannels.Thd)) * 1.1));
        return plot;
    }

    /// <summary>The 95th percentile of each harmonic order 2..25 per phase (bars) against EN 50160 Table 1 (red marks).</summary>
    public static Plot Harmonics(AnalysisLog log)
    {
        var plot = NewPlot();
        plot.Title("Harmonics, 95th percentile of the 10-min values (§4.2.5, Table 1)", 14);
        var rows = log.Unflagged.ToList();
        var bars = new List<Bar>();
        for (int p = 1; p <= 3; p++)
            for (int n = AnalysisChannels.FirstHarmonic; n <= AnalysisChannels.LastHarmonic; n++)
            {
                string code = AnalysisChannels.Harmonic(p, n);
                if (!log.Has(code) || En50160Check.Percentile95(log.Values(code, rows)) is not decimal p95) continue;
                bars.Add(new Bar { Position = n + (p - 2) * 0.27, Value = (double)p95, Size = 0.25, FillColor = PhaseColors[p - 1], LineWidth = 0 });
            }
        if (bars.Count == 0)
        {
            plot.Add.Annotation("harmonics 2–25 are not logged: add channels 32.7.n / 52.7.n / 72.7.n to the analysis logger", Alignment.MiddleCenter);
            return plot;
        }
        plot.Add.Bars(bars);
        for (int p = 1; p <= 3; p++)
            if (bars.Any(b => b.FillColor == PhaseColors[p - 1])) plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"L{p}", FillColor = PhaseColors[p - 1] });
        var orders = Enumerable.Range(AnalysisChannels.FirstHarmonic, AnalysisChannels.LastHarmonic - 1).ToArray();
        var limits = plot.Add.Markers(orders.Select(n => (double)n).ToArray(), orders.Select(n => (double)En50160Check.HarmonicLimit(n)).ToArray(), MarkerShape.HorizontalBar, 18, LimitColor);
        limits.MarkerLineWidth = 3;
        limits.LegendText = "Table 1 limit";
        plot.Axes.SetLimitsX(1.3, 25.7);
        plot.Axes.SetLimitsY(0, Math.Max(6.5, bars.Max(b => b.Value) * 1.1));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(orders.Select(n => (double)n).ToArray(), orders.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("Harmonic order");
        plot.YLabel("% of fundamental");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Unbalance u2 against 2 %.</summary>
    public static Plot Unbalance(AnalysisLog log, IReadOnlyList<CriterionResult> results)
    {
        var plot = TimePlot(log);
        Limit(plot, (double)En50160Check.UnbalanceLimitPercent, "limit 2 %");
        Series(plot, log, AnalysisChannels.Unbalance, "u2", PhaseColors[0]);
        plot.Title($"Voltage unbalance u2 (§4.2.4, ≤ 2 % for 95 %): {Check(Find(results, "unbalance u2"))}", 14);
        plot.YLabel("u2 (%)");
        TimeAxis(plot, log);
        plot.Axes.SetLimitsY(0, Math.Max(3, MaxOf(log, [AnalysisChannels.Unbalance]) * 1.1));
        return plot;
    }

    /// <summary>Frequency against 50 Hz ± 1 % (shaded).</summary>
    public static Plot Frequency(AnalysisLog log, IReadOnlyList<CriterionResult> results)
    {
        var plot = TimePlot(log);
        double f = (double)En50160Check.NominalFrequency;
        var band = plot.Add.VerticalSpan(f * 0.99, f * 1.01, BandColor);
        band.LegendText = "50 Hz ± 1 %: 99.5 % of the values";
        Series(plot, log, AnalysisChannels.Frequency, "f", PhaseColors[0]);
        plot.Title($"Frequency, 10-min means (§4.2.1, ± 1 % for 99.5 %): {Check(Find(results, "frequency ±1 %"))}", 14);
        plot.YLabel("Frequency (Hz)");
        TimeAxis(plot, log);
        plot.Axes.SetLimitsY(f * 0.985, f * 1.015);
        return plot;
    }

    // ScottPlot 5.1 names spans by the axis they extend along: VerticalSpan is a y-range (a band), HorizontalSpan an x-range.
    // A plot over time with the flagged intervals shaded, legend inside at the lower left.
    private static Plot TimePlot(AnalysisLog log)
    {
        var plot = NewPlot();
        bool labelled = false;
        foreach (var (start, end) in FlaggedRuns(log))
        {
            var span = plot.Add.HorizontalSpan(start.ToOADate(), end.ToOADate(), FlaggedColor); // ScottPlot 5.1: a span along x
            if (!labelled) span.LegendText = "flagged: dip, swell or interruption (not evaluated)";
            labelled = true;
        }
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "ddd dd MMM" : "ddd dd MMM\nHH:mm", CultureInfo.InvariantCulture);
        // Under the data area, in one row: the legend never hides a curve.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    // A sans-serif face where the system has one (ScottPlot's default face falls back to a serif one on Linux).
    private static Plot NewPlot()
    {
        var plot = new Plot();
        var families = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (SansFaces.FirstOrDefault(families.Contains) is string face) plot.Font.Set(face);
        return plot;
    }

    private static readonly string[] SansFaces = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI"];

    // The time axis spans all intervals (set before a panel fixes its y-range, which would freeze x where it is).
    private static void TimeAxis(Plot plot, AnalysisLog log)
    {
        if (log.Intervals.Count == 0) return;
        plot.Axes.SetLimitsX(log.Intervals[0].End.AddMinutes(-10).ToOADate(), log.Intervals[^1].End.ToOADate());
    }

    // Consecutive flagged intervals as (start, end) of the time they cover.
    private static IEnumerable<(DateTime Start, DateTime End)> FlaggedRuns(AnalysisLog log)
    {
        DateTime? start = null, end = null;
        foreach (var row in log.Intervals)
        {
            if (!AnalysisLog.IsFlagged(row)) continue;
            var begin = row.End.AddMinutes(-row.PeriodMinutes);
            if (end != begin)
            {
                if (start != null) yield return (start.Value, end!.Value);
                start = begin;
            }
            end = row.End;
        }
        if (start != null) yield return (start.Value, end!.Value);
    }

    private static void Series(Plot plot, AnalysisLog log, string code, string label, Color color)
    {
        if (!log.Has(code)) return;
        var rows = log.Intervals;
        var line = plot.Add.Scatter(rows.Select(r => r.End.ToOADate()).ToArray(), log.Values(code, rows).Select(v => (double)v).ToArray(), color);
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        line.LegendText = label;
    }

    private static void Limit(Plot plot, double value, string label)
    {
        var line = plot.Add.HorizontalLine(value, 2, LimitColor, LinePattern.Dashed);
        line.LegendText = label;
    }

    private static double MaxOf(AnalysisLog log, IEnumerable<string> codes) =>
        codes.Where(log.Has).SelectMany(c => log.Values(c, log.Intervals)).Select(v => (double)v).DefaultIfEmpty(0).Max();

    private static CriterionResult? Find(IReadOnlyList<CriterionResult> results, string criterion) => results.FirstOrDefault(r => r.Criterion == criterion);

    private static string Check(CriterionResult? r) => r == null ? "not logged" : $"{Share(r)} within, {Verdict(r)}";

    private static string Joined(IEnumerable<string> checks) => checks.Any() ? string.Join(", ", checks) : "not logged";

    private static string Share(CriterionResult r) => r.SharePercent is decimal s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "no values";

    private static string Verdict(CriterionResult r) => r.Verdict switch
    {
        WeekVerdict.Pass => "PASS",
        WeekVerdict.Fail => "FAIL",
        _ => "no data",
    };
}
