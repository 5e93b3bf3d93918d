using System.Numerics;
using CsCheck;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>
/// The window starting gate on the presets' real count sizes (EN 50470-3 no-load and starting tests;
/// IEC 62053-21:2003 §8.3.2 no-load, §8.3.3 starting).
/// </summary>
public class StartingGateTests
{
    // direct-5-105a / single-phase-5-100a (Meter.Core LedCalibrationTests): 1 count = 588 780 056 / 211 403 734 375 Wh
    // = 2.785 098 mWh = 10.026 352 W·s = 10 026 351.75 mVA·ms. Class B, Ib 5 A, Un 230 V: Ist = 20 mA, threshold
    // 80 % × 230 V × 20 mA = 3.68 VA.
    private static readonly EnergyConstant Direct = new(588_780_056, 211_403_734_375);
    private const long DirectThreshold = 3680;

    // ct-5-6a (Meter.Core StartingThresholdTests): 1 count = 32 024 272 / 211 403 734 375 Wh = 0.545 342 W·s;
    // class C, In 5 A: Ist = 5 mA, threshold 80 % × 230 V × 5 mA = 0.92 VA.
    private static readonly EnergyConstant Ct = new(32_024_272, 211_403_734_375);
    private const long CtThreshold = 920;

    /// <summary>
    /// Counts a chip delivers for a steady load of <paramref name="milliVa"/> per phase in 1-s cycles: it keeps the
    /// remainder, so cycle n (from 1) gives floor(n × r) − floor((n − 1) × r), r = mVA × 1000 ms / (mVA·ms per count).
    /// </summary>
    private sealed class SteadyLoad(EnergyConstant c, long milliVa)
    {
        private long _n;
        // r = mVA × 1000 × den / (num × 3.6e9)
        private readonly BigInteger _a = (BigInteger)milliVa * 1000 * c.Denominator;
        private readonly BigInteger _b = (BigInteger)c.Numerator * 3_600_000_000L;

        public int Next()
        {
            _n++;
            return (int)(_a * _n / _b - _a * (_n - 1) / _b);
        }

        /// <summary>Exact applied energy so far in counts, rounded down.</summary>
        public BigInteger AppliedCounts => _a * _n / _b;
    }

    private static EnergyAccumulator Accumulator(EnergyConstant c, long threshold, ConnectionType connection = ConnectionType.ThreePhaseFourWire)
        => Meters.Accumulator(connection, constant: c, thresholdMilliVa: threshold);

