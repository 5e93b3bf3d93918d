using Meter.Clock;
using Meter.Hal.Simulation.Storage;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// R1 "P.02(from;to)" (issue 20, the analysis logger's optical readout) on hand-worked examples: the exact header and
/// value lines, headers on a status change and a gap, the range, negative values, the BCC worked out by hand.
/// </summary>
public class AnalysisRequestTests
{
    private const string Channels = "(10)(8)(32.7.0)(V)(52.7.0)(V)(72.7.0)(V)(14.7.0)(Hz)(32.7.124)(%)(52.7.124)(%)(72.7.124)(%)(12.7.128)(%)\r\n";

    private static SerialMeterRig QualityMeter()
    {
        var rig = new SerialMeterRig(configure: s => s.QualityMeasurement = true);
        AnalysisLog log = rig.Meter.Storage.Analysis!;
        // 2025-01-20, UTC; the meter's local time is CET (UTC + 1, winter): 01:10, 01:20, 01:30, 01:50.
        log.Append(new DateTime(2025, 1, 20, 0, 10, 0), new long[] { 2300, 2291, 2315, 4998, 362, 0, 15, 222 }, IntervalStatus.PowerFailure | IntervalStatus.Incomplete);
        log.Append(new DateTime(2025, 1, 20, 0, 20, 0), new long[] { 2301, 2290, 2310, 5001, 360, 5, 15, 220 }, 0);
        log.Append(new DateTime(2025, 1, 20, 0, 30, 0), new long[] { 2299, 2290, 2310, 5000, 360, 5, 15, 220 }, 0);
        log.Append(new DateTime(2025, 1, 20, 0, 50, 0), new long[] { 1995, 2290, 2310, 5000, 361, 0, 7, 5 }, AnalysisLog.Flagged);
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        return rig;
    }

    [Fact]
    public void The_whole_log_answers_with_a_header_at_each_status_change_and_gap()
    {
        var rig = QualityMeter();
        string answer = rig.Command("R1\u0002P.02(;)\u0003");
        string expected =
            "P.02(02501200110)(05)" + Channels +
            "(230.0)(229.1)(231.5)(49.98)(3.62)(0.00)(0.15)(2.22)\r\n" +
            "P.02(02501200120)(00)" + Channels +
            "(230.1)(229.0)(231.0)(50.01)(3.60)(0.05)(0.15)(2.20)\r\n" +
            "(229.9)(229.0)(231.0)(50.00)(3.60)(0.05)(0.15)(2.20)\r\n" +
            "P.02(02501200150)(80)" + Channels +
            "(199.5)(229.0)(231.0)(50.00)(3.61)(0.00)(0.07)(0.05)\r\n";
        Assert.Equal("\u0002" + expected + "\u0003\u001f", answer); // BCC 1F worked out by hand (XOR after STX through ETX)
        Assert.Equal(expected, RangeRequestRig.DataBlock(answer));
    }

    [Fact]
    public void A_range_in_local_time_selects_the_intervals_ending_in_it()
    {
        var rig = QualityMeter();
        string answer = rig.Command("R1\u0002P.02(2501200120;2501200130)\u0003");
        Assert.Equal("\u0002P.02(02501200120)(00)" + Channels +
            "(230.1)(229.0)(231.0)(50.01)(3.60)(0.05)(0.15)(2.20)\r\n" +
            "(229.9)(229.0)(231.0)(50.00)(3.60)(0.05)(0.15)(2.20)\r\n\u0003\u0019", answer);
    }

    [Fact]
    public void Negative_values_and_a_channel_without_unit_keep_their_decimals()
    {
        var log = new AnalysisLog(new RamNvMemory(8 * 1024), 0, 8 * 1024, 1024, 2, 1);
        log.Append(new DateTime(2025, 1, 20, 0, 10, 0), new long[] { -951, 5 }, 0);
        var request = new AnalysisRequest(log, new[] { new ObisCode(13, 7, 0), new ObisCode(2, 7, 0) }, new LocalTimeRule(1, SummerTimeTable.Eu));
        var link = new MemorySerialLink();
        var answer = new RangeAnswer(link);
        answer.Begin();
        request.Answer(long.MinValue, long.MaxValue, answer);
        answer.End();
        Assert.Equal("\u0002P.02(02501200110)(00)(10)(2)(13.7.0)()(2.7.0)(kW)\r\n(-0.951)(0.005)\r\n\u0003\u0051",
            System.Text.Encoding.ASCII.GetString(link.TakeSent()));
        Assert.Equal(2, request.Number);
    }

    [Fact]
    public void A_meter_without_quality_measurement_has_no_analysis_log_to_answer()
    {
        var rig = new SerialMeterRig();
        Assert.Null(rig.Meter.Storage.Analysis);
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        Assert.DoesNotContain("P.02(", rig.Command("R1\u0002P.02(;)\u0003"));
    }
}
