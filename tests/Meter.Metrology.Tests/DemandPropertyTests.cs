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