    [Fact]
    public void Window_of_the_direct_and_CT_presets()
    {
        // Target: least T with 3.68 VA × T ≥ 20 counts = 200.527 W·s → T ≥ 54 491.04 ms → 54 492 ms; 1-s cycles: 55 of
        // them (55 s ≥ 54.492 s > 54 s). Threshold of 55 s: ceil(3.68 × 55 / 10.026 352) = ceil(20.187) = 21 counts.
        var direct = Accumulator(Direct, DirectThreshold);
        Assert.Equal(54_492, direct.StartingGate.WindowTargetMilliseconds);
        for (int i = 0; i < 70; i++) direct.Cycle(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal(55, direct.StartingGate.WindowCycles);
        Assert.Equal(55_000, direct.StartingGate.WindowMilliseconds);
        Assert.Equal(21, direct.StartingGate.WindowThresholdCounts);

        // CT: 20 × 0.545 342 W·s / 0.92 VA = 11.855 s → 11 856 ms → 12 cycles: ceil(0.92 × 12 / 0.545 342) = ceil(20.244) = 21.
        var ct = Accumulator(Ct, CtThreshold);
        Assert.Equal(11_856, ct.StartingGate.WindowTargetMilliseconds);
        for (int i = 0; i < 70; i++) ct.Cycle(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal(12, ct.StartingGate.WindowCycles);
        Assert.Equal(21, ct.StartingGate.WindowThresholdCounts);
    }

    [Fact]
    public void At_the_starting_current_the_direct_meter_starts_and_registers_the_applied_energy()
    {
        // Ist = 20 mA at 230 V, cos φ = 1: 4.6 W per phase = 4.6 / 10.026 352 = 0.458 791 counts/s. The window is
        // judged over the 54.492-s target until 55 cycles have passed (threshold 21): cycle 46 is the first with
        // floor(46 × 0.458 791) = 21 counts, so the meter starts there and releases all 21 held counts per phase.
        var acc = Accumulator(Direct, DirectThreshold);
        var load = new SteadyLoad(Direct, 4600);
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 100, NoLoadIndication.Off));
        for (int second = 1; second <= 3600; second++)
        {
            int c = load.Next();
            acc.Cycle(c, c, c, 0, 0, 0, c, c, c);
            pin.Now = second * 1000L;
            s0.Update(pin.Now);
            pin.Now += 500;
            s0.Update(pin.Now);
            if (second < 46) Assert.True(acc.IsNoLoad);
            else Assert.False(acc.IsNoLoad); // starts at 46 and keeps registering: never stops again
            if (second == 46) Assert.Equal(3 * 21, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        }
        // Applied in 1 h: 3600 × 0.458 791 = 1651.65 counts per phase; the chip delivers floor of it, 1651, and all of
        // them are registered: 3 × 1651 = 4953 counts × 2.785 098 mWh = 13 794.6 mWh (applied 3 × 4.6 W × 1 h = 13.8 Wh; the rest,
        // 3 × 0.65 count = 5.4 mWh, is still in the chip).
        Assert.Equal(1651, load.AppliedCounts);
        Assert.Equal(4953, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(13_794, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3));
        // 13.79 Wh at 1000 imp/kWh: 13 S0 pulses.
        Assert.Equal(13, pin.RisingEdges);
    }

    [Fact]
    public void At_half_the_threshold_and_with_voltage_only_nothing_registers_and_no_pulse_is_emitted()
    {
        // 50 % of the threshold, 1.84 VA per phase = 0.183 516 counts/s: a 55-s window holds 10 or 11 counts < 21.
        // Judged per cycle (one count ≥ the 1-count per-cycle threshold) every fifth or sixth second would register:
        // 0.1835 × 86 400 = 15 855 counts a day per phase.
        var acc = Accumulator(Direct, DirectThreshold);
        var load = new SteadyLoad(Direct, 1840);
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 100_000, false, 30, 100, NoLoadIndication.Off));
        long maximumHeld = 0;
        for (int second = 1; second <= 86_400; second++)
        {
            int c = load.Next();
            acc.Cycle(c, c, c, 0, 0, 0, c, c, c);
            pin.Now = second * 1000L;
            s0.Update(pin.Now);
            Assert.True(acc.IsNoLoad);
            maximumHeld = Math.Max(maximumHeld, acc.StartingGate.HeldApparent(0));
        }
        Assert.Equal(15_855, load.AppliedCounts);
        foreach (EnergyRegister r in Enum.GetValues<EnergyRegister>())
            for (int ch = 0; ch < 4; ch++) Assert.Equal(0, acc.GetCounts(r, ch));
        Assert.Equal(0, pin.RisingEdges);
        Assert.Equal(Quadrant.None, acc.LastQuadrant);
        // A power cut loses at most the held window: below its 21-count threshold (here ≤ 11 counts = 0.03 Wh).
        Assert.InRange(maximumHeld, 10, 20);

