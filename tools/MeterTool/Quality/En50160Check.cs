using System.Globalization;
using Meter.Metrology.Quality;
using Meter.Tool.Profile;

namespace Meter.Tool.Quality;

/// <summary>One EN 50160 criterion over the read intervals.</summary>
/// <param name="Criterion">What is checked, e.g. "voltage L1 ±10 % (95 %)".</param>
/// <param name="Limit">The band or limit in the quantity's unit, e.g. "207.0 … 253.0 V".</param>
/// <param name="RequiredPerMille">Share of the evaluated values that must be within: 950, 995 or 1000 ‰.</param>
/// <param name="Within">Unflagged values within the limit.</param>
/// <param name="Evaluated">Unflagged values.</param>
public sealed record CriterionResult(string Criterion, string Limit, int RequiredPerMille, int Within, int Evaluated)
{
    /// <summary>Share within, %; null without values.</summary>
    public decimal? SharePercent => Evaluated == 0 ? null : 100m * Within / Evaluated;

    /// <summary>Pass, fail or no data: within/evaluated ≥ required (exact, in integers).</summary>
    public WeekVerdict Verdict => Evaluated == 0 ? WeekVerdict.NoData
        : (long)Within * 1000 >= (long)Evaluated * RequiredPerMille ? WeekVerdict.Pass : WeekVerdict.Fail;

    /// <summary>"95 %", "99.5 %", "100 %".</summary>
    public string Required => (RequiredPerMille / 10m).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}

/// <summary>
/// The EN 50160:2010 evaluation of the analysis logger's 10-min values on the host, for the report (the meter keeps
/// its own per week, <see cref="WeekResult"/>). Flagged intervals are left out (IEC 61000-4-30 §4.7; EN 50160 treats
/// dips, swells and interruptions as voltage events, §4.3). Limits are the firmware's (<see cref="En50160Limits"/>):
/// supply voltage §4.2.2 (95 % within Un ± 10 %, all within Un + 10 % / − 15 %), frequency §4.2.1 (99.5 % within
/// ± 1 %, all within + 4 % / − 6 %; judged here on the 10-min means, the meter judges its 10-s values), THD ≤ 8 % and
/// each harmonic 2–25 within Table 1 (§4.2.5, 95 %), unbalance ≤ 2 % (§4.2.4, 95 %). A criterion whose channels are
/// not logged is left out.
/// </summary>
public static class En50160Check
{
    /// <summary>Nominal frequency of a synchronous connection, Hz (§4.2.1).</summary>
    public const decimal NominalFrequency = 50m;

    /// <summary>Every criterion the logged channels allow, in the order voltage, frequency, THD, harmonics, unbalance.</summary>
    public static IReadOnlyList<CriterionResult> Evaluate(AnalysisLog log, decimal nominalVolts)
    {
        if (nominalVolts <= 0) throw new ArgumentException($"nominal voltage {nominalVolts} V: must be positive");
        var rows = log.Unflagged.ToList();
        var results = new List<CriterionResult>();
        for (int p = 1; p <= 3; p++)
        {
            string code = AnalysisChannels.Voltage(p);
            if (!log.Has(code)) continue;
            var v = log.Values(code, rows);
            results.Add(Band($"voltage L{p} ±10 %", v, nominalVolts, En50160Limits.VoltageNarrowPerMille, En50160Limits.VoltageNarrowPerMille, "V", "0.0", En50160Limits.WeeklySharePerMille));
            results.Add(Band($"voltage L{p} +10/−15 %", v, nominalVolts, En50160Limits.VoltageWideBelowPerMille, En50160Limits.VoltageWideAbovePerMille, "V", "0.0", 1000));
        }
        if (log.Has(AnalysisChannels.Frequency))
        {
            var f = log.Values(AnalysisChannels.Frequency, rows);
            results.Add(Band("frequency ±1 %", f, NominalFrequency, En50160Limits.FrequencyNarrowPerMille, En50160Limits.FrequencyNarrowPerMille, "Hz", "0.00", En50160Limits.FrequencySharePerMille));
            results.Add(Band("frequency +4/−6 %", f, NominalFrequency, En50160Limits.FrequencyWideBelowPerMille, En50160Limits.FrequencyWideAbovePerMille, "Hz", "0.00", 1000));
        }
        for (int p = 1; p <= 3; p++)
            if (log.Has(AnalysisChannels.Thd(p)))
                results.Add(AtMost($"THD L{p}", log.Values(AnalysisChannels.Thd(p), rows), ThdLimitPercent, En50160Limits.WeeklySharePerMille));
        for (int p = 1; p <= 3; p++)
            if (Harmonics(log, rows, p) is CriterionResult h) results.Add(h);
        if (log.Has(AnalysisChannels.Unbalance))
            results.Add(AtMost("unbalance u2", log.Values(AnalysisChannels.Unbalance, rows), UnbalanceLimitPercent, En50160Limits.WeeklySharePerMille));
        return results;
    }

