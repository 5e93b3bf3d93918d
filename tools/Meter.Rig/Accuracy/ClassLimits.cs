namespace Meter.Rig.Accuracy;

/// <summary>
/// Percentage error limits of a test point, from the standards' tables (figures checked against public
/// reproductions of the tables; see each method). A point the table does not cover has no limit (null).
/// </summary>
public static class ClassLimits
{
    /// <summary>The limit in ± percent of <paramref name="point"/> for <paramref name="cls"/>, or null when no checked table covers it.</summary>
    public static decimal? LimitPercent(AccuracyClass cls, MeterRating rating, TestPoint point) =>
        cls == AccuracyClass.One ? ClassOne(rating, point) : ClassB(rating, point);

    /// <summary>
    /// Class 1, IEC 62053-21:2003 §8.1. Balanced loads (and single-phase meters), Table 6: direct connected
    /// 0.05 Ib ≤ I &lt; 0.1 Ib PF 1 ±1.5; 0.1 Ib ≤ I ≤ Imax PF 1 ±1.0; 0.1 Ib ≤ I &lt; 0.2 Ib PF 0.5i/0.8c ±1.5;
    /// 0.2 Ib ≤ I ≤ Imax PF 0.5i/0.8c ±1.0; transformer operated the same at 0.02/0.05/0.1 In. A polyphase meter
    /// with one phase loaded, Table 7: 0.1 Ib (0.05 In) ≤ I ≤ Imax PF 1 ±2.0; 0.2 Ib (0.1 In) ≤ I ≤ Imax PF 0.5i ±2.0
    /// (no 0.8c row).
    /// </summary>
    private static decimal? ClassOne(MeterRating r, TestPoint p)
    {
        decimal x = p.Amps / r.BasicAmps; // I as a fraction of Ib (In)
        decimal low = r.TransformerOperated ? 0.02m : 0.05m, mid = r.TransformerOperated ? 0.05m : 0.1m, high = r.TransformerOperated ? 0.1m : 0.2m;
        if (p.Amps > r.MaximumAmps) return null;
        bool singlePhaseLoad = p.Phase != null && r.Phases > 1;
        if (singlePhaseLoad)
        {
            if (p.PowerFactor == LoadPowerFactor.Unity) return x >= mid ? 2.0m : null;
            if (p.PowerFactor == LoadPowerFactor.HalfInductive) return x >= high ? 2.0m : null;
            return null;
        }
        if (p.PowerFactor == LoadPowerFactor.Unity) return x >= mid ? 1.0m : x >= low ? 1.5m : null;
        return x >= high ? 1.0m : x >= mid ? 1.5m : null;
    }

    /// <summary>
    /// Class B, the MID's maximum permissible errors (Directive 2014/32/EU Annex V (MI-003) Table 2, +5 … +30 °C):
    /// single-phase meters and polyphase meters with balanced loads ±2.0 % from Imin to Imax over the power-factor
    /// range 0.5 inductive … 0.8 capacitive (§2). EN 50470-3 Table 6 (limits at reference conditions) could not be
    /// checked, and neither could the MID's row for a polyphase meter with a single-phase load: such points get no limit.
    /// </summary>
    private static decimal? ClassB(MeterRating r, TestPoint p)
    {
        if (p.Amps < r.MinimumAmps || p.Amps > r.MaximumAmps) return null;
        if (p.Phase != null && r.Phases > 1) return null;
        return 2.0m;
    }
}