        // Voltage only at 115 % Un, no current: the chip's offset leaves a count every 7 s on each phase (1.43 W, 39 % of
        // the threshold: 7 or 8 counts a window). 24 h: nothing registered.
        var noCurrent = Accumulator(Direct, DirectThreshold);
        for (int second = 1; second <= 86_400; second++)
        {
            int c = second % 7 == 0 ? 1 : 0;
            noCurrent.Cycle(c, c, c, 0, 0, 0, c, c, c);
        }
        Assert.True(noCurrent.IsNoLoad);
        Assert.Equal(0, noCurrent.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
        Assert.Equal(0, noCurrent.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
    }

    [Fact]
    public void A_load_at_full_power_is_registered_from_its_first_cycle()
    {
        // Imax 105 A at 230 V: 24 150 W per phase = 2408.65 counts/s; the first cycle gives floor(2408.65) = 2408 ≥ 21.
        var acc = Accumulator(Direct, DirectThreshold);
        for (int i = 0; i < 120; i++) acc.Cycle(0, 0, 0, 0, 0, 0, 0, 0, 0); // voltage only before
        var load = new SteadyLoad(Direct, 24_150_000);
        int c = load.Next();
        Assert.Equal(2408, c);
        acc.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
        Assert.False(acc.IsNoLoad);
        Assert.True(acc.IsPhaseRunning(MeterChannel.PhaseA));
        Assert.False(acc.IsPhaseRunning(MeterChannel.PhaseB));
        Assert.Equal(2408, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        Assert.Equal(Quadrant.I, acc.LastQuadrant);
    }

    [Fact]
    public void A_load_just_above_the_threshold_loses_nothing()
    {
        // 3.9 VA (106 % of the threshold, 85 % of Un × Ist) = 0.388 976 counts/s. Cycle 54 is the first with
        // floor(54 × 0.388 976) = 21: the meter starts there and releases the 21 counts held since cycle 1. From then on
        // every 55-s window holds ≥ floor(55 × 0.388 976) = 21 counts: it never stops. Registered = every count delivered.
        var acc = Accumulator(Direct, DirectThreshold, ConnectionType.SinglePhase);
        var load = new SteadyLoad(Direct, 3900);
        for (int second = 1; second <= 3600; second++)
        {
            int c = load.Next();
            acc.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
            Assert.Equal(second >= 54, !acc.IsNoLoad);
        }
        // 3600 × 0.388 976 = 1400.31 → 1400 counts delivered, 1400 registered (A+ and E+ alike).
        Assert.Equal(1400, load.AppliedCounts);
        Assert.Equal(1400, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.PhaseA));
        Assert.Equal(1400, acc.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
    }

    [Fact]
    public void At_a_stop_edge_the_meter_runs_one_window_on_and_registers_less_than_the_window_threshold()
    {
        // 1 kW for 10 min (99.74 counts/s), then a creep of one count every 10 s. Each 55-s window that still holds a
        // load cycle is far above 21, so the phase runs on for 54 cycles after the switch-off and stops at the 55th
        // (the window then holds only creep: 5 or 6 counts). The creep registered meanwhile, 5 counts (seconds 610 …
        // 650), lies in the window of the stopping cycle and is below its 21-count threshold.
        var acc = Accumulator(Direct, DirectThreshold, ConnectionType.SinglePhase);
        var load = new SteadyLoad(Direct, 1_000_000);
        for (int second = 1; second <= 600; second++)
        {
            int c = load.Next();
            acc.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
        }
        long atSwitchOff = acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
        Assert.Equal((long)load.AppliedCounts, atSwitchOff); // 600 × 99.737 = 59 842
        for (int second = 601; second <= 700; second++)
        {
            int c = second % 10 == 0 ? 1 : 0;
            acc.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
            Assert.Equal(second >= 655, acc.IsNoLoad);
        }
        Assert.Equal(5, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total) - atSwitchOff);
    }

    [Fact]
    public void The_CT_preset_blocks_a_load_at_87_percent_of_its_threshold()
    {
        // 0.8 VA = 1.466 96 counts/s. Judged per cycle (2 counts) half of the cycles (those with 2 counts) would register;
        // over the 12-s window: 17 or 18 counts < 21, nothing. At Ist, 1.15 VA = 2.108 77 counts/s: the window reaches 21
        // at cycle 10 (floor(10 × 2.108 77) = 21) and from then on registers every count: 3600 s → 7591.
        var below = Accumulator(Ct, CtThreshold, ConnectionType.SinglePhase);
        var weak = new SteadyLoad(Ct, 800);
        for (int i = 0; i < 3600; i++) { int c = weak.Next(); below.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0); }
        Assert.Equal(0, below.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));

        var atIst = Accumulator(Ct, CtThreshold, ConnectionType.SinglePhase);
        var ist = new SteadyLoad(Ct, 1150);
        for (int second = 1; second <= 3600; second++)
        {
            int c = ist.Next();
            atIst.Cycle(c, 0, 0, 0, 0, 0, c, 0, 0);
            Assert.Equal(second >= 10, !atIst.IsNoLoad);
        }
        Assert.Equal(7591, atIst.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
    }

    [Fact]
    public void Counts_above_the_threshold_are_all_registered_and_near_it_the_gate_matches_its_model()
    {
        // (1) A load switched on with at least the window's threshold energy in its first cycle (S ≥ ceil(thr × max(ms, target)
        // / 10^6), 1 count = 1 VA·s) and at or above the threshold rate after it (S ≥ ceil(thr × ms / 10^6)): every window
        // reaches the threshold, so every count is registered from the first cycle on and the registers are the exact sums.
        // (2) Apparent counts of 0 … 3 per cycle of 200 … 3000 ms near thresholds of 0.5 … 2 VA: registers equal the
        // independent ReferenceModel's (window recomputed from scratch, held cycles as lists).
        var above = Gen.Select(Gen.Int[1, 4], Gen.Int[200, 3000].Array[1, 80], Gen.Int[0, 50].Array[80]);
        above.Sample((thrVa, ms, extra) =>
        {
            long thr = thrVa * 1000L;
            var acc = Meters.Accumulator(ConnectionType.SinglePhase, thresholdMilliVa: thr);
            long target = acc.StartingGate.WindowTargetMilliseconds; // ceil(20 × 10^6 / thr): 20 000 ms at 1 VA … 5000 ms at 4 VA
            Assert.Equal((20_000_000 + thr - 1) / thr, target);
            long sumS = 0;
            for (int i = 0; i < ms.Length; i++)
            {
                long judged = i == 0 ? Math.Max(ms[i], target) : ms[i];
                int s = (int)((thr * judged + 999_999) / 1_000_000) + extra[i];
                acc.AddCycle(new[] { s, 0, 0 }, new[] { 0, 0, 0 }, new[] { s, 0, 0 }, 0, ms[i]); // P = S (cos φ = 1)
                sumS += s;
                Assert.False(acc.IsNoLoad);
            }
            Assert.Equal(sumS, acc.GetCounts(EnergyRegister.ApparentImport, MeterChannel.Total));
            Assert.Equal(sumS, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.PhaseA));
        }, iter: 200);