    /// <summary>THD limit (§4.2.5), %.</summary>
    public static decimal ThdLimitPercent => Hundredths(En50160Limits.ThdLimit);

    /// <summary>Unbalance limit (§4.2.4), %.</summary>
    public static decimal UnbalanceLimitPercent => Hundredths(En50160Limits.UnbalanceLimit);

    /// <summary>EN 50160 Table 1 limit of harmonic <paramref name="order"/> (2..25), % of the fundamental.</summary>
    public static decimal HarmonicLimit(int order) => Hundredths(En50160Limits.HarmonicLimit(order));

    /// <summary>
    /// Nearest-rank 95th percentile (the smallest value with at least 95 % of the values at or below it): a quantity meets
    /// a "95 % of the 10-min values ≤ limit" rule exactly when this is ≤ the limit. Null without values.
    /// </summary>
    public static decimal? Percentile95(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.OrderBy(x => x).ToArray();
        int rank = (int)Math.Ceiling(sorted.Length * 0.95m); // 1-based
        return sorted[rank - 1];
    }

    // Per phase: every logged order must have 95 % of its values within Table 1. The row shows the worst order: the
    // lowest share within, and among equal shares the highest 95th percentile against its limit (the least margin).
    private static CriterionResult? Harmonics(AnalysisLog log, List<ProfileRow> rows, int phase)
    {
        CriterionResult? worst = null;
        decimal worstRatio = 0;
        for (int n = AnalysisChannels.FirstHarmonic; n <= AnalysisChannels.LastHarmonic; n++)
        {
            string code = AnalysisChannels.Harmonic(phase, n);
            if (!log.Has(code)) continue;
            var values = log.Values(code, rows);
            var r = AtMost($"harmonics L{phase} (Table 1)", values, HarmonicLimit(n), En50160Limits.WeeklySharePerMille);
            r = r with { Limit = $"worst order {n}: " + r.Limit };
            decimal ratio = (Percentile95(values) ?? 0) / HarmonicLimit(n);
            long mine = (long)r.Within * (worst?.Evaluated ?? 0), theirs = (long)(worst?.Within ?? 0) * r.Evaluated;
            if (worst == null || mine < theirs || (mine == theirs && ratio > worstRatio))
            {
                worst = r;
                worstRatio = ratio;
            }
        }
        return worst;
    }

    private static CriterionResult Band(string name, decimal[] values, decimal nominal, int belowPerMille, int abovePerMille, string unit, string format, int required)
    {
        decimal low = nominal * (1000 - belowPerMille) / 1000, high = nominal * (1000 + abovePerMille) / 1000;
        int within = values.Count(x => x >= low && x <= high);
        string text = $"{low.ToString(format, CultureInfo.InvariantCulture)} … {high.ToString(format, CultureInfo.InvariantCulture)} {unit}";
        return new CriterionResult(name, text, required, within, values.Length);
    }

    private static CriterionResult AtMost(string name, decimal[] values, decimal limit, int required) =>
        new(name, $"≤ {limit.ToString("0.0#", CultureInfo.InvariantCulture)} %", required, values.Count(x => x <= limit), values.Length);

    private static decimal Hundredths(int value) => value / 100m;
}
