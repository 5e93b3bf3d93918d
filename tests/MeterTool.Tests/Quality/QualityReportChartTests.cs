using Meter.Tool.Output;
using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;
using MeterTool.Tests.Support;
using SkiaSharp;

namespace MeterTool.Tests.Quality;

/// <summary>The PNG report drawn from the synthetic week: written, of the stated size, not blank, the band drawn.</summary>
public class QualityReportChartTests
{
    private static (AnalysisLog Log, IReadOnlyList<CriterionResult> Results) Week()
    {
        var log = AnalysisLog.Parse(DataBlockParser.Parse(SyntheticWeek.Answer()));
        return (log, En50160Check.Evaluate(log, 230m));
    }

    [Fact]
    public void Report_png_has_the_stated_size_and_is_not_blank()
    {
        var (log, results) = Week();
        string file = Path.Combine(Path.GetTempPath(), $"quality-{Guid.NewGuid():N}.png");
        try
        {
            QualityReportChart.SavePng(log, results, 230m, file);
            byte[] bytes = File.ReadAllBytes(file);
            // PNG signature, then IHDR: width and height big-endian at bytes 16 and 20.
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal(QualityReportChart.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(QualityReportChart.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            using var bitmap = SKBitmap.Decode(file);
            var colours = new HashSet<uint>();
            int white = 0;
            for (int y = 0; y < bitmap.Height; y += 4)
                for (int x = 0; x < bitmap.Width; x += 4)
                {
                    var c = bitmap.GetPixel(x, y);
                    colours.Add((uint)c);
                    if (c == SKColors.White) white++;
                }
            int sampled = (bitmap.Width / 4) * (bitmap.Height / 4);
            Assert.True(colours.Count > 50, $"only {colours.Count} colours: the report looks empty");
            Assert.True(white < sampled * 0.9, $"{white} of {sampled} sampled pixels are white");
            // Every panel has ink: no quarter of the lower rows and no top row is blank.
            foreach (var (x0, y0, x1, y1) in new[] { (0, 0, 1600, 560), (0, 560, 800, 980), (800, 560, 1600, 980), (0, 980, 800, 1400), (800, 980, 1600, 1400) })
                Assert.True(Inked(bitmap, x0, y0, x1, y1) > 500, $"panel at {x0},{y0} is nearly blank");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Voltage_panel_states_the_95_percent_check_and_draws_the_band_and_the_minus_15_percent_line()
    {
        var (log, results) = Week();
        var plot = QualityReportChart.Voltage(log, results, 230m);
        string title = plot.Axes.Title.Label.Text;
        Assert.Contains("95 % needed", title);
        Assert.Contains("L1 ", title);
        Assert.Contains("PASS", title);
        // ScottPlot 5.1: a VerticalSpan covers a y-range, a HorizontalSpan an x-range (time).
        var band = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalSpan>());
        Assert.Equal((207.0, 253.0), (Math.Round(band.Bottom, 6), Math.Round(band.Top, 6)));
        var line = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>());
        Assert.Equal(195.5, Math.Round(line.Y, 6));
        // 3 phases + the flagged dip shaded.
        Assert.Equal(3, plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Count());
        var dip = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>());
        Assert.Equal((new DateTime(2026, 12, 2, 18, 0, 0), new DateTime(2026, 12, 2, 18, 20, 0)), (DateTime.FromOADate(dip.Left), DateTime.FromOADate(dip.Right)));
    }

    [Fact]
    public void Harmonic_panel_has_a_bar_a_logged_order_and_the_table_limits()
    {
        var (log, _) = Week();
        var plot = QualityReportChart.Harmonics(log);
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(16, bars.Count); // L1 orders 2..17
        var limits = plot.GetPlottables().OfType<ScottPlot.Plottables.Markers>().Single();
        Assert.Equal(6.0, limits.Data.GetScatterPoints().Single(p => p.X == 5).Y); // Table 1: 5th ≤ 6 %
    }

    [Fact]
    public void Harmonic_panel_says_so_when_no_harmonic_is_logged()
    {
        string text = AnalysisAnswer.Default().Build(SyntheticWeek.FirstEnd, 3, _ => 0, SyntheticWeek.Value);
        var plot = QualityReportChart.Harmonics(AnalysisLog.Parse(DataBlockParser.Parse(text)));
        var note = plot.GetPlottables().OfType<ScottPlot.Plottables.Annotation>().Single();
        Assert.Contains("not logged", note.Text);
    }

    private static int Inked(SKBitmap bitmap, int x0, int y0, int x1, int y1)
    {
        int n = 0;
        for (int y = y0; y < y1; y += 2)
            for (int x = x0; x < x1; x += 2)
                if (bitmap.GetPixel(x, y) != SKColors.White) n++;
        return n;
    }
}
