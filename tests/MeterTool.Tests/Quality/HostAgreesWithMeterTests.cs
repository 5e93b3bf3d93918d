using Meter.Metrology.Quality;
using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;
using MeterTool.Tests.Support;

namespace MeterTool.Tests.Quality;

/// <summary>
/// The host's evaluation against the meter's own (firmware/Meter.Metrology En50160WeeklyEvaluation) on the same week:
/// the synthetic week's values are fed to the firmware evaluator as its 10-min records, and each criterion's verdict
/// must agree. Frequency: the meter counts 10-s values; here each record carries one "10-s value" judged from the
/// 10-min mean, as the host judges it.
/// </summary>
public class HostAgreesWithMeterTests
{
    private const int Row = HarmonicSpectrum.LastOrder + 1;

    [Theory]
    [InlineData(null, 0.0)]            // the synthetic week: L1 above 253 V on Saturday → voltage fails
    [InlineData("72.7.124", 3.0)]      // THD L3 + 3 %: its evening peaks pass 8 % → THD fails too
    [InlineData("32.7.5", 2.5)]        // harmonic 5 of L1 + 2.5 %: above 6 % in the evenings
    [InlineData("12.7.128", 1.0)]      // u2 + 1 %: above 2 % in more than 5 % of the intervals
    [InlineData("14.7.0", -0.52)]      // frequency 0.52 Hz low: out of ± 1 %
    public void Verdicts_agree_with_the_firmware_evaluation(string? code, double offset)
    {
        decimal Value(int i, string c) => SyntheticWeek.Value(i, c) + (c == code ? (decimal)offset : 0m);
        string text = SyntheticWeek.Channels().Build(SyntheticWeek.FirstEnd, SyntheticWeek.Intervals, SyntheticWeek.Status, Value);
        var log = AnalysisLog.Parse(DataBlockParser.Parse(text));
        var host = En50160Check.Evaluate(log, 230m);

        long firstEnd = new DateTimeOffset(SyntheticWeek.FirstEnd, TimeSpan.Zero).ToUnixTimeSeconds();
        var meter = new En50160WeeklyEvaluation(230_000);
        meter.Start(En50160WeeklyEvaluation.WeekStartOf(firstEnd));
        foreach (var row in log.Intervals)
            meter.Add(Record(log, row, new DateTimeOffset(row.End, TimeSpan.Zero).ToUnixTimeSeconds()));

        Assert.Equal((WeekVerdict)meter.VoltageVerdict(), Combined(host, "voltage"));
        Assert.Equal((WeekVerdict)meter.FrequencyVerdict(), Combined(host, "frequency"));
        Assert.Equal((WeekVerdict)meter.ThdVerdict(), Combined(host, "THD"));
        Assert.Equal((WeekVerdict)meter.HarmonicsVerdict(), Combined(host, "harmonics"));
        Assert.Equal((WeekVerdict)meter.UnbalanceVerdict(), Combined(host, "unbalance"));
        if (code == null) Assert.Equal(WeekVerdict.Fail, Combined(host, "voltage"));
        else Assert.Equal(WeekVerdict.Fail, Combined(host, code switch { "72.7.124" => "THD", "32.7.5" => "harmonics", "12.7.128" => "unbalance", _ => "frequency" }));
    }

    // A criterion over its rows as the meter reports it: fail if one fails, else pass if one passes.
    private static WeekVerdict Combined(IReadOnlyList<CriterionResult> results, string prefix)
    {
        var rows = results.Where(r => r.Criterion.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return rows.Any(r => r.Verdict == WeekVerdict.Fail) ? WeekVerdict.Fail
            : rows.Any(r => r.Verdict == WeekVerdict.Pass) ? WeekVerdict.Pass : WeekVerdict.NoData;
    }

    // The meter's record of one interval, in its units: mV, hundredths of a percent.
    private static TenMinuteRecord Record(AnalysisLog log, Meter.Tool.Profile.ProfileRow row, long end)
    {
        decimal V(string c) => log.Values(c, [row])[0];
        var r = new TenMinuteRecord { IntervalEnd = end, Flagged = AnalysisLog.IsFlagged(row), Samples = 600 };
        for (int p = 0; p < 3; p++)
        {
            r.VoltageMillivolts[p] = (long)(V(AnalysisChannels.Voltage(p + 1)) * 1000);
            r.Thd[p] = (int)(V(AnalysisChannels.Thd(p + 1)) * 100);
            r.HarmonicsValid[p] = true;
            for (int n = HarmonicSpectrum.FirstOrder; n <= HarmonicSpectrum.LastOrder; n++)
                if (log.Has(AnalysisChannels.Harmonic(p + 1, n))) r.HarmonicRatio[p * Row + n] = (int)(V(AnalysisChannels.Harmonic(p + 1, n)) * 100);
        }
        r.Unbalance = (int)(V(AnalysisChannels.Unbalance) * 100);
        r.UnbalanceValid = true;
        decimal f = V(AnalysisChannels.Frequency);
        r.FrequencyValues = 1;
        r.FrequencyWithinNarrow = f >= 49.5m && f <= 50.5m ? 1 : 0;
        r.FrequencyWithinWide = f >= 47m && f <= 52m ? 1 : 0;
        return r;
    }
}
