using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;
using MeterTool.Tests.Support;

namespace MeterTool.Tests.Quality;

/// <summary>
/// The host's EN 50160 evaluation on hand-worked weeks of 1008 10-min values (7 × 144). The shares are worked out
/// here: 95 % of 1008 is 957.6, so 958 values within (50 out) pass and 957 (51 out) fail; 99.5 % is 1002.96, so 5
/// frequency values out pass and 6 fail; "all" means 0 out. Flagged intervals (status 80) are not counted.
/// </summary>
public class En50160CheckTests
{
    private const int Week = 1008;
    private static readonly DateTime Monday = new(2026, 11, 30, 0, 10, 0);

    // A clean week: 230 V, 50 Hz, THD 3 %, u2 0.5 %, harmonic 5 at 2 % and harmonic 2 at 0.3 % on L1.
    private static decimal Clean(string code) => code switch
    {
        "32.7.0" or "52.7.0" or "72.7.0" => 230.0m,
        "14.7.0" => 50.00m,
        "32.7.124" or "52.7.124" or "72.7.124" => 3.00m,
        "12.7.128" => 0.50m,
        "32.7.5" => 2.00m,
        "32.7.2" => 0.30m,
        _ => throw new ArgumentException(code),
    };

    private static AnalysisAnswer Channels() => AnalysisAnswer.Default().Channel("32.7.2", "%", 2).Channel("32.7.5", "%", 2);

    // The week with the first `outCount` intervals of `code` set to `bad`; the first `flagged` intervals flagged.
    private static IReadOnlyList<CriterionResult> Evaluate(string? code = null, decimal bad = 0, int outCount = 0, int flagged = 0)
    {
        string text = Channels().Build(Monday, Week, i => i < flagged ? 0x80 : 0,
            (i, c) => i < flagged && IsVoltage(c) ? 150.0m : c == code && i >= flagged && i < flagged + outCount ? bad : Clean(c));
        return En50160Check.Evaluate(AnalysisLog.Parse(DataBlockParser.Parse(text)), 230m);
    }

    private static bool IsVoltage(string code) => code is "32.7.0" or "52.7.0" or "72.7.0";

    // "voltage L1 ±10 %" → "voltage L1": the narrow and wide rows of one quantity move together.
    private static string Quantity(string criterion) => criterion.Split([" ±", " +"], StringSplitOptions.None)[0];

    private static CriterionResult Row(IReadOnlyList<CriterionResult> results, string name) => results.Single(r => r.Criterion == name);

    [Fact]
    public void Clean_week_passes_every_criterion_with_all_values_within()
    {
        var results = Evaluate();
        Assert.Equal(["voltage L1 ±10 %", "voltage L1 +10/−15 %", "voltage L2 ±10 %", "voltage L2 +10/−15 %", "voltage L3 ±10 %", "voltage L3 +10/−15 %",
            "frequency ±1 %", "frequency +4/−6 %", "THD L1", "THD L2", "THD L3", "harmonics L1 (Table 1)", "unbalance u2"], results.Select(r => r.Criterion));
        Assert.All(results, r => Assert.Equal((WeekVerdict.Pass, Week, Week), (r.Verdict, r.Within, r.Evaluated)));
        Assert.Equal("207.0 … 253.0 V", Row(results, "voltage L1 ±10 %").Limit);
        Assert.Equal("195.5 … 253.0 V", Row(results, "voltage L1 +10/−15 %").Limit);
        Assert.Equal("49.50 … 50.50 Hz", Row(results, "frequency ±1 %").Limit);
        Assert.Equal("47.00 … 52.00 Hz", Row(results, "frequency +4/−6 %").Limit);
        Assert.Equal("≤ 8.0 %", Row(results, "THD L1").Limit);
    }

    [Theory]
    // §4.2.2: 95 % within 207 … 253 V; 206.9 V is out of the narrow band but inside the wide one.
    [InlineData("52.7.0", "206.9", 50, "voltage L2 ±10 %", true)]
    [InlineData("52.7.0", "206.9", 51, "voltage L2 ±10 %", false)]
    [InlineData("72.7.0", "253.1", 51, "voltage L3 ±10 %", false)]
    // All within 195.5 … 253 V: one value out fails; the limits themselves are within.
    [InlineData("32.7.0", "195.4", 1, "voltage L1 +10/−15 %", false)]
    [InlineData("32.7.0", "195.5", 50, "voltage L1 +10/−15 %", true)]
    [InlineData("32.7.0", "253.1", 1, "voltage L1 +10/−15 %", false)]
    // §4.2.1: 99.5 % within 49.5 … 50.5 Hz, all within 47 … 52 Hz.
    [InlineData("14.7.0", "49.49", 5, "frequency ±1 %", true)]
    [InlineData("14.7.0", "50.51", 6, "frequency ±1 %", false)]
    [InlineData("14.7.0", "46.99", 1, "frequency +4/−6 %", false)]
    [InlineData("14.7.0", "52.00", 5, "frequency +4/−6 %", true)]
    // §4.2.5: THD ≤ 8 % for 95 %; 8.00 is within.
    [InlineData("52.7.124", "8.01", 50, "THD L2", true)]
    [InlineData("52.7.124", "8.01", 51, "THD L2", false)]
    [InlineData("52.7.124", "8.00", 1008, "THD L2", true)]
    // Table 1: harmonic 5 ≤ 6 %, harmonic 2 ≤ 2 %.
    [InlineData("32.7.5", "6.01", 51, "harmonics L1 (Table 1)", false)]
    [InlineData("32.7.5", "6.00", 1008, "harmonics L1 (Table 1)", true)]
    [InlineData("32.7.2", "2.01", 51, "harmonics L1 (Table 1)", false)]
    [InlineData("32.7.2", "2.01", 50, "harmonics L1 (Table 1)", true)]
    // §4.2.4: u2 ≤ 2 % for 95 %.
    [InlineData("12.7.128", "2.01", 50, "unbalance u2", true)]
    [InlineData("12.7.128", "2.01", 51, "unbalance u2", false)]
    public void One_criterion_passes_or_fails_on_its_hand_worked_share(string code, string bad, int outCount, string criterion, bool passes)
    {
        var results = Evaluate(code, decimal.Parse(bad, System.Globalization.CultureInfo.InvariantCulture), outCount);
        var row = Row(results, criterion);
        Assert.Equal(passes ? WeekVerdict.Pass : WeekVerdict.Fail, row.Verdict);
        Assert.Equal(Week, row.Evaluated);
        // Only that criterion moves: every other row still has all values within.
        Assert.All(results.Where(r => Quantity(r.Criterion) != Quantity(criterion)),
            r => Assert.Equal(Week, r.Within));
    }