        var near = Gen.Select(
                Gen.OneOf(Gen.Const(ConnectionType.ThreePhaseFourWire), Gen.Const(ConnectionType.ThreePhaseThreeWireAron), Gen.Const(ConnectionType.SinglePhase)),
                Gen.OneOf(Gen.Const(PhaseSummation.VectorSum), Gen.Const(PhaseSummation.PerPhase)),
                Gen.Long[500, 2000],
                Gen.Select(Gen.Int[-3, 3].Array[3], Gen.Int[-3, 3].Array[3], Gen.Int[0, 3].Array[3], Gen.Int[200, 3000], Gen.Int[0, 1])
                    .Array[1, 200])
            .Where((c, s, _, _) => !(c == ConnectionType.ThreePhaseThreeWireAron && s == PhaseSummation.PerPhase));
        near.Sample((connection, summation, thr, cycles) =>
        {
            var acc = Meters.Accumulator(connection, summation, tariffs: 2, thresholdMilliVa: thr);
            var model = new ReferenceModel(connection, summation, thr);
            Assert.Equal(model.Gate.TargetMs, acc.StartingGate.WindowTargetMilliseconds);
            foreach (var (p, q, s, ms, tariff) in cycles)
            {
                acc.AddCycle(p, q, s, tariff, ms);
                model.Add(p, q, s, tariff, ms);
                for (int ph = 0; ph < 3; ph++)
                {
                    Assert.Equal(model.Gate.IsRunning(ph), acc.IsPhaseRunning(ph));
                    Assert.Equal(model.Gate.Held(ph), acc.StartingGate.HeldCycles(ph));
                }
            }
            for (int channel = 0; channel < 4; channel++)
                foreach (var name in ReferenceModel.Names)
                    Assert.Equal(model.Get(name, channel), (BigInteger)acc.GetCounts(ReferenceModel.RegisterOf(name), channel));
            for (int tariff = 0; tariff < 2; tariff++)
            {
                Assert.Equal(model.TariffA(tariff), (BigInteger)acc.GetTariffActiveImportCounts(tariff));
                Assert.Equal(model.TariffR(tariff), (BigInteger)acc.GetTariffReactiveImportCounts(tariff));
            }
            for (int ch = 0; ch < 4; ch++)
            {
                Assert.Equal(acc.GetCounts(EnergyRegister.ReactiveImport, ch), acc.GetCounts(EnergyRegister.ReactiveQuadrant1, ch) + acc.GetCounts(EnergyRegister.ReactiveQuadrant2, ch));
                Assert.Equal(acc.GetCounts(EnergyRegister.ReactiveExport, ch), acc.GetCounts(EnergyRegister.ReactiveQuadrant3, ch) + acc.GetCounts(EnergyRegister.ReactiveQuadrant4, ch));
            }
        }, iter: 300);
    }

    [Fact]
    public void Bad_input_is_refused_before_anything_changes_and_unused_phases_never_run()
    {
        // Aron: systems in A and C; B is no measuring system and never runs whatever it is fed.
        var gate = new StartingGate(Meters.Config(ConnectionType.ThreePhaseThreeWireAron, thresholdMilliVa: 1000));
        Assert.Equal(20_000, gate.WindowTargetMilliseconds); // 20 counts × 1 VA·s / 1 VA
        gate.AddCycle(new[] { 30, 30, 30 }, new[] { 0, 0, 0 }, new[] { 30, 30, 30 }, 1000);
        Assert.True(gate.IsRunning(0));
        Assert.False(gate.IsRunning(1));
        Assert.True(gate.IsRunning(2));
        Assert.Equal(30, gate.ReleasedApparent(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => gate.AddCycle(new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, new[] { 0, -1, 0 }, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => gate.AddCycle(new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, 0));
        Assert.Throws<ArgumentException>(() => gate.AddCycle(new[] { 0, 0 }, new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => gate.IsRunning(3));
        // Nothing changed: still one cycle in the window, phase A still released its 30 counts.
        Assert.Equal(1, gate.WindowCycles);
        Assert.Equal(30, gate.ReleasedApparent(0));

        // A threshold whose 2-h window overflows the exact arithmetic is refused when the accumulator is built, not in a cycle.
        Assert.Throws<ArgumentOutOfRangeException>(() => Meters.Accumulator(thresholdMilliVa: long.MaxValue / 1000));
    }
}
