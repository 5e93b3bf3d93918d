using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

[Collection(AllocationMeasurement.Collection)]
public class TenMinuteAggregatorTests
{
    // 2024-12-05T12:00:00Z, a 10-min tick: 1,733,400,000 = 600 × 2,889,000.
    private const long T0 = 1_733_400_000;
    private const int Period50Hz = 5120; // 256 kHz / 50 Hz

    private static TenMinuteAggregator New() => new(50_000, 256_000);

    [Fact]
    public void An_interval_follows_the_clocks_10_min_ticks_and_aggregates_as_rms()
    {
        var agg = New();
        var low = QualityTestValues.Balanced(230_000, 3, 300, 100);
        var high = QualityTestValues.Balanced(232_000, 3, 400, 200);
        for (long t = T0; t < T0 + 600; t++)
            Assert.False(agg.Add(t, t < T0 + 300 ? low : high, Period50Hz, false));
        Assert.True(agg.Add(T0 + 600, low, Period50Hz, false));
        var r = agg.Completed;
        Assert.Equal(T0 + 600, r.IntervalEnd);
        Assert.Equal(600, r.Samples);
        Assert.False(r.Flagged);
        // √((230,000² + 232,000²)/2) = √53,362,000,000 = 231,002.16 mV
        Assert.Equal(231_002, r.VoltageMillivolts[1]);
        // THD = the 3rd harmonic alone: √((300² + 400²)/2) = √125,000 = 353.55 → 354
        Assert.True(r.HarmonicsValid[0]);
        Assert.Equal(354, r.Thd[0]);
        Assert.Equal(354, r.Harmonic(2, 3));
        Assert.Equal(0, r.Harmonic(2, 5));
        // Unbalance √((100² + 200²)/2) = √25,000 = 158.11 → 158
        Assert.True(r.UnbalanceValid);
        Assert.Equal(158, r.Unbalance);
        // 10-s values [T0, T0+10) … [T0+590, T0+600): 60, the last completed by the sample at T0+600.
        Assert.Equal(60, r.FrequencyValues);
        Assert.Equal(60, r.FrequencyWithinNarrow);
        Assert.Equal(60, r.FrequencyWithinWide);
        Assert.Equal(50_000, r.FrequencyMinMillihertz);
    }

