using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

/// <summary>
/// Weeks of 1008 10-min values (7 × 144). A clean value: 230 V on each phase, THD 3 %, 5th harmonic 2 %,
/// unbalance 0.5 %, 60 10-s frequency values all at 50 Hz. Each test changes a few values and works out by hand
/// whether the share still holds.
/// </summary>
public class En50160WeeklyEvaluationTests
{
    private const int Week = 1008;
    // Monday 2024-12-02 00:00:00Z.
    private const long Monday = 1_733_097_600;

    private static En50160WeeklyEvaluation Evaluate(Action<int, TenMinuteRecord> change)
    {
        var evaluation = new En50160WeeklyEvaluation(230_000);
        evaluation.Start(Monday);
        var r = new TenMinuteRecord();
        for (int i = 0; i < Week; i++)
        {
            r.IntervalEnd = Monday + 600L * (i + 1);
            r.Flagged = false;
            for (int p = 0; p < 3; p++)
            {
                r.VoltageMillivolts[p] = 230_000;
                r.HarmonicsValid[p] = true;
                r.Thd[p] = 300;
                for (int h = 2; h <= 25; h++) r.HarmonicRatio[p * 26 + h] = h == 5 ? 200 : 0;
            }
            r.UnbalanceValid = true;
            r.Unbalance = 50;
            r.FrequencyValues = 60;
            r.FrequencyWithinNarrow = 60;
            r.FrequencyWithinWide = 60;
            change(i, r);
            evaluation.Add(r);
        }
        return evaluation;
    }

    [Fact]
    public void A_clean_week_passes_every_criterion()
    {
        var e = Evaluate((_, _) => { });
        Assert.Equal(Week, e.EvaluatedIntervals);
        Assert.Equal(En50160Verdict.Pass, e.VoltageVerdict());
        Assert.Equal(En50160Verdict.Pass, e.FrequencyVerdict());
        Assert.Equal(En50160Verdict.Pass, e.ThdVerdict());
        Assert.Equal(En50160Verdict.Pass, e.HarmonicsVerdict());
        Assert.Equal(En50160Verdict.Pass, e.UnbalanceVerdict());
        Assert.True(e.Passes());
    }

