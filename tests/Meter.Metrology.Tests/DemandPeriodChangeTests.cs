using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>DemandMeter.ChangePeriod with hand-worked counts (1 count = 1 W·s, TestSupport's constant).</summary>
public class DemandPeriodChangeTests
{
    private static void Run(EnergyAccumulator acc, DemandMeter demand, long from, long to, int watts)
    {
        for (long t = from; t < to; t++)
        {
            acc.Cycle(watts, 0, 0, 0, 0, 0, watts, 0, 0);
            demand.Update(t + 1, 0);
        }
    }

    private static long Max(DemandMeter d) => d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
    private static long Time(DemandMeter d) => d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
    private static long Watts(DemandMeter d) => d.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0);

    [Fact]
    public void Fifteen_to_five_drops_the_cut_period_keeps_the_maximum_in_watts_and_starts_aligned()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        Run(acc, demand, 0, 900, 500);     // period 0–900 s: 450 000 counts = 500 W
        Run(acc, demand, 900, 1000, 800);  // running period: 100 s at 800 W
        Assert.Equal((450_000L, 900L, 500L), (Max(demand), Time(demand), Watts(demand)));

        demand.ChangePeriod(5);
        // 450 000 counts per 900 s = 150 000 per 300 s: still 500 W (read as-is they would be 1500 W).
        Assert.Equal((150_000L, 900L, 500L), (Max(demand), Time(demand), Watts(demand)));
        Assert.Equal(300, demand.PeriodSeconds);
        Assert.Equal(1, demand.ClosedPeriods);             // 900–1000 ended without a maximum
        Assert.Equal(900, demand.CurrentPeriodStartSeconds); // floor(1000, 300)
        Assert.Equal(0, demand.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));

        Run(acc, demand, 1000, 1200, 600); // 900–1200 holds 200 s × 600 W = 120 000 counts = 400 W < 500 W
        Assert.Equal(2, demand.ClosedPeriods);
        Assert.Equal((150_000L, 900L), (Max(demand), Time(demand)));
        Run(acc, demand, 1200, 1500, 600); // 1200–1500: 180 000 counts = 600 W, the new maximum
        Assert.Equal((180_000L, 1500L, 600L), (Max(demand), Time(demand), Watts(demand)));
    }

    [Fact]
    public void Fifteen_to_sixty_multiplies_maxima_and_accumulated_maxima_exactly_and_a_restore_accepts_their_times()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        Run(acc, demand, 0, 900, 500);
        demand.CloseBillingPeriod(); // accumulated 450 000
        Run(acc, demand, 900, 1800, 300); // maximum 270 000 at 1800 s
        demand.ChangePeriod(60);
        Assert.Equal((1_080_000L, 1800L, 300L), (Max(demand), Time(demand), Watts(demand))); // × 4
        Assert.Equal(500, demand.ReadAccumulatedMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0)); // 1 800 000 / 3600 s
        Assert.Equal(0, demand.CurrentPeriodStartSeconds); // floor(1800, 3600)

        // Its snapshot holds a 1800-s time stamp under a 3600-s period: a 5-min multiple, accepted.
        var snapshot = new long[DemandMeter.SnapshotLength];
        demand.SaveTo(snapshot);
        var restored = new DemandMeter(acc, 60);
        restored.RestoreFrom(snapshot);
        Assert.Equal((1_080_000L, 1800L), (Max(restored), Time(restored)));
        snapshot[8 + 4 + 12] = 1801; // P+ all-tariffs time off the 5-min grid
        Assert.Throws<ArgumentException>(() => new DemandMeter(acc, 60).RestoreFrom(snapshot));
    }

    [Fact]
    public void Sixty_to_five_rounds_down_and_a_maximum_rounded_to_nothing_is_none()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 60);
        demand.Update(0, 0);
        Run(acc, demand, 0, 3600, 0);
        acc.Cycle(11, 0, 0, 0, 0, 0, 11, 0, 0); // 11 counts in 3600–3601
        demand.Update(3601, 0);
        Run(acc, demand, 3601, 7200, 0);
        Assert.Equal(11, Max(demand));
        demand.ChangePeriod(5);
        Assert.Equal(0, Max(demand)); // 11 / 12 = 0 counts per 5 min (0.003 W), rounded down
        Assert.Equal(-1, Time(demand));
        Assert.Throws<ArgumentOutOfRangeException>(() => demand.ChangePeriod(10));
        Assert.Equal(300, demand.PeriodSeconds);
    }
}
