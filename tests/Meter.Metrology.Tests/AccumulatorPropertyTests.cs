using System.Numerics;
using CsCheck;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Random sequences of signed per-phase counts against the independent <see cref="ReferenceModel"/>.</summary>
public class AccumulatorPropertyTests
{
    private sealed record Cycle(int[] P, int[] Q, int[] S, int Tariff);

    private static Gen<int> Counts => Gen.OneOf(Gen.Int[-2000, 2000], Gen.Int[int.MinValue + 1, int.MaxValue], Gen.Const(0), Gen.Const(int.MaxValue), Gen.Const(int.MinValue));
    private static Gen<int> ApparentCounts => Gen.OneOf(Gen.Int[0, 3000], Gen.Int[0, int.MaxValue], Gen.Const(0));

    private static Gen<Cycle> CycleGen(int tariffs) =>
        Gen.Select(Counts.Array[3], Counts.Array[3], ApparentCounts.Array[3], Gen.Int[0, tariffs - 1])
           .Select((p, q, s, t) => new Cycle(p, q, s, t));

    [Fact]
    public void Every_register_equals_the_exact_sum_of_the_counts()
    {
        var gen = Gen.Select(
                Gen.OneOf(ConnectionType.ThreePhaseFourWire, ConnectionType.ThreePhaseThreeWireAron, ConnectionType.SinglePhase),
                Gen.OneOf(PhaseSummation.VectorSum, PhaseSummation.PerPhase),
                Gen.OneOf(0L, 1000L, 1500L, 250_000L),
                Gen.Int[1, 8])
            .Where((c, s, _, _) => !(c == ConnectionType.ThreePhaseThreeWireAron && s == PhaseSummation.PerPhase))
            .SelectMany((c, s, thr, tariffs) => CycleGen(tariffs).Array[1, 60].Select(cycles => (c, s, thr, tariffs, cycles)));

        gen.Sample(t =>
        {
            var (connection, summation, thresholdMilliVa, tariffs, cycles) = t;
            // Apparent constant 1 VA·s = 10^6 mVA·ms per count, cycles of 1000 ms: the model's starting gate judges
            // a window of ceil(20 × 10^6 / threshold) ms (1000 mVA → 20 cycles, 1500 → 14, 250 000 → the cycle alone).
            var acc = Meters.Accumulator(connection, summation, tariffs: tariffs, thresholdMilliVa: thresholdMilliVa);
            var model = new ReferenceModel(connection, summation, thresholdMilliVa);
            foreach (var c in cycles)
            {
                acc.AddCycle(c.P, c.Q, c.S, c.Tariff, 1000);
                model.Add(c.P, c.Q, c.S, c.Tariff);
            }
            for (int channel = 0; channel < 4; channel++)
                foreach (var name in ReferenceModel.Names)
                    Assert.Equal(model.Get(name, channel), (BigInteger)acc.GetCounts(ReferenceModel.RegisterOf(name), channel));
            for (int tariff = 0; tariff < tariffs; tariff++)
            {
                Assert.Equal(model.TariffA(tariff), (BigInteger)acc.GetTariffActiveImportCounts(tariff));
                Assert.Equal(model.TariffR(tariff), (BigInteger)acc.GetTariffReactiveImportCounts(tariff));
            }
            Assert.Equal(cycles.Length * 1000L, acc.OperatingMilliseconds);
        }, iter: 400);
    }

    [Fact]
    public void Per_phase_totals_are_the_sum_of_the_phase_registers_and_quadrants_add_up()
    {
        Gen.Select(CycleGen(4).Array[1, 40], Gen.OneOf(PhaseSummation.VectorSum, PhaseSummation.PerPhase)).Sample((cycles, summation) =>
        {
            var acc = Meters.Accumulator(summation: summation, tariffs: 4);
            foreach (var c in cycles) acc.AddCycle(c.P, c.Q, c.S, c.Tariff, 1000);
            for (int ch = 0; ch < 4; ch++)
            {
                Assert.Equal(acc.GetCounts(EnergyRegister.ReactiveImport, ch), acc.GetCounts(EnergyRegister.ReactiveQuadrant1, ch) + acc.GetCounts(EnergyRegister.ReactiveQuadrant2, ch));
                Assert.Equal(acc.GetCounts(EnergyRegister.ReactiveExport, ch), acc.GetCounts(EnergyRegister.ReactiveQuadrant3, ch) + acc.GetCounts(EnergyRegister.ReactiveQuadrant4, ch));
            }
            if (summation == PhaseSummation.PerPhase)
                foreach (EnergyRegister r in Enum.GetValues<EnergyRegister>())
                    Assert.Equal(acc.GetCounts(r, 0) + acc.GetCounts(r, 1) + acc.GetCounts(r, 2), acc.GetCounts(r, MeterChannel.Total));
            // Net active energy is the same whichever way the total is formed: A+ − A− = Σ signed P.
            long net = cycles.Sum(c => (long)c.P[0] + c.P[1] + c.P[2]);
            Assert.Equal(net, acc.GetCounts(EnergyRegister.ActiveImport, 3) - acc.GetCounts(EnergyRegister.ActiveExport, 3));
        }, iter: 300);
    }

    [Fact]
    public void Readings_in_any_scaler_are_the_floor_of_the_exact_energy()
    {
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Long[1, 1_000_000_000], Gen.Int[0, int.MaxValue].Array[1, 30], Gen.Int[-6, 6], Gen.Int[1, 600])
            .Sample((num, den, counts, scaler, ratio) =>
            {
                var constant = new EnergyConstant(num, den);
                var acc = Meters.Accumulator(ConnectionType.SinglePhase, constant: constant, ratio: new CurrentTransformerRatio(ratio * 5, 5));
                foreach (int c in counts) acc.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
                BigInteger total = counts.Aggregate(BigInteger.Zero, (sum, c) => sum + c);
                // value × 10^scaler Wh = total × num/den Wh  ⇒  value = floor(total × num × 10^−scaler / den)
                BigInteger scale = BigInteger.Pow(10, Math.Abs(scaler));
                BigInteger secondary = scaler <= 0 ? total * num * scale / den : total * num / (den * scale);
                BigInteger primary = scaler <= 0 ? total * num * ratio * scale / den : total * num * ratio / (den * scale);
                // A reading beyond 64 bits (e.g. µWh of a huge primary register) is refused with a specific error,
                // never wrapped; 50 years at the presets' maximum power stay far below it (overflow tests).
                AssertReading(secondary, () => acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, scaler));
                AssertReading(primary, () => acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, scaler));
            }, iter: 2000);
    }

    private static void AssertReading(BigInteger expected, Func<long> read)
    {
        if (expected <= long.MaxValue) Assert.Equal(expected, (BigInteger)read());
        else Assert.Throws<ArgumentOutOfRangeException>(() => read());
    }
}