    [Fact]
    public void Harmonics_row_names_the_worst_order()
    {
        var row = Row(Evaluate("32.7.2", 2.01m, 60), "harmonics L1 (Table 1)");
        Assert.Equal("worst order 2: ≤ 2.0 %", row.Limit);
        Assert.Equal(Week - 60, row.Within);
        // All within: the order with the least margin, harmonic 5 at 2 % of 6 % (harmonic 2 is at 0.3 % of 2 %).
        Assert.Equal("worst order 5: ≤ 6.0 %", Row(Evaluate(), "harmonics L1 (Table 1)").Limit);
    }

    [Fact]
    public void Flagged_intervals_are_left_out_of_every_share()
    {
        // 200 flagged intervals at 150 V (an interruption would be worse): not evaluated, the week still passes.
        var results = Evaluate(flagged: 200);
        Assert.All(results, r => Assert.Equal((WeekVerdict.Pass, Week - 200, Week - 200), (r.Verdict, r.Within, r.Evaluated)));
        // 41 of the 808 unflagged values out: 767/808 = 94.9 % < 95 % fails; the same 41 among 1008 would pass.
        Assert.Equal(WeekVerdict.Fail, Row(Evaluate("32.7.0", 200m, 41, flagged: 200), "voltage L1 ±10 %").Verdict);
        Assert.Equal(WeekVerdict.Pass, Row(Evaluate("32.7.0", 200m, 41), "voltage L1 ±10 %").Verdict);
    }

    [Fact]
    public void Only_flagged_intervals_give_no_data()
    {
        Assert.All(Evaluate(flagged: Week), r => Assert.Equal((WeekVerdict.NoData, 0), (r.Verdict, r.Evaluated)));
    }

    [Fact]
    public void Criteria_of_channels_not_logged_are_left_out()
    {
        string text = new AnalysisAnswer().Channel("32.7.0", "V", 1).Build(Monday, 3, _ => 0, (_, _) => 230m);
        var results = En50160Check.Evaluate(AnalysisLog.Parse(DataBlockParser.Parse(text)), 230m);
        Assert.Equal(["voltage L1 ±10 %", "voltage L1 +10/−15 %"], results.Select(r => r.Criterion));
    }

    [Fact]
    public void Nominal_voltage_moves_the_band()
    {
        string text = new AnalysisAnswer().Channel("32.7.0", "V", 1).Build(Monday, 1, _ => 0, (_, _) => 250.0m);
        var results = En50160Check.Evaluate(AnalysisLog.Parse(DataBlockParser.Parse(text)), 220m);
        Assert.Equal(("198.0 … 242.0 V", WeekVerdict.Fail), (results[0].Limit, results[0].Verdict));
        Assert.Throws<ArgumentException>(() => En50160Check.Evaluate(AnalysisLog.Parse(DataBlockParser.Parse(text)), 0m));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 3.0)]        // ceil(2.85) = 3rd
    [InlineData(new[] { 5.0 }, 5.0)]
    public void Percentile95_is_nearest_rank(double[] values, double expected)
    {
        Assert.Equal((decimal)expected, En50160Check.Percentile95(values.Select(v => (decimal)v).ToArray()));
    }

    [Fact]
    public void Percentile95_of_a_week_agrees_with_the_95_percent_rule()
    {
        // 50 of 1008 above the limit: rank ceil(957.6) = 958 is still a low value; 51 above: the 958th is a high one.
        decimal[] fifty = Enumerable.Repeat(1m, 958).Concat(Enumerable.Repeat(9m, 50)).ToArray();
        decimal[] fiftyOne = Enumerable.Repeat(1m, 957).Concat(Enumerable.Repeat(9m, 51)).ToArray();
        Assert.Equal(1m, En50160Check.Percentile95(fifty));
        Assert.Equal(9m, En50160Check.Percentile95(fiftyOne));
        Assert.Null(En50160Check.Percentile95([]));
    }
}
