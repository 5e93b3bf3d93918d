using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using Meter.Metrology.Quality;

namespace Meter.Core.Tests;

/// <summary>
/// Measurements → quantities → 10-min values → weeks, with the flag from the meter's voltage-quality monitor
/// (a MeterRig meter: Udin 230 V). Measurements are hand-made codes on the ADE7880 scale with Vfs = 460 V:
/// 230 V = 1,883,286 (half of 3,766,572), period 5120 (50 Hz).
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class PowerQualityRecorderTests
{
    // Monday 2025-01-20T00:00:00Z.
    private const long Monday = 1_737_331_200;

    private static PowerQualityRecorder Recorder(ElectricityMeter meter) =>
        new(meter.VoltageQuality, Ade7880Scaling.Measurement, 460_000, 20_000, 230_000, 50_000);

    private static PhaseMeasurements Measurements(int voltageCode = 1_883_286)
    {
        var m = new PhaseMeasurements();
        for (int p = 0; p < 3; p++)
        {
            m.VoltageRms[p] = voltageCode;
            m.Period[p] = 5120;
        }
        return m;
    }

    [Fact]
    public void Ten_minute_values_go_to_their_week_and_the_value_ending_at_monday_midnight_to_the_week_before()
    {
        using var host = MeterRig.Start();
        var recorder = Recorder(host.Meter);
        var m = Measurements();
        int completed = 0;
        // Sunday 23:00 … Monday 00:30, one sample a minute.
        for (long t = Monday - 3600; t <= Monday + 1800; t += 60)
            if (recorder.Sample(t, m)) completed++;
        Assert.Equal(9, completed); // ending Sunday 23:10 … Monday 00:00 (6), 00:10, 00:20, 00:30 (3)
        Assert.NotNull(recorder.PreviousWeek);
        Assert.Equal(Monday - En50160WeeklyEvaluation.WeekSeconds, recorder.PreviousWeek!.WeekStart);
        Assert.Equal(6, recorder.PreviousWeek.Intervals);
        Assert.Equal(Monday, recorder.CurrentWeek.WeekStart);
        Assert.Equal(3, recorder.CurrentWeek.Intervals);
        Assert.Equal(Monday + 1800, recorder.LastTenMinutes.IntervalEnd);
        Assert.Equal(230_000, recorder.LastTenMinutes.VoltageMillivolts[0]);
        Assert.Equal(3, recorder.CurrentWeek.VoltageWithinNarrow(0));
        Assert.Equal(30, recorder.CurrentWeek.FrequencyValues); // 3 intervals × 10 samples a minute apart: one 10-s value each minute
    }

    [Fact]
    public void An_interval_with_a_dip_on_the_meter_is_flagged_and_left_out_of_the_week()
    {
        using var host = MeterRig.Start();
        var recorder = Recorder(host.Meter);
        var m = Measurements();
        for (long t = Monday; t < Monday + 300; t += 60) recorder.Sample(t, m);
        host.Board.Chip.Phases[0].Set(new PhaseLoad(200, 10, 0)); // the meter's monitor sees a dip on phase 1
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(host.Meter.VoltageQuality.IsRunning(1));
        recorder.Sample(Monday + 300, m);
        host.Board.Chip.Phases[0].Set(new PhaseLoad(230, 10, 0));
        host.RunFor(TimeSpan.FromSeconds(3));
        for (long t = Monday + 360; t <= Monday + 1200; t += 60) recorder.Sample(t, m);
        Assert.Equal(2, recorder.CurrentWeek.Intervals);
        Assert.Equal(1, recorder.CurrentWeek.FlaggedIntervals);
        Assert.False(recorder.LastTenMinutes.Flagged); // the second interval is clean
    }

    [Fact]
    public void The_clock_set_back_drops_the_open_interval_instead_of_failing()
    {
        using var host = MeterRig.Start();
        var recorder = Recorder(host.Meter);
        var m = Measurements();
        for (long t = Monday; t < Monday + 900; t += 60) recorder.Sample(t, m); // [M, M+600) completed at M+600
        Assert.Equal(1, recorder.CurrentWeek.Intervals);
        Assert.False(recorder.Sample(Monday + 120, m)); // back by 13 min: the open [M+600, M+1200) is dropped
        Assert.True(recorder.Sample(Monday + 600, m));   // completes the new [M, M+600) with one value
        Assert.Equal(1, recorder.LastTenMinutes.Samples);
        Assert.Equal(2, recorder.CurrentWeek.Intervals);
    }

    [Fact]
    public void Sampling_allocates_nothing()
    {
        using var host = MeterRig.Start();
        var recorder = Recorder(host.Meter);
        var m = Measurements();
        for (long t = Monday; t < Monday + 1300; t++) recorder.Sample(t, m);
        // Each attempt samples the next 3700 s: two 10-min values completed in every one.
        Assert.Equal(0, AllocationMeasurement.LeastBytesAllocated(attempt =>
        {
            long from = Monday + 1300 + attempt * 3700L;
            for (long t = from; t < from + 3700; t++) recorder.Sample(t, m);
        }));
    }
}
