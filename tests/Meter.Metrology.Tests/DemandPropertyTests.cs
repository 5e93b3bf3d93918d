using CsCheck;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Demand maxima against an independent per-period sum over random loads, start times and tariffs.</summary>
public class DemandPropertyTests
{
    [Fact]
    public void Maxima_and_time_stamps_match_an_independent_period_sum()
    {
        var gen = Gen.Select(Gen.Long[0, 2_000_000_000], Gen.Select(Gen.Int[-500, 3000], Gen.Int[0, 2]).Array[1, 2500], Gen.OneOf(5, 15));
        gen.Sample((t0, cycles, minutes) =>
        {
            long period = minutes * 60L;
            var acc = Meters.Accumulator(ConnectionType.SinglePhase, tariffs: 3);
            var demand = new DemandMeter(acc, minutes);
            demand.Update(t0, cycles[0].Item2);
            for (int i = 0; i < cycles.Length; i++)
            {
                var (p, tariff) = cycles[i];
                acc.Cycle(p, 0, 0, 0, 0, 0, Math.Abs(p), 0, 0, tariff);
                demand.Update(t0 + i + 1, tariff);
            }

            // Model: cycle i covers [t0+i, t0+i+1) and belongs to the aligned period floor((t0+i)/period);
            // a period counts once the clock reached its end; its tariff is that of its last cycle.
            long tEnd = t0 + cycles.Length;
            var periods = new SortedDictionary<long, (long Counts, int Tariff)>();
            for (int i = 0; i < cycles.Length; i++)
            {
                long k = (t0 + i) / period;
                periods.TryGetValue(k, out var e);
                periods[k] = (e.Counts + Math.Max(cycles[i].Item1, 0), cycles[i].Item2);
            }
            var closed = periods.Where(kv => (kv.Key + 1) * period <= tEnd).ToList();
            Assert.Equal(closed.Count, demand.ClosedPeriods);

            foreach (var (slot, filter) in new (int, Func<int, bool>)[] { (DemandSlot.AllTariffs, _ => true), (DemandSlot.Tariff1, t => t == 0), (DemandSlot.Tariff2, t => t == 1) })
            {
                var candidates = closed.Where(kv => filter(kv.Value.Tariff) && kv.Value.Counts > 0).ToList();
                long max = candidates.Count == 0 ? 0 : candidates.Max(kv => kv.Value.Counts);
                long time = candidates.Count == 0 ? -1 : (candidates.First(kv => kv.Value.Counts == max).Key + 1) * period;
                Assert.Equal(max, demand.GetMaximumCounts(DemandQuantity.ActiveImport, slot));
                Assert.Equal(time, demand.GetMaximumTime(DemandQuantity.ActiveImport, slot));
                // Mean power in mW = counts W·s × 1000 / period s, rounded down.
                Assert.Equal(max * 1000 / period, demand.ReadMaximumPower(DemandQuantity.ActiveImport, slot, false, -3));
            }
        }, iter: 200);
    }
}

/// <summary>Demand state survives a power cut through SaveTo / RestoreFrom, and bad snapshots are refused whole.</summary>
public class DemandPersistenceTests
{
    private static long[] Save(EnergyAccumulator acc)
    {
        var s = new long[EnergyAccumulator.SnapshotLength];
        acc.SaveTo(s);
        return s;
    }

    private static long[] Save(DemandMeter demand)
    {
        var s = new long[DemandMeter.SnapshotLength];
        demand.SaveTo(s);
        return s;
    }

    [Fact]
    public void A_cut_and_restore_gives_the_maxima_of_an_uninterrupted_run_without_the_outage()
    {
        // Reference run: 5-min periods, single phase, 1-s cycles of random power and tariff over 3000 s, with the
        // cycles of 1000 … 1399 s replaced by no energy (the outage). Interrupted run: the same cycles, but at 1000 s
        // both snapshots are taken, the objects are rebuilt from them, and the clock resumes at 1400 s.
        Gen.Select(Gen.Int[0, 3000].Array[3000], Gen.Int[0, 1].Array[3000]).Sample((powers, tariffs) =>
        {
            var reference = Meters.Accumulator(ConnectionType.SinglePhase);
            var referenceDemand = new DemandMeter(reference, 5);
            var acc = Meters.Accumulator(ConnectionType.SinglePhase);
            var demand = new DemandMeter(acc, 5);
            referenceDemand.Update(0, tariffs[0]);
            demand.Update(0, tariffs[0]);
            for (int s = 0; s < 3000; s++)
            {
                bool outage = s >= 1000 && s < 1400;
                int p = outage ? 0 : powers[s];
                if (!outage)
                {
                    reference.Cycle(p, 0, 0, p / 3, 0, 0, p, 0, 0, tariffs[s]);
                    referenceDemand.Update(s + 1, tariffs[s]);
                }
                if (s == 1000)
                {
                    long[] registers = Save(acc), state = Save(demand);
                    acc = Meters.Accumulator(ConnectionType.SinglePhase);
                    acc.RestoreFrom(registers);
                    demand = new DemandMeter(acc, 5);
                    demand.RestoreFrom(state);
                }
                if (!outage)
                {
                    acc.Cycle(p, 0, 0, p / 3, 0, 0, p, 0, 0, tariffs[s]);
                    demand.Update(s + 1, tariffs[s]);
                }
            }
            Assert.Equal(referenceDemand.ClosedPeriods, demand.ClosedPeriods);
            foreach (DemandQuantity q in Enum.GetValues<DemandQuantity>())
                for (int slot = 0; slot < DemandSlot.Count; slot++)
                {
                    Assert.Equal(referenceDemand.GetMaximumCounts(q, slot), demand.GetMaximumCounts(q, slot));
                    Assert.Equal(referenceDemand.GetMaximumTime(q, slot), demand.GetMaximumTime(q, slot));
                }
        }, iter: 30);
    }

