using Meter.Clock;
using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology.Quality;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The analysis logger wired (issue 20 part 3): each completed 10-min value becomes one entry with the channel values
/// of the P.02 contract, its interval status and the §4.7 flag; the channel list is checked; the whole meter with
/// quality measurement on logs its intervals.
/// </summary>
public class AnalysisLoggingTests
{
    // Monday 2025-01-20T00:00:00Z (winter) and Monday 2025-07-21T00:00:00Z (summer time in the EU).
    private const long Monday = 1_737_331_200;
    private const long SummerMonday = 1_753_056_000;

    private static AnalysisLog NewLog(int channels) =>
        new(new RamNvMemory(16 * 1024), 0, 16 * 1024, 1024, channels, 7);

    private static (PowerQualityRecorder Recorder, AnalysisLog Log) Recorder(ElectricityMeter meter, ObisCode[]? codes = null)
    {
        codes ??= AnalysisChannels.Default();
        var recorder = new PowerQualityRecorder(meter.VoltageQuality, Ade7880Scaling.Measurement, 460_000, 20_000, 230_000, 50_000);
        var log = NewLog(codes.Length);
        recorder.Analysis = new AnalysisLogging(log, codes, new LocalTimeRule(1, SummerTimeTable.Eu));
        return (recorder, log);
    }

    // 230 V = 1,883,286 (half of the full-scale code 3,766,572 at Vfs 460 V); period 5120 = 50.00 Hz; 10 A of Ifs 20 A.
    private static PhaseMeasurements Measurements(int voltageCode = 1_883_286)
    {
        var m = new PhaseMeasurements();
        for (int p = 0; p < 3; p++)
        {
            m.VoltageRms[p] = voltageCode;
            m.CurrentRms[p] = 1_883_286;
            m.Period[p] = 5120;
        }
        return m;
    }

    private static List<AnalysisEntry> Read(AnalysisLog log)
    {
        var reader = new AnalysisLogReader(log);
        var list = new List<AnalysisEntry>();
        var entry = new AnalysisEntry(log.ChannelCount);
        while (reader.Next(entry))
        {
            var copy = new AnalysisEntry(log.ChannelCount) { EndTime = entry.EndTime, EndMinute = entry.EndMinute, Status = entry.Status };
            entry.Values.CopyTo(copy.Values, 0);
            list.Add(copy);
        }
        return list;
    }

    [Fact]
    public void Each_interval_is_one_entry_with_the_contract_values_and_the_first_after_power_up_is_a_power_failure()
    {
        using var host = MeterRig.Start();
        var codes = new[] { new ObisCode(32, 7, 0), new ObisCode(14, 7, 0), new ObisCode(31, 7, 0), new ObisCode(32, 7, 124), new ObisCode(12, 7, 128) };
        var (recorder, log) = Recorder(host.Meter, codes);
        var m = Measurements();
        // 00:05 … 00:30, one sample a minute: the interval ending 00:10 started before the recorder.
        for (long t = Monday + 300; t <= Monday + 1800; t += 60) recorder.Sample(t, m);
        var entries = Read(log);
        Assert.Equal(new[] { 10, 20, 30 }.Select(min => UnixTime.ToDateTime(Monday + 60 * min)), entries.Select(e => e.EndTime));
        Assert.Equal(IntervalStatus.PowerFailure | IntervalStatus.Incomplete, entries[0].Status);
        Assert.Equal(0, entries[1].Status);
        // 230.0 V, 50.00 Hz, 10.00 A; no harmonic scan, no angles: THD and u2 are 0.
        Assert.Equal(new long[] { 2300, 5000, 1000, 0, 0 }, entries[1].Values);
    }

    [Fact]
    public void A_flagged_interval_carries_bit_80_and_a_clock_jump_marks_the_next_interval_clock_set()
    {
        using var host = MeterRig.Start();
        var (recorder, log) = Recorder(host.Meter);
        var m = Measurements();
        for (long t = Monday - 60; t < Monday + 300; t += 60) recorder.Sample(t, m);
        host.Board.Chip.Phases[0].Set(new PhaseLoad(200, 10, 0)); // a dip on phase 1, seen by the meter's monitor
        host.RunFor(TimeSpan.FromSeconds(3));
        recorder.Sample(Monday + 300, m);
        host.Board.Chip.Phases[0].Set(new PhaseLoad(230, 10, 0));
        host.RunFor(TimeSpan.FromSeconds(3));
        for (long t = Monday + 360; t <= Monday + 1200; t += 60) recorder.Sample(t, m);
        // The clock jumps an hour ahead: the interval it opens (ending 02:30... here 01:30) is clock set and incomplete.
        for (long t = Monday + 5000; t <= Monday + 6600; t += 60) recorder.Sample(t, m);
        var entries = Read(log);
        var byEnd = entries.ToDictionary(e => UnixTime.ToSeconds(e.EndTime) - Monday, e => e.Status);
        Assert.Equal(IntervalStatus.PowerFailure | IntervalStatus.Incomplete, byEnd[0]);
        Assert.Equal(AnalysisLog.Flagged, byEnd[600]);
        Assert.Equal(0, byEnd[1200]);
        Assert.Equal(IntervalStatus.ClockSet | IntervalStatus.Incomplete, byEnd[5400]);
        Assert.Equal(0, byEnd[6000]);
    }

