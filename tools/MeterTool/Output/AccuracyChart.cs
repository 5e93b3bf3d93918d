using Meter.Rig.Accuracy;

namespace Meter.Tool.Output;

/// <summary>
/// PNG error curve of an `accuracy` run (ScottPlot): error % against current (log axis), one line a power factor and
/// direction of the balanced points, the single-phase-load points as markers, and the class band of the balanced
/// PF 1 points shaded (its limits step where the table's current ranges change).
/// </summary>
public static class AccuracyChart
{
    /// <summary>Writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(IReadOnlyList<AccuracyResult> results, string title, string path, int width = 1200, int height = 700) =>
        Build(results, title).SavePng(path, width, height);

    /// <summary>The chart.</summary>
    public static ScottPlot.Plot Build(IReadOnlyList<AccuracyResult> results, string title)
    {
        var plot = new ScottPlot.Plot();
        static double X(decimal amps) => Math.Log10((double)amps);
        // The class band: ± the limit of each balanced PF 1 import point, as a stepped polygon over the currents.
        var band = results.Where(r => r.Point.Phase == null && r.Point.PowerFactor == LoadPowerFactor.Unity
                && r.Point.Direction == EnergyDirection.Import && r.LimitPercent != null)
            .OrderBy(r => r.Point.Amps).ToList();
        if (band.Count > 0)
        {
            var upper = new List<ScottPlot.Coordinates>();
            for (int i = 0; i < band.Count; i++)
            {
                double from = i == 0 ? X(band[i].Point.Amps) : (X(band[i - 1].Point.Amps) + X(band[i].Point.Amps)) / 2;
                double to = i == band.Count - 1 ? X(band[i].Point.Amps) : (X(band[i].Point.Amps) + X(band[i + 1].Point.Amps)) / 2;
                upper.Add(new(from, (double)band[i].LimitPercent!.Value));
                upper.Add(new(to, (double)band[i].LimitPercent!.Value));
            }
            var lower = upper.Select(c => new ScottPlot.Coordinates(c.X, -c.Y)).Reverse();
            var polygon = plot.Add.Polygon(upper.Concat(lower).ToArray());
            polygon.FillColor = ScottPlot.Colors.Green.WithAlpha(0.15);
            polygon.LineColor = ScottPlot.Colors.Green.WithAlpha(0.5);
            polygon.LegendText = "class band (PF 1, balanced)";
        }
        int c = 0;
        foreach (var group in results.Where(r => r.Point.Phase == null).GroupBy(r => (r.Point.PowerFactor, r.Point.Direction)))
        {
            var points = group.OrderBy(r => r.Point.Amps).ToList();
            var line = plot.Add.Scatter(points.Select(r => X(r.Point.Amps)).ToArray(), points.Select(r => (double)r.ErrorPercent).ToArray(), plot.Add.Palette.GetColor(c++));
            line.LegendText = $"PF {PowerFactors.Label(group.Key.PowerFactor)} {AccuracyReport.Direction(points[0].Point)}";
        }
        var single = results.Where(r => r.Point.Phase != null).ToList();
        if (single.Count > 0)
        {
            var markers = plot.Add.ScatterPoints(single.Select(r => X(r.Point.Amps)).ToArray(), single.Select(r => (double)r.ErrorPercent).ToArray(), ScottPlot.Colors.Gray);
            markers.LegendText = "one phase loaded";
        }
        // Log current axis: ticks at the measured currents, labelled in A.
        var ticks = results.Select(r => r.Point.Amps).Distinct().OrderBy(a => a)
            .Select(a => new ScottPlot.Tick(X(a), AccuracyReport.N(a))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.XLabel("current (A, log scale)");
        plot.YLabel("error (%)");
        plot.Title(title);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }
}
