namespace Meter.Rig.Accuracy;

/// <summary>Runs test points on a rig: set the point, count N LED pulses against the reference, compare with the class limit.</summary>
public sealed class AccuracyRun(IReferenceRig rig, MeterRating rating, AccuracyClass cls, int pulses)
{
    /// <summary>Measures one point.</summary>
    public AccuracyResult Measure(TestPoint point)
    {
        point.Apply(rig, rating);
        var result = rig.RunPulses(pulses);
        return new AccuracyResult(point, result, ErrorMeasurement.ErrorPercent(result, rating.ImpulsesPerKilowattHour),
            ErrorMeasurement.ResolutionPercent(pulses), ClassLimits.LimitPercent(cls, rating, point));
    }

    /// <summary>Measures every point in order; <paramref name="progress"/> sees each result as it comes.</summary>
    public IReadOnlyList<AccuracyResult> MeasureAll(IEnumerable<TestPoint> points, Action<AccuracyResult>? progress = null)
    {
        var results = new List<AccuracyResult>();
        foreach (var point in points)
        {
            var r = Measure(point);
            progress?.Invoke(r);
            results.Add(r);
        }
        return results;
    }
}