    [Fact]
    public void An_interval_ending_in_summer_time_has_the_dst_bit()
    {
        using var host = MeterRig.Start();
        var (recorder, log) = Recorder(host.Meter);
        var m = Measurements();
        for (long t = SummerMonday; t <= SummerMonday + 1200; t += 60) recorder.Sample(t, m);
        var entries = Read(log);
        Assert.Equal(2, entries.Count);
        Assert.Equal(IntervalStatus.DaylightSaving | IntervalStatus.PowerFailure, entries[0].Status & (IntervalStatus.DaylightSaving | IntervalStatus.PowerFailure));
        Assert.Equal(IntervalStatus.DaylightSaving, entries[1].Status);
    }

    [Fact]
    public void Channel_values_follow_the_contract_decimals_and_units()
    {
        var r = new TenMinuteRecord { FrequencyMeanMillihertz = 49_996, Unbalance = 222, UnbalanceValid = true, PowerFactor = -9_505, ImportMilliwatts = 6_554_499, ExportMilliwatts = 1_500 };
        r.VoltageMillivolts[1] = 229_951; r.CurrentMilliamps[2] = 10_005; r.Thd[0] = 360; r.HarmonicsValid[0] = true; r.HarmonicRatio[0 * 26 + 5] = 180;
        (string Code, long Value, int Decimals, string Unit)[] expected =
        {
            ("1-0:52.7.0", 2300, 1, "V"), ("1-0:71.7.0", 1001, 2, "A"), ("1-0:14.7.0", 5000, 2, "Hz"), ("1-0:32.7.124", 360, 2, "%"),
            ("1-0:32.7.5", 180, 2, "%"), ("1-0:52.7.5", 0, 2, "%"), ("1-0:12.7.128", 222, 2, "%"), ("1-0:13.7.0", -951, 3, ""),
            ("1-0:1.7.0", 6554, 3, "kW"), ("1-0:2.7.0", 2, 3, "kW"),
        };
        foreach (var (code, value, decimals, unit) in expected)
        {
            var obis = ObisCode.Parse(code);
            Assert.Equal((value, decimals, unit), (AnalysisChannels.Value(obis, r), AnalysisChannels.Decimals(obis), AnalysisChannels.Unit(obis)));
        }
    }

    [Fact]
    public void A_bad_channel_list_is_refused_naming_the_code()
    {
        Assert.Contains("32.7.26", Assert.Throws<ArgumentException>(() => AnalysisChannels.Validate(new[] { new ObisCode(32, 7, 26) })).Message);
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => AnalysisChannels.Validate(new[] { new ObisCode(14, 7, 0), new ObisCode(14, 7, 0) })).Message);
        Assert.Contains("1 … 24", Assert.Throws<ArgumentException>(() => AnalysisChannels.Validate(new ObisCode[25])).Message);
        var settings = new MeterSettings { QualityMeasurement = true, AnalysisChannelCodes = new[] { new ObisCode(0, 9, 1) } };
        Assert.Contains("not an analysis-logger channel", Assert.Throws<ArgumentException>(() => settings.Validate()).Message);
    }

    [Fact]
    public void The_whole_meter_with_quality_on_logs_each_ten_minutes_of_its_load()
    {
        var load = new PhaseLoad(230, 10, 18.19);
        var rig = QualityMeasurementWiringTests.Build(true, 1, load, load, new PhaseLoad(215, 10, 18.19), new DateTime(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc), null, 0);
        rig.Cycles(31 * 60);
        AnalysisLog log = rig.Meter.Storage.Analysis!;
        Assert.Equal(8, log.ChannelCount);
        var entries = Read(log);
        Assert.Equal(3, entries.Count); // 00:10, 00:20, 00:30
        var last = entries[^1];
        Assert.Equal(new DateTime(2025, 1, 13, 0, 30, 0), last.EndTime);
        Assert.InRange(last.Values[0], 2299, 2301);
        Assert.InRange(last.Values[2], 2149, 2151);
        Assert.InRange(last.Values[3], 4999, 5001);
        Assert.True(last.Values[7] > 200, "u2 of 230/230/215 V is about 2.2 %");
        Assert.Equal(0, last.Status);
        Assert.Null(QualityMeasurementWiringTests.Build(false, 1, load, load, load).Meter.Storage.Analysis);
    }
}