    [Fact]
    public void Accumulated_maxima_and_the_power_threshold_counter_are_kept()
    {
        // Two 5-min periods at 1200 W then 600 W, threshold 1 kW → counter 1; billing close → accumulated 1200 W.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 5);
        demand.SetPowerThreshold(1_000_000, primary: false);
        demand.Update(0, 0);
        for (int s = 0; s < 600; s++) { int p = s < 300 ? 1200 : 600; acc.Cycle(p, 0, 0, 0, 0, 0, p, 0, 0); demand.Update(s + 1, 0); }
        demand.CloseBillingPeriod();
        var restoredAcc = Meters.Accumulator(ConnectionType.SinglePhase);
        restoredAcc.RestoreFrom(Save(acc));
        var restored = new DemandMeter(restoredAcc, 5);
        restored.RestoreFrom(Save(demand));
        Assert.Equal(1, restored.PowerThresholdCount);
        Assert.Equal(2, restored.ClosedPeriods);
        Assert.Equal(1200, restored.ReadAccumulatedMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(-1, restored.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
    }

    [Fact]
    public void Bad_snapshots_are_refused_and_change_nothing()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 15);
        demand.Update(0, 0);
        for (int s = 0; s < 1000; s++) { acc.Cycle(500, 0, 0, 0, 0, 0, 500, 0, 0); demand.Update(s + 1, 0); }
        long[] good = Save(demand);

        // Another integration period: the stored maxima are 15-min means.
        Assert.Throws<ArgumentException>(() => new DemandMeter(acc, 30).RestoreFrom(good));
        // The energy registers were restored from an older snapshot: the running period would start above them.
        Assert.Throws<ArgumentException>(() => new DemandMeter(Meters.Accumulator(ConnectionType.SinglePhase), 15).RestoreFrom(good));

        var target = new DemandMeter(acc, 15);
        long[] before = Save(target);
        foreach (int index in new[] { 1, 2, 3, 5 })
        {
            var bad = (long[])good.Clone();
            bad[index] = index == 2 ? good[2] + 1 : -1; // started flag, misaligned start, tariff, counter
            Assert.Throws<ArgumentException>(() => target.RestoreFrom(bad));
            Assert.Equal(before, Save(target));
        }
        var badTime = (long[])good.Clone();
        badTime[8 + 4 + 12] += 1; // P+ (all tariffs) keeps its 450 000 counts, its time 900 s moves off the 15-min grid
        Assert.Throws<ArgumentException>(() => target.RestoreFrom(badTime));

        target.RestoreFrom(good);
        Assert.Equal(good, Save(target));
        Assert.Throws<InvalidOperationException>(() => demand.RestoreFrom(good)); // already running
    }

    [Fact]
    public void Discarding_the_restored_running_period_keeps_the_maxima_and_starts_a_new_period()
    {
        // 5-min periods at 1200 W for 450 s: the 0–300 s period closed (max 1200 W at 300 s), the 300–600 s one runs
        // with 150 s. Restored registers that went on for 400 s more (to 850 s) at 1200 W: closing 300–600 s now
        // would give 550 s × 1200 W / 300 s = 2200 W. Discarded, the next update starts the 600–900 s period.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var demand = new DemandMeter(acc, 5);
        demand.Update(0, 0);
        for (int s = 0; s < 450; s++) { acc.Cycle(1200, 0, 0, 0, 0, 0, 1200, 0, 0); demand.Update(s + 1, 0); }
        long[] state = Save(demand);
        for (int s = 450; s < 850; s++) acc.Cycle(1200, 0, 0, 0, 0, 0, 1200, 0, 0);

        var restoredAcc = Meters.Accumulator(ConnectionType.SinglePhase);
        restoredAcc.RestoreFrom(Save(acc));
        var restored = new DemandMeter(restoredAcc, 5);
        restored.RestoreFrom(state);
        restored.DiscardRunningPeriod();
        restored.Update(850, 0);
        Assert.Equal(600, restored.CurrentPeriodStartSeconds);
        Assert.Equal(1, restored.ClosedPeriods);
        Assert.Equal(0, restored.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));
        Assert.Equal(1200, restored.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, false, 0));
        Assert.Equal(300, restored.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        // Only right after a restore: later it would silently drop energy from a period.
        Assert.Throws<InvalidOperationException>(() => restored.DiscardRunningPeriod());
        Assert.Throws<InvalidOperationException>(() => new DemandMeter(acc, 5).DiscardRunningPeriod());
    }
}
