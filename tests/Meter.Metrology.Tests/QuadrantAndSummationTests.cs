using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Quadrant tables (IEC 62053-23 four-quadrant diagram), vector vs per-phase summation, Aron and single-phase connections.</summary>
public class QuadrantAndSummationTests
{
    [Theory]
    // P,  Q,   quadrant         — IEC 62053-23 four-quadrant diagram
    [InlineData(10, 5, Quadrant.I)]
    [InlineData(-10, 5, Quadrant.II)]
    [InlineData(-10, -5, Quadrant.III)]
    [InlineData(10, -5, Quadrant.IV)]
    [InlineData(0, 5, Quadrant.I)]      // P = 0 counts as import
    [InlineData(0, -5, Quadrant.IV)]
    [InlineData(10, 0, Quadrant.I)]
    [InlineData(-10, 0, Quadrant.II)]
    [InlineData(0, 0, Quadrant.None)]
    public void Quadrant_follows_the_signs_of_P_and_Q(long p, long q, Quadrant expected)
        => Assert.Equal(expected, QuadrantClassifier.Classify(p, q));

    [Theory]
    // One single-phase cycle of P, Q, S counts → the registers that must receive them.
    [InlineData(100, 40, 110, EnergyRegister.ActiveImport, EnergyRegister.ReactiveQuadrant1, EnergyRegister.ReactiveImport, EnergyRegister.ApparentImport)]
    [InlineData(-100, 40, 110, EnergyRegister.ActiveExport, EnergyRegister.ReactiveQuadrant2, EnergyRegister.ReactiveImport, EnergyRegister.ApparentExport)]
    [InlineData(-100, -40, 110, EnergyRegister.ActiveExport, EnergyRegister.ReactiveQuadrant3, EnergyRegister.ReactiveExport, EnergyRegister.ApparentExport)]
    [InlineData(100, -40, 110, EnergyRegister.ActiveImport, EnergyRegister.ReactiveQuadrant4, EnergyRegister.ReactiveExport, EnergyRegister.ApparentImport)]
    public void Each_quadrant_books_into_its_registers(int p, int q, int s, EnergyRegister active, EnergyRegister quadrant, EnergyRegister reactive, EnergyRegister apparent)
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        acc.Cycle(p, 0, 0, q, 0, 0, s, 0, 0);
        foreach (EnergyRegister r in Enum.GetValues<EnergyRegister>())
        {
            long expected = r == active ? Math.Abs(p) : r == quadrant || r == reactive ? Math.Abs(q) : r == apparent ? s : 0;
            Assert.Equal(expected, acc.GetCounts(r, MeterChannel.Total));
            Assert.Equal(expected, acc.GetCounts(r, MeterChannel.PhaseA));
        }
        Assert.Equal(QuadrantClassifier.Classify(p, q), acc.LastQuadrant);
    }

    [Fact]
    public void Vector_sum_nets_opposite_phases_and_per_phase_summation_counts_both()
    {
        // Phase A imports 500 W, phase B exports 200 W, phase C idle; Q: A +100, B +100 var.
        // Vector: P = +300 → A+ 300, A− 0; Q = +200 in quadrant I.
        // Per phase: A+ 500 (phase A), A− 200 (phase B); R1 100 (A, P>0) + R2 100 (B, P<0).
        var vector = Meters.Accumulator(summation: PhaseSummation.VectorSum);
        var perPhase = Meters.Accumulator(summation: PhaseSummation.PerPhase);
        foreach (var acc in new[] { vector, perPhase }) acc.Cycle(500, -200, 0, 100, 100, 0, 520, 230, 0);

        Assert.Equal(300, vector.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(0, vector.GetCounts(EnergyRegister.ActiveExport, MeterChannel.Total));
        Assert.Equal(200, vector.GetCounts(EnergyRegister.ReactiveQuadrant1, MeterChannel.Total));
        Assert.Equal(750, vector.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));

        Assert.Equal(500, perPhase.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(200, perPhase.GetCounts(EnergyRegister.ActiveExport, MeterChannel.Total));
        Assert.Equal(100, perPhase.GetCounts(EnergyRegister.ReactiveQuadrant1, MeterChannel.Total));
        Assert.Equal(100, perPhase.GetCounts(EnergyRegister.ReactiveQuadrant2, MeterChannel.Total));
        Assert.Equal(520, perPhase.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
        Assert.Equal(230, perPhase.GetCounts(EnergyRegister.ApparentExport, MeterChannel.Total));

        // The phase registers are the same in both modes.
        Assert.Equal(200, vector.GetCounts(EnergyRegister.ActiveExport, MeterChannel.PhaseB));
    }

    [Fact]
    public void Aron_connection_sums_two_systems_and_ignores_channel_B()
    {
        // Balanced 400 V, 10 A, cos φ = 0.4 lagging (φ = 66.42°) on two wattmeters:
        //   system 1 (U_AB, I_A): P1 = 4000 × cos(φ + 30°) = 4000 × −0.1118 = −447 W,  Q1 = 4000 × sin(96.42°) = 3975 var
        //   system 2 (U_CB, I_C): P2 = 4000 × cos(φ − 30°) = 4000 ×  0.8049 = 3220 W,  Q2 = 4000 × sin(36.42°) = 2374 var
        //   P = P1 + P2 = 2773 W (= √3 × 400 × 10 × 0.4 = 2771 W), Q = 6349 var; S per system 4000 VA.
        //   Total S = √(2773² + 6349²) = √47 999 330 = 6928.16 → 6928 VA (= √3 × 400 × 10 = 6928.2 VA),
        //   not the 8000 VA of the systems' sum.
        // Channel B carries garbage that must not count. Ten 1-s cycles, 1 count = 1 W·s.
        var acc = Meters.Accumulator(ConnectionType.ThreePhaseThreeWireAron);
        for (int i = 0; i < 10; i++) acc.Cycle(-447, 999, 3220, 3975, 999, 2374, 4000, 999, 4000);

        Assert.Equal(27730, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(0, acc.GetCounts(EnergyRegister.ActiveExport, MeterChannel.Total));   // no false export
        Assert.Equal(63490, acc.GetCounts(EnergyRegister.ReactiveQuadrant1, MeterChannel.Total));
        Assert.Equal(69280, acc.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
        Assert.Equal(40000, acc.GetCounts(EnergyRegister.ApparentExport, MeterChannel.PhaseA)); // system 1's own VA, P1 < 0
        Assert.Equal(4470, acc.GetCounts(EnergyRegister.ActiveExport, MeterChannel.PhaseA)); // system 1 alone looks like export
        Assert.Equal(32200, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.PhaseC));
        Assert.Equal(0, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.PhaseB));
        Assert.False(acc.IsPhaseRunning(MeterChannel.PhaseB));
    }

    [Fact]
    public void Aron_exporting_books_the_vector_apparent_energy_into_E_minus()
    {
        // PV feeding back through an Aron meter: P = −3000 − 1000 = −4000 W, Q = 1000 + 2000 = 3000 var
        // → quadrant II, S = √(4000² + 3000²) = 5000 VA into E−; one 1-s cycle, 1 count = 1 W·s.
        var acc = Meters.Accumulator(ConnectionType.ThreePhaseThreeWireAron);
        acc.Cycle(-3000, 0, -1000, 1000, 0, 2000, 3200, 0, 2300);
        Assert.Equal(4000, acc.GetCounts(EnergyRegister.ActiveExport, MeterChannel.Total));
        Assert.Equal(3000, acc.GetCounts(EnergyRegister.ReactiveQuadrant2, MeterChannel.Total));
        Assert.Equal(5000, acc.GetCounts(EnergyRegister.ApparentExport, MeterChannel.Total));
        Assert.Equal(0, acc.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
        Assert.Equal(Quadrant.II, acc.LastQuadrant);
    }

    [Fact]
    public void Aron_with_unequal_constants_is_refused()
    {
        // √(P² + Q²) of counts is only an energy when one count is the same energy in all three quantities.
        var wattSecond = new EnergyConstant(1, 3600);
        var ex = Assert.Throws<ArgumentException>(() => new MeteringConfiguration(ConnectionType.ThreePhaseThreeWireAron, PhaseSummation.VectorSum,
            wattSecond, wattSecond, new EnergyConstant(1, 7200), 1, new CurrentTransformerRatio(5, 5), 0));
        Assert.Contains("Aron", ex.Message);
    }

    [Fact]
    public void Aron_with_per_phase_summation_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Meters.Config(ConnectionType.ThreePhaseThreeWireAron, PhaseSummation.PerPhase));
        Assert.Contains("Aron", ex.Message);
    }

    [Fact]
    public void Single_phase_counts_only_channel_A()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        acc.Cycle(100, 50, 70, 10, 10, 10, 120, 60, 80);
        Assert.Equal(100, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(120, acc.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
        Assert.Equal(0, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.PhaseC));
    }
}
