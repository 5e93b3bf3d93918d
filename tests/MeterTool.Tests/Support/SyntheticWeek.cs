namespace MeterTool.Tests.Support;

/// <summary>
/// A made-up week of the analysis logger (P.02, the shared contract) for the README's sample report and the chart
/// tests: 1008 10-min values from Monday 2026-11-30 00:10, 24 channels (the 8 defaults and harmonics 2–17 of L1).
/// L1 carries a PV feed-in: its voltage rises at noon and passes 253 V for 4 intervals on Saturday (the "all within
/// +10 %" check fails, the 95 % check passes); a dip on Wednesday 18:00–18:20 is flagged; THD peaks in the evening.
/// Deterministic (no random numbers): sines of the time of day.
/// </summary>
public static class SyntheticWeek
{
    /// <summary>End of the first interval.</summary>
    public static readonly DateTime FirstEnd = new(2026, 11, 30, 0, 10, 0);
    /// <summary>10-min values in the week.</summary>
    public const int Intervals = 1008;

    /// <summary>The 24 channels with units and decimals as the contract gives them.</summary>
    public static AnalysisAnswer Channels()
    {
        var answer = AnalysisAnswer.Default();
        for (int n = 2; n <= 17; n++) answer.Channel($"32.7.{n}", "%", 2);
        return answer;
    }

    /// <summary>The P.02 answer's data block.</summary>
    public static string Answer() => Channels().Build(FirstEnd, Intervals, Status, Value);

    /// <summary>Flagged (80) for the dip on Wednesday 18:00–18:20 (intervals ending 18:10, 18:20).</summary>
    public static int Status(int i) => i is 2 * 144 + 108 or 2 * 144 + 109 ? 0x80 : 0;

    /// <summary>Value of channel <paramref name="code"/> in interval <paramref name="i"/>.</summary>
    public static decimal Value(int i, string code)
    {
        double hour = (i + 1) * 10 / 60.0 % 24, day = (i + 1) / 144;
        double sun = Math.Max(0, Math.Sin((hour - 7) / 10 * Math.PI)) * (day == 5 ? 1.25 : 0.6 + 0.1 * (day % 3));
        double evening = Math.Exp(-Math.Pow((hour - 19) / 2.5, 2));
        double wobble = Math.Sin(i * 0.7) * 0.8 + Math.Sin(i * 0.13) * 1.1;
        double value = code switch
        {
            "32.7.0" => 229 + 19.5 * sun - 5 * evening + wobble,
            "52.7.0" => 231 - 4 * evening + 0.7 * wobble,
            "72.7.0" => 227.5 - 9 * evening - 0.9 * wobble,
            "14.7.0" => 50 + 0.03 * Math.Sin(i * 0.31) + 0.02 * Math.Sin(i * 0.053),
            "32.7.124" => 2.2 + 3.4 * evening + 0.2 * Math.Sin(i * 0.4),
            "52.7.124" => 1.8 + 2.6 * evening + 0.2 * Math.Sin(i * 0.5),
            "72.7.124" => 2.0 + 4.5 * evening + 0.3 * Math.Sin(i * 0.3),
            "12.7.128" => 0.5 + 0.6 * evening + 0.3 * sun + 0.1 * Math.Sin(i * 0.9),
            _ => Harmonic(int.Parse(code[5..]), evening, i),
        };
        if (Status(i) != 0 && code.EndsWith(".7.0") && code != "14.7.0") value -= 60; // the dip in the 10-min mean
        return (decimal)value;
    }

    // Odd orders dominate (rectifier loads in the evening), triplens from single-phase loads.
    private static double Harmonic(int order, double evening, int i)
    {
        double baseline = order switch { 3 => 1.2, 5 => 2.0, 7 => 1.1, 9 => 0.4, 11 => 0.6, 13 => 0.5, 15 => 0.2, 17 => 0.3, _ => 0.15 };
        return baseline * (1 + 1.2 * evening) + 0.03 * Math.Abs(Math.Sin(i * order * 0.1));
    }
}
