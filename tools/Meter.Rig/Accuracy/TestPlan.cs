using System.Globalization;

namespace Meter.Rig.Accuracy;

/// <summary>
/// The test points of a type test's accuracy run for a class and a rating: balanced (all phases) at each current
/// and power factor, import and export, then each phase alone (polyphase meters) at the currents its table covers.
/// </summary>
public static class TestPlan
{
    /// <summary>The points, in the order a bench runs them (rising current within each power factor).</summary>
    public static IReadOnlyList<TestPoint> For(AccuracyClass cls, MeterRating r)
    {
        var points = new List<TestPoint>();
        var balanced = cls == AccuracyClass.One ? ClassOneCurrents(r) : ClassBCurrents(r);
        foreach (EnergyDirection direction in new[] { EnergyDirection.Import, EnergyDirection.Export })
            foreach (LoadPowerFactor pf in Enum.GetValues<LoadPowerFactor>())
                foreach (var (label, amps) in balanced)
                {
                    var point = new TestPoint(label, amps, pf, direction, null);
                    // A current the table starts above at this PF (class 1: 0.05 Ib at PF 1 only) is left out.
                    if (cls == AccuracyClass.B || ClassLimits.LimitPercent(cls, r, point) != null) points.Add(point);
                }
        if (r.Phases > 1)
        {
            var single = new[] { Fraction(r, 0.2m), (r.TransformerOperated ? "In" : "Ib", r.BasicAmps), ("Imax", r.MaximumAmps) };
            for (int phase = 1; phase <= r.Phases; phase++)
                foreach (LoadPowerFactor pf in new[] { LoadPowerFactor.Unity, LoadPowerFactor.HalfInductive })
                    foreach (var (label, amps) in single)
                        points.Add(new TestPoint(label, amps, pf, EnergyDirection.Import, phase));
        }
        return points;
    }

    // IEC 62053-21 Table 6: 0.05, 0.1, 0.2 Ib (0.02, 0.05, 0.1 In), Ib, Imax.
    private static (string, decimal)[] ClassOneCurrents(MeterRating r) => r.TransformerOperated
        ? [Fraction(r, 0.02m), Fraction(r, 0.05m), Fraction(r, 0.1m), ("In", r.BasicAmps), ("Imax", r.MaximumAmps)]
        : [Fraction(r, 0.05m), Fraction(r, 0.1m), Fraction(r, 0.2m), ("Ib", r.BasicAmps), ("Imax", r.MaximumAmps)];

    // MID / EN 50470-3: Imin, Itr, Iref, Imax.
    private static (string, decimal)[] ClassBCurrents(MeterRating r) =>
        [("Imin", r.MinimumAmps), ("Itr", r.TransitionAmps), ("Iref", r.BasicAmps), ("Imax", r.MaximumAmps)];

    private static (string, decimal) Fraction(MeterRating r, decimal f) =>
        (f.ToString("0.##", CultureInfo.InvariantCulture) + (r.TransformerOperated ? " In" : " Ib"), f * r.BasicAmps);
}
