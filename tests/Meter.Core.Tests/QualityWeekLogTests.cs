using Meter.Clock;
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology.Quality;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The weekly EN 50160 results in NV memory (issue 20: at least 52 weeks): stored when a week finishes, kept over a
/// restart and for 53 weeks, read back as P.03 and, after a restart, as 1-0:12.128.1.
/// </summary>
public class QualityWeekLogTests
{
    // Monday 2025-01-13T00:00:00Z.
    private const long Monday = 1_736_726_400;
    private const long Week = En50160WeeklyEvaluation.WeekSeconds;

    private static RamNvMemory Memory() => new(PeriodLogger.RegionSize(StorageLayout.QualityWeekDepth, StorageLayout.QualityWeekValueCount));

    private static PeriodLogger Logger(RamNvMemory memory)
    {
        var logger = new PeriodLogger(memory, 0, StorageLayout.QualityWeekDepth, StorageLayout.QualityWeekValueCount);
        logger.Recover();
        return logger;
    }

    // A week with one clean 10-min value at 230 V (60 frequency values, all within ± 1 %) and one flagged.
    private static En50160WeeklyEvaluation HandMadeWeek(long start)
    {
        var week = new En50160WeeklyEvaluation(230_000);
        week.Start(start);
        var clean = new TenMinuteRecord { IntervalEnd = start + 600, FrequencyValues = 60, FrequencyWithinNarrow = 60, FrequencyWithinWide = 60 };
        for (int p = 0; p < 3; p++) clean.VoltageMillivolts[p] = 230_000;
        week.Add(clean);
        var flagged = new TenMinuteRecord { IntervalEnd = start + 1200, Flagged = true, FrequencyValues = 60, FrequencyWithinNarrow = 0, FrequencyWithinWide = 60 };
        week.Add(flagged);
        return week;
    }

    [Fact]
    public void A_finished_week_is_stored_by_the_recorder_and_survives_a_restart()
    {
        using var host = MeterRig.Start();
        var memory = Memory();
        var recorder = new PowerQualityRecorder(host.Meter.VoltageQuality, Ade7880Scaling.Measurement, 460_000, 20_000, 230_000, 50_000)
        {
            WeekLog = new QualityWeekLog(Logger(memory)),
        };
        var m = new PhaseMeasurements();
        for (int p = 0; p < 3; p++) { m.VoltageRms[p] = 1_883_286; m.Period[p] = 5120; }
        for (long t = Monday + Week - 1800; t <= Monday + Week + 600; t += 60) recorder.Sample(t, m);

        var reopened = new QualityWeekLog(Logger(memory)); // a restart: a new logger on the same memory
        Assert.Equal(1, reopened.Count);
        var record = new PeriodRecord(StorageLayout.QualityWeekValueCount);
        Assert.True(reopened.TryRead(0, record));
        Assert.Equal(UnixTime.ToDateTime(Monday + Week), record.ClosedAt);
        Assert.Equal(Monday, record.Values[QualityWeekLog.WeekStart]);
        Assert.Equal(3, record.Values[QualityWeekLog.Intervals]); // ending 23:40, 23:50, 00:00
        Assert.Equal(PowerQualityObjects.Packed(recorder.PreviousWeek!), record.Values[QualityWeekLog.Result]);
        Assert.Equal(3, record.Values[QualityWeekLog.VoltageNarrow + 2]);
    }

    [Fact]
    public void Fifty_three_weeks_are_kept_and_the_oldest_go_first()
    {
        var memory = Memory();
        var log = new QualityWeekLog(Logger(memory));
        for (int w = 0; w < 60; w++) log.Store(HandMadeWeek(Monday + w * Week));
        var reopened = new QualityWeekLog(Logger(memory));
        Assert.Equal(53, reopened.Count);
        var record = new PeriodRecord(StorageLayout.QualityWeekValueCount);
        Assert.True(reopened.TryRead(52, record));
        Assert.Equal(Monday + 7 * Week, record.Values[QualityWeekLog.WeekStart]);
        Assert.True(reopened.TryRead(0, record));
        Assert.Equal(Monday + 59 * Week, record.Values[QualityWeekLog.WeekStart]);
    }

    [Fact]
    public void P03_answers_the_stored_weeks_in_the_logbook_layout()
    {
        var log = new QualityWeekLog(Logger(Memory()));
        log.Store(HandMadeWeek(Monday));
        log.Store(HandMadeWeek(Monday + Week));
        var request = new QualityWeekRequest(log, new LocalTimeRule(1, SummerTimeTable.Eu));
        var link = new MemorySerialLink();
        var answer = new RangeAnswer(link);
        answer.Begin();
        request.Answer(long.MinValue, long.MaxValue, answer);
        answer.End();
        // Voltage passed (1), frequency: the flagged value's 10-s values are not counted, 60 of 60 within ± 1 % (1 << 2);
        // no harmonics, no unbalance: 0005. Local time CET: the weeks start Monday 01:00.
        string data = "P.03(02501130100)(00)()(12)(start)()(result)()(n)()(flagged)()(u1)()(u2)()(u3)()(u1w)()(u2w)()(u3w)()(f)()(f1)()\r\n"
            + "(02501130100)(0005)(2)(1)(1)(1)(1)(1)(1)(1)(60)(60)\r\n"
            + "(02501200100)(0005)(2)(1)(1)(1)(1)(1)(1)(1)(60)(60)\r\n";
        byte bcc = 0;
        foreach (char c in data + "\u0003") bcc ^= (byte)c;
        Assert.Equal("\u0002" + data + "\u0003" + (char)bcc, System.Text.Encoding.ASCII.GetString(link.TakeSent()));
        Assert.Equal(3, request.Number);
    }

    [Fact]
    public void After_a_restart_the_last_finished_week_reads_from_nv_memory_as_12_128_1()
    {
        using var host = MeterRig.Start();
        var memory = Memory();
        new QualityWeekLog(Logger(memory)).Store(HandMadeWeek(Monday));
        var recorder = new PowerQualityRecorder(host.Meter.VoltageQuality, Ade7880Scaling.Measurement, 460_000, 20_000, 230_000, 50_000);
        var objects = new PowerQualityObjects(recorder);
        Assert.False(objects.TryReadInteger(PowerQualityObjects.PreviousWeek, out _)); // RAM only: nothing after a restart
        recorder.WeekLog = new QualityWeekLog(Logger(memory));
        Assert.True(objects.TryReadInteger(PowerQualityObjects.PreviousWeek, out long packed));
        Assert.Equal(0x005, packed);
    }

    [Fact]
    public void The_meter_with_quality_on_answers_P03_on_its_optical_port()
    {
        var rig = new SerialMeterRig(configure: s => s.QualityMeasurement = true);
        new QualityWeekLog(rig.Meter.Storage.QualityWeeks!).Store(HandMadeWeek(Monday));
        rig.EnterProgramming();
        Assert.Equal("\u0006", rig.Command("P1\u0002(00000000)\u0003"));
        string block = RangeRequestRig.DataBlock(rig.Command("R1\u0002P.03(;)\u0003"));
        Assert.EndsWith("\r\n(02501130100)(0005)(2)(1)(1)(1)(1)(1)(1)(1)(60)(60)\r\n", block);
    }
}
