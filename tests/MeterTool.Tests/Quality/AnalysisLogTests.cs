using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;

namespace MeterTool.Tests.Quality;

/// <summary>The P.02 answer (the contract's P.01 format) and the weekly result objects, parsed.</summary>
public class AnalysisLogTests
{
    // Two intervals, then a flagged one (new header: the status differs), then a gap of 10 min (new header).
    private const string Answer =
        "P.02(02612061210)(00)(10)(3)(32.7.0)(V)(14.7.0)(Hz)(12.7.128)(%)\r\n(230.1)(50.01)(0.52)\r\n(229.8)(49.98)(0.61)\r\n"
        + "P.02(02612061230)(80)(10)(3)(32.7.0)(V)(14.7.0)(Hz)(12.7.128)(%)\r\n(180.4)(50.00)(1.20)\r\n"
        + "P.02(02612061250)(08)(10)(3)(32.7.0)(V)(14.7.0)(Hz)(12.7.128)(%)\r\n(231.0)(50.02)(0.40)\r\n";

    [Fact]
    public void Parses_intervals_flags_and_channel_values()
    {
        var log = AnalysisLog.Parse(DataBlockParser.Parse(Answer));
        Assert.Equal(["2026-12-06 12:10", "2026-12-06 12:20", "2026-12-06 12:30", "2026-12-06 12:50"],
            log.Intervals.Select(r => r.End.ToString("yyyy-MM-dd HH:mm")));
        Assert.Equal([false, false, true, false], log.Intervals.Select(AnalysisLog.IsFlagged));
        Assert.Equal([230.1m, 229.8m, 231.0m], log.Values("32.7.0", log.Unflagged));
        Assert.Equal([0.52m, 0.61m, 1.20m, 0.40m], log.Values("12.7.128", log.Intervals));
        Assert.Equal("Hz", log.UnitOf("14.7.0"));
        Assert.True(log.Has("14.7.0"));
        Assert.False(log.Has("32.7.124"));
        Assert.Throws<ArgumentException>(() => log.Values("32.7.124", log.Intervals));
    }

    [Theory]
    [InlineData("P.01(02612061210)(00)(10)(1)(32.7.0)(V)\r\n(230.1)\r\n", "expected P.02 headers")]
    [InlineData("P.02(02612061215)(00)(15)(1)(32.7.0)(V)\r\n(230.1)\r\n", "a period of 15 min")]
    [InlineData("P.02(02612061210)(0G)(10)(1)(32.7.0)(V)\r\n(230.1)\r\n", "status \"0G\"")]
    [InlineData("P.02(02612061210)(00)(10)(2)(32.7.0)(V)(32.7.0)(V)\r\n(230.1)(230.2)\r\n", "32.7.0 appears twice")]
    [InlineData("P.02(02612061210)(00)(10)(1)(32.7.0)(V)\r\n(230.1)(1.0)\r\n", "has 2 values")]
    public void Malformed_answers_are_named(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => AnalysisLog.Parse(DataBlockParser.Parse(text)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Empty_range_answer_has_no_intervals()
    {
        var log = AnalysisLog.Parse(DataBlockParser.Parse("P.02(07001010000)(00)(10)(1)(32.7.0)(V)\r\n"));
        Assert.Empty(log.Intervals);
    }

    [Theory]
    [InlineData("0155", WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Pass, true)]
    [InlineData("0115", WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.NoData, WeekVerdict.Pass, true)]
    [InlineData("0296", WeekVerdict.Fail, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Fail, WeekVerdict.Fail, false)]
    [InlineData("0054", WeekVerdict.NoData, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.Pass, WeekVerdict.NoData, false)]
    public void Week_result_unpacks_two_bits_a_criterion(string hex, WeekVerdict voltage, WeekVerdict frequency, WeekVerdict thd, WeekVerdict harmonics, WeekVerdict unbalance, bool passes)
    {
        var week = WeekResult.Parse(hex)!;
        Assert.Equal(new WeekResult(voltage, frequency, thd, harmonics, unbalance), week);
        Assert.Equal(passes, week.Passes);
    }

    [Fact]
    public void Week_result_empty_is_none_and_bad_values_are_named()
    {
        Assert.Null(WeekResult.Parse(""));
        Assert.Contains("is not a hex value", Assert.Throws<FormatException>(() => WeekResult.Parse("XYZ")).Message);
        Assert.Contains("is not a hex value", Assert.Throws<FormatException>(() => WeekResult.Parse("0555")).Message);
        Assert.Contains("THD verdict is 3", Assert.Throws<FormatException>(() => WeekResult.Parse("0035")).Message);
    }
}