    [Theory]
    // 50 of 1008 at 200 V (−13 %: outside ± 10 %, inside − 15 %): 958/1008 = 95.04 % ≥ 95 %: pass.
    [InlineData(50, 200_000, true)]
    // 51: 957/1008 = 94.94 %: fail.
    [InlineData(51, 200_000, false)]
    // One value at 195 V (−15.2 %): below − 15 %, and all values must lie within + 10 % / − 15 %: fail.
    [InlineData(1, 195_000, false)]
    // One at 195.5 V = exactly − 15 %: inside.
    [InlineData(1, 195_500, true)]
    // One at 253.001 V (+ 10.0004 %): above + 10 %: fail.
    [InlineData(1, 253_001, false)]
    public void Supply_voltage_95_percent_within_10_and_all_within_plus_10_minus_15(int count, long millivolts, bool passes)
    {
        var e = Evaluate((i, r) => { if (i < count) r.VoltageMillivolts[2] = millivolts; });
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.VoltageVerdict());
        Assert.Equal(passes, e.Passes());
    }

    [Theory]
    // 1008 × 60 = 60,480 10-s values; 99.5 % of them = 60,177.6, so at most 302 may lie outside ± 1 %.
    [InlineData(302, 0, true)]
    [InlineData(303, 0, false)]
    // One value outside + 4 % / − 6 %: fail.
    [InlineData(0, 1, false)]
    public void Frequency_99_5_percent_within_1_and_all_within_plus_4_minus_6(int outsideNarrow, int outsideWide, bool passes)
    {
        // Spread the narrow misses over the first intervals, 60 at most each.
        var e = Evaluate((i, r) =>
        {
            int missing = Math.Clamp(outsideNarrow - 60 * i, 0, 60);
            r.FrequencyWithinNarrow = 60 - missing;
            if (i == 500) r.FrequencyWithinWide = 60 - outsideWide;
        });
        Assert.Equal(60_480, e.FrequencyValues);
        Assert.Equal(60_480 - outsideNarrow, e.FrequencyWithinNarrow);
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.FrequencyVerdict());
        Assert.Equal(passes, e.Passes());
    }

    [Theory]
    // THD 8.01 % in 50 intervals (958/1008 = 95.04 % within): pass; 51: fail. THD exactly 8 % counts as within.
    [InlineData(50, 801, true)]
    [InlineData(51, 801, false)]
    [InlineData(1008, 800, true)]
    public void Thd_at_most_8_percent_for_95_percent(int count, int thd, bool passes)
    {
        var e = Evaluate((i, r) => { if (i < count) r.Thd[0] = thd; });
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.ThdVerdict());
        Assert.Equal(passes, e.Passes());
    }

    [Theory]
    // Table 1: 5th 6 %, 2nd 2 %, 15th 0.5 %, 25th 1.5 %. 51 of 1008 just above the limit: fail; 50: pass.
    [InlineData(5, 601, 51, false)]
    [InlineData(5, 601, 50, true)]
    [InlineData(2, 201, 51, false)]
    [InlineData(15, 51, 51, false)]
    [InlineData(25, 151, 51, false)]
    [InlineData(25, 150, 1008, true)]
    public void Each_harmonic_within_its_table_1_limit_for_95_percent(int order, int ratio, int count, bool passes)
    {
        var e = Evaluate((i, r) => { if (i < count) r.HarmonicRatio[1 * 26 + order] = ratio; });
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.HarmonicVerdict(order));
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.HarmonicsVerdict());
        Assert.Equal(En50160Verdict.Pass, e.ThdVerdict()); // the THD stays at 3 %: only the harmonic fails
        Assert.Equal(passes, e.Passes());
    }

    [Theory]
    // Unbalance 2.01 % in 50 intervals: pass; 51: fail; exactly 2 %: within.
    [InlineData(50, 201, true)]
    [InlineData(51, 201, false)]
    [InlineData(1008, 200, true)]
    public void Unbalance_at_most_2_percent_for_95_percent(int count, int unbalance, bool passes)
    {
        var e = Evaluate((i, r) => { if (i < count) r.Unbalance = unbalance; });
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.UnbalanceVerdict());
        Assert.Equal(passes, e.Passes());
    }

    [Theory]
    // The last 108 intervals are flagged (150 V, unbalance 9 %, frequency outside + 4 % / − 6 %) and left out:
    // 900 evaluated. 45 at 200 V: 855/900 = 95.0 %: pass; 46: 854/900 = 94.89 %: fail (had the flagged ones
    // been counted, 46 would have been 962/1008 = 95.4 %, a pass).
    [InlineData(45, true)]
    [InlineData(46, false)]
    public void Flagged_intervals_are_left_out_of_every_count(int low, bool passes)
    {
        var e = Evaluate((i, r) =>
        {
            if (i >= 900) { r.Flagged = true; r.VoltageMillivolts[0] = 150_000; r.Unbalance = 900; r.FrequencyWithinWide = 0; }
            else if (i < low) r.VoltageMillivolts[0] = 200_000;
        });
        Assert.Equal(Week, e.Intervals);
        Assert.Equal(108, e.FlaggedIntervals);
        Assert.Equal(900, e.EvaluatedIntervals);
        Assert.Equal(En50160Verdict.Pass, e.UnbalanceVerdict());
        Assert.Equal(En50160Verdict.Pass, e.FrequencyVerdict());
        Assert.Equal(900 * 60, e.FrequencyValues);
        Assert.Equal(passes ? En50160Verdict.Pass : En50160Verdict.Fail, e.VoltageVerdict());
    }

    [Fact]
    public void A_single_phase_meter_without_unbalance_or_harmonics_is_judged_on_what_it_has()
    {
        var e = Evaluate((_, r) => { r.UnbalanceValid = false; for (int p = 0; p < 3; p++) r.HarmonicsValid[p] = false; });
        Assert.Equal(En50160Verdict.NoData, e.UnbalanceVerdict());
        Assert.Equal(En50160Verdict.NoData, e.ThdVerdict());
        Assert.Equal(En50160Verdict.NoData, e.HarmonicsVerdict());
        Assert.True(e.Passes());
        var empty = new En50160WeeklyEvaluation(230_000);
        empty.Start(Monday);
        Assert.Equal(En50160Verdict.NoData, empty.VoltageVerdict());
        Assert.False(empty.Passes());
    }

    [Fact]
    public void A_value_outside_the_week_is_refused_and_weeks_start_on_monday_utc()
    {
        var e = new En50160WeeklyEvaluation(230_000);
        e.Start(Monday);
        var r = new TenMinuteRecord { IntervalEnd = Monday }; // the interval before the week
        Assert.Throws<ArgumentException>(() => e.Add(r));
        r.IntervalEnd = Monday + En50160WeeklyEvaluation.WeekSeconds + 600;
        Assert.Throws<ArgumentException>(() => e.Add(r));
        Assert.Throws<ArgumentOutOfRangeException>(() => new En50160WeeklyEvaluation(0));
        // 2024-12-05T12:34:56Z (a Thursday) → Monday 2024-12-02T00:00Z; the Monday itself maps to itself.
        Assert.Equal(Monday, En50160WeeklyEvaluation.WeekStartOf(1_733_402_096));
        Assert.Equal(Monday, En50160WeeklyEvaluation.WeekStartOf(Monday));
        Assert.Equal(Monday - En50160WeeklyEvaluation.WeekSeconds, En50160WeeklyEvaluation.WeekStartOf(Monday - 1));
    }
}
