using System.Globalization;
using System.Text;
using Meter.Rig.Accuracy;

namespace Meter.Tool.Output;

/// <summary>The `accuracy` report's texts: the CSV and the cells of the printed table.</summary>
public static class AccuracyReport
{
    /// <summary>Header of <see cref="Csv"/>.</summary>
    public const string CsvHeader = "load,current,current_a,pf,direction,reference_wh,meter_pulses,time_s,error_percent,resolution_percent,limit_percent,pass";

    /// <summary>One line a point: what was set, the counts, the error, its resolution, the limit (empty: none) and pass/fail/n/a.</summary>
    public static string Csv(IEnumerable<AccuracyResult> results)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in results)
            sb.Append(string.Join(",", Output.Csv.Field(r.Point.Load), Output.Csv.Field(r.Point.CurrentLabel), N(r.Point.Amps),
                PowerFactors.Label(r.Point.PowerFactor), Direction(r.Point), N(Math.Round(r.Rig.ReferenceWh, 6)),
                N(r.Rig.MeterPulses), N(r.Rig.Milliseconds / 1000m), Error(r), N(Math.Round(r.ResolutionPercent, 4)),
                r.LimitPercent is decimal l ? N(l) : "", Verdict(r))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Error in percent, 3 decimals.</summary>
    public static string Error(AccuracyResult r) => Math.Round(r.ErrorPercent, 3).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>"pass", "FAIL" or "n/a" (no limit for the point).</summary>
    public static string Verdict(AccuracyResult r) => r.Passed switch { true => "pass", false => "FAIL", null => "n/a" };

    /// <summary>"import" or "export".</summary>
    public static string Direction(TestPoint p) => p.Direction == EnergyDirection.Import ? "import" : "export";

    /// <summary>Invariant number text without trailing zeros (1.0 → "1").</summary>
    public static string N(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    private static string N(long d) => d.ToString(CultureInfo.InvariantCulture);
}
