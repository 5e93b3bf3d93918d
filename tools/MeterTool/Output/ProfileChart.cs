using Meter.Tool.Profile;

namespace Meter.Tool.Output;

/// <summary>PNG chart of a load profile (ScottPlot): one line a channel over time, clock changes marked, the legend beside the plot.</summary>
public static class ProfileChart
{
    /// <summary>Label of the vertical lines where the clock was set.</summary>
    public const string ClockChangeLabel = "clock set";

    /// <summary>Writes the chart to <paramref name="path"/> (width × height pixels).</summary>
    public static void SavePng(ProfileReadout profile, string path, int width = 1200, int height = 600) =>
        Build(profile).SavePng(path, width, height);

    /// <summary>
    /// The chart: the entries in time order (<see cref="ProfileReadout.Entries"/>), a line a channel and
    /// stretch of record order (<see cref="ProfileRow.Run"/>), a dashed vertical
    /// line at each clock change, and the legend outside the data area (right edge), so it never hides a curve.
    /// </summary>
    public static ScottPlot.Plot Build(ProfileReadout profile)
    {
        var plot = new ScottPlot.Plot();
        // One line a channel and stretch of record order: a time range repeated after the clock went
        // back is drawn twice (both are data), never joined by a line running back in time.
        var runs = profile.Entries.GroupBy(e => e.Run).ToList();
        for (int c = 0; c < profile.ChannelCodes.Count; c++)
        {
            var color = plot.Add.Palette.GetColor(c);
            bool named = false;
            for (int r = 0; r < runs.Count; r++)
            {
                // Intervals recorded without this channel (an added channel) have no point on its line.
                var withChannel = runs[r].Where(e => e.Values.Count > c).ToList();
                if (withChannel.Count == 0) continue;
                var times = withChannel.Select(e => e.End.ToOADate()).ToArray();
                var ys = withChannel.Select(e => (double)e.Values[c]).ToArray();
                var line = plot.Add.Scatter(times, ys, color);
                line.MarkerSize = 0;
                if (!named) line.LegendText = $"{profile.ChannelCodes[c]} ({profile.ChannelUnits[c]})";
                named = true;
            }
        }
        bool labelled = false;
        foreach (var change in profile.Entries.Where(e => e.ClockChange))
        {
            var marker = plot.Add.VerticalLine(change.End.ToOADate());
            marker.LinePattern = ScottPlot.LinePattern.Dashed;
            marker.Color = ScottPlot.Colors.Gray;
            if (!labelled) marker.LegendText = ClockChangeLabel; // one legend entry for all of them
            labelled = true;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Load profile, {profile.Entries.Count} × {profile.Periods} min");
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }
}
