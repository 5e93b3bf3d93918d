using Meter.Tool.Profile;

namespace Meter.Tool.Output;

/// <summary>PNG chart of a load profile (ScottPlot): one line a channel over time.</summary>
public static class ProfileChart
{
    /// <summary>Writes the chart to <paramref name="path"/> (width × height pixels).</summary>
    public static void SavePng(LoadProfile profile, string path, int width = 1200, int height = 600)
    {
        var plot = new ScottPlot.Plot();
        var times = profile.Entries.Select(e => e.End.ToOADate()).ToArray();
        for (int c = 0; c < profile.ChannelCodes.Count; c++)
        {
            var ys = profile.Entries.Select(e => (double)e.Values[c]).ToArray();
            var line = plot.Add.Scatter(times, ys);
            line.MarkerSize = 0;
            line.LegendText = $"{profile.ChannelCodes[c]} ({profile.ChannelUnits[c]})";
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Load profile, {profile.Entries.Count} × {profile.Periods} min");
        plot.ShowLegend();
        plot.SavePng(path, width, height);
    }
}