    [Fact]
    public void A_value_at_the_tick_opens_the_next_interval_and_one_a_second_before_closes_nothing()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000);
        Assert.False(agg.Add(T0 + 599, q, Period50Hz, false)); // started inside [T0, T0+600)
        Assert.True(agg.Add(T0 + 600, q, Period50Hz, false));
        Assert.Equal(T0 + 600, agg.Completed.IntervalEnd);
        Assert.Equal(1, agg.Completed.Samples);
        Assert.False(agg.Add(T0 + 1199, q, Period50Hz, false));
        Assert.True(agg.Add(T0 + 1200, q, Period50Hz, false));
        Assert.Equal(T0 + 1200, agg.Completed.IntervalEnd);
        Assert.Equal(2, agg.Completed.Samples); // T0+600 and T0+1199
    }

    [Fact]
    public void An_interval_with_a_disturbance_is_flagged_and_the_next_is_not()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000);
        for (long t = T0; t < T0 + 600; t++) agg.Add(t, q, Period50Hz, t == T0 + 123);
        Assert.True(agg.Add(T0 + 600, q, Period50Hz, false));
        Assert.True(agg.Completed.Flagged);
        for (long t = T0 + 601; t < T0 + 1200; t++) agg.Add(t, q, Period50Hz, false);
        Assert.True(agg.Add(T0 + 1200, q, Period50Hz, false));
        Assert.False(agg.Completed.Flagged);
    }

    [Fact]
    public void A_gap_closes_the_open_interval_only_and_intervals_without_values_give_nothing()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000);
        agg.Add(T0 + 10, q, Period50Hz, false);
        Assert.True(agg.Add(T0 + 3 * 600 + 5, q, Period50Hz, false)); // meter off for 30 min
        Assert.Equal(T0 + 600, agg.Completed.IntervalEnd);
        Assert.True(agg.Add(T0 + 4 * 600, q, Period50Hz, false));
        Assert.Equal(T0 + 4 * 600, agg.Completed.IntervalEnd);
    }

    [Fact]
    public void Frequency_10_s_values_are_counted_into_the_en_50160_bands()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000);
        // First 5 min at 5200 ticks: 256,000/5200 = 49.2308 Hz: outside 50 Hz ± 1 % (49.5 … 50.5) but inside
        // −6 % (47.0); then 5 min at 4800 ticks: 53.333 Hz, above +4 % (52.0): outside both bands.
        for (long t = T0; t < T0 + 600; t++) agg.Add(t, q, t < T0 + 300 ? 5200 : 4800, false);
        Assert.True(agg.Add(T0 + 600, q, Period50Hz, false));
        var r = agg.Completed;
        Assert.Equal(60, r.FrequencyValues);
        Assert.Equal(0, r.FrequencyWithinNarrow);
        Assert.Equal(30, r.FrequencyWithinWide);
        Assert.Equal(49_231, r.FrequencyMinMillihertz);
        Assert.Equal(53_333, r.FrequencyMaxMillihertz);
    }

    [Fact]
    public void The_clock_going_back_is_refused_with_a_reason()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000);
        agg.Add(T0 + 700, q, Period50Hz, false);
        var e = Assert.Throws<ArgumentException>(() => agg.Add(T0 + 500, q, Period50Hz, false));
        Assert.Contains("time order", e.Message);
    }

    [Fact]
    public void Adding_values_allocates_nothing()
    {
        var agg = New();
        var q = QualityTestValues.Balanced(230_000, 5, 300, 50);
        for (long t = T0; t < T0 + 1300; t++) agg.Add(t, q, Period50Hz, false); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long t = T0 + 1300; t < T0 + 3000; t++) agg.Add(t, q, Period50Hz, t % 7 == 0);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Current_is_aggregated_as_rms_and_frequency_power_factor_and_power_as_means()
    {
        var agg = New();
        var importing = QualityTestValues.Balanced(230_000);
        importing.CurrentMilliamps[0] = 10_000;
        importing.TotalPowerFactor = 9_500;
        importing.ActivePowerMilliwatts = 6_000_000;
        var exporting = QualityTestValues.Balanced(230_000);
        exporting.CurrentMilliamps[0] = 20_000;
        exporting.TotalPowerFactor = -9_000;
        exporting.ActivePowerMilliwatts = -3_000_000;
        // 400 s importing, 200 s exporting; the line period 5120 (50.000 Hz) the first 300 s, then 5119 (50.0098 Hz).
        for (long t = T0; t < T0 + 600; t++)
            agg.Add(t, t < T0 + 400 ? importing : exporting, t < T0 + 300 ? Period50Hz : Period50Hz - 1, false);
        Assert.True(agg.Add(T0 + 600, importing, Period50Hz, false));
        var r = agg.Completed;
        // √((400·10,000² + 200·20,000²)/600) = √200,000,000 = 14,142.1 mA
        Assert.Equal(14_142, r.CurrentMilliamps[0]);
        // (400·9,500 − 200·9,000)/600 = 3,333.3; import 400·6,000,000/600 = 4,000,000 mW; export 200·3,000,000/600 = 1,000,000 mW
        Assert.Equal(3_333, r.PowerFactor);
        Assert.Equal(4_000_000, r.ImportMilliwatts);
        Assert.Equal(1_000_000, r.ExportMilliwatts);
        // 30 10-s values at 50,000 mHz and 30 at the mean over 5119 (256,000,000 / 5119 = 50,009.77 as the chip counts it):
        // the mean lies halfway, within a mHz of 50,004.9.
        Assert.Equal(60, r.FrequencyValues);
        Assert.InRange(r.FrequencyMeanMillihertz, 50_004, 50_006);
    }
}
