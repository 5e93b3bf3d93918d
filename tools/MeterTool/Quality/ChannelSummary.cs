namespace Meter.Tool.Quality;

/// <summary>Minimum, mean and maximum of one channel over the unflagged intervals (the values EN 50160 evaluates).</summary>
public sealed record ChannelSummary(string Code, string Name, string Unit, int Count, decimal Min, decimal Mean, decimal Max)
{
    /// <summary>One summary a logged channel, in the header's order; channels without unflagged values are left out.</summary>
    public static IReadOnlyList<ChannelSummary> Of(AnalysisLog log)
    {
        var rows = log.Unflagged.ToList();
        var result = new List<ChannelSummary>();
        foreach (string code in log.Profile.ChannelCodes)
        {
            var v = log.Values(code, rows);
            if (v.Length == 0) continue;
            result.Add(new ChannelSummary(code, AnalysisChannels.Describe(code), log.UnitOf(code), v.Length, v.Min(), v.Sum() / v.Length, v.Max()));
        }
        return result;
    }
}
