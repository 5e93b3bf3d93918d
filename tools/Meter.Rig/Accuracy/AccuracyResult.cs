namespace Meter.Rig.Accuracy;

/// <summary>One measured test point: the rig's counts, the error, the class limit (null: no table covers the point) and the verdict.</summary>
public sealed record AccuracyResult(TestPoint Point, RigResult Rig, decimal ErrorPercent, decimal ResolutionPercent, decimal? LimitPercent)
{
    /// <summary>Inside the limit (a point without a limit neither passes nor fails).</summary>
    public bool? Passed => LimitPercent is decimal limit ? Math.Abs(ErrorPercent) <= limit : null;
}
