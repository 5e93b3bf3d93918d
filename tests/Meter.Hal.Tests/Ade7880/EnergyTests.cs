using CsCheck;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// Energy over virtual time against the data sheet's formula. With the rig's Vfs = 460 V,
/// Ifs = 20 A and WTHR = VARTHR = VATHR = 3, one hour of full-scale in-phase power is
/// K = PMAX × fs × 3600 / (THR × 2^27) = 27,059,678 × 1,024,000 × 3600 / 402,653,184
///   = 126,842,240,625 / 512 = 247,738,751.22 counts,
/// and a load gives K × (V/460) × (I/20) × cos φ (sin φ for fundamental reactive, 1 for apparent).
/// </summary>
public class EnergyTests
{
    private const double K = 126_842_240_625.0 / 512;
    private const long Second = 1_000_000;
    private const long Hour = 3600 * Second;

    private static double ExpectedCounts(PhaseLoad load, int quantity, double seconds)
    {
        double ratio = load.VoltageRms / AdeRig.FullScaleVolts * (load.CurrentRms / AdeRig.FullScaleAmps);
        double phi = load.AngleDegrees * Math.PI / 180;
        double factor = quantity switch { Reactive => Math.Sin(phi), Apparent => 1.0, _ => Math.Cos(phi) };
        return K * ratio * factor * seconds / 3600;
    }

    /// <summary>Read counts + what is still unread in the chip = every count the chip produced: nothing lost, nothing twice.</summary>
    private static void AssertConserved(AdeRig rig)
    {
        for (int q = 0; q < 4; q++)
            for (int p = 0; p < 3; p++)
                Assert.Equal(rig.Chip.TotalCounts[q, p] - rig.Chip.LostCounts[q, p], rig.DriverCounts[q, p] + rig.Unread(q, p));
    }

    [Fact]
    public void One_hour_at_known_loads_matches_the_hand_computation()
    {
        var rig = new AdeRig();
        // Each phase a different load, so a register read from the wrong phase cannot pass.
        var a = new PhaseLoad(230, 5, 0);     // PF 1
        var b = new PhaseLoad(220, 3, 60);    // PF 0.5 lagging (inductive)
        var c = new PhaseLoad(240, 7, -60);   // PF 0.5 leading (capacitive)
        rig.SetLoads(a, b, c);
        rig.Start();
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second); // one reading a minute

        // Hand-worked (K as in the class comment):
        // A active    = K × 0.5 × 0.25 × 1        = 30,967,343.90
        // B active    = K × (220/460) × 0.15 × 0.5 =  8,886,281.29; B reactive = × tan 60° = 15,391,490.69
        // C active    = K × (240/460) × 0.35 × 0.5 = 22,619,625.11; C reactive = −39,178,339.94
        // apparent    = A 30,967,343.90, B 17,772,562.59, C 45,239,250.22
        AssertWithinOneCount(30_967_343.90, rig.DriverCounts[Active, 0]);
        AssertWithinOneCount(8_886_281.29, rig.DriverCounts[Active, 1]);
        AssertWithinOneCount(22_619_625.11, rig.DriverCounts[Active, 2]);
        AssertWithinOneCount(0, rig.DriverCounts[Reactive, 0]);
        AssertWithinOneCount(15_391_490.69, rig.DriverCounts[Reactive, 1]);
        AssertWithinOneCount(-39_178_339.94, rig.DriverCounts[Reactive, 2]);
        AssertWithinOneCount(30_967_343.90, rig.DriverCounts[Apparent, 0]);
        AssertWithinOneCount(17_772_562.59, rig.DriverCounts[Apparent, 1]);
        AssertWithinOneCount(45_239_250.22, rig.DriverCounts[Apparent, 2]);
        // Fundamental active equals total active without harmonics.
        AssertWithinOneCount(8_886_281.29, rig.DriverCounts[FundamentalActive, 1]);

        // Through the driver's exact scale: 1150 Wh, 330 Wh, 840 Wh (V × I × cos φ × 1 h), within one LSB.
        var wh = rig.Driver.ActiveScale;
        double lsbWh = (double)wh.Numerator / wh.Denominator;
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 0], wh), 1150 - lsbWh, 1150 + lsbWh);
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 1], wh), 330 - lsbWh, 330 + lsbWh);
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 2], wh), 840 - lsbWh, 840 + lsbWh);
        AssertConserved(rig);
    }

    [Fact]
    public void One_hour_of_export_in_three_quadrants_matches_the_hand_computation()
    {
        var rig = new AdeRig();
        // Export (power flows to the grid): φ > 90° or < −90°, each phase a different V and I.
        var a = new PhaseLoad(230, 5, 180);   // export, PF 1
        var b = new PhaseLoad(230, 4, 120);   // export, PF 0.5, quadrant II (reactive positive)
        var c = new PhaseLoad(225, 6, -120);  // export, PF 0.5, quadrant III (reactive negative)
        rig.SetLoads(a, b, c);
        rig.Start();
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second);

        // Hand-worked, K = 126,842,240,625 / 512 = 247,738,751.22 counts per full-scale hour:
        // A: ratio (230/460)(5/20) = 1/8      → active −K/8 = −30,967,343.90, reactive K/8 × sin 180° = 0,
        //                                         apparent 30,967,343.90
        // B: ratio (230/460)(4/20) = 1/10     → active −K/10 × 0.5 = −12,386,937.56,
        //                                         reactive K/10 × sin 120° = K/10 × 0.8660254 = 21,454,805.21,
        //                                         apparent K/10 = 24,773,875.12
        // C: ratio (225/460)(6/20) = 27/184   → K × 27/184 = 36,352,968.93: active × (−0.5) = −18,176,484.46,
        //                                         reactive × sin(−120°) = −31,482,594.60
        AssertWithinOneCount(-30_967_343.90, rig.DriverCounts[Active, 0]);
        AssertWithinOneCount(-12_386_937.56, rig.DriverCounts[Active, 1]);
        AssertWithinOneCount(-18_176_484.46, rig.DriverCounts[Active, 2]);
        AssertWithinOneCount(0, rig.DriverCounts[Reactive, 0]);
        AssertWithinOneCount(21_454_805.21, rig.DriverCounts[Reactive, 1]);
        AssertWithinOneCount(-31_482_594.60, rig.DriverCounts[Reactive, 2]);
        AssertWithinOneCount(30_967_343.90, rig.DriverCounts[Apparent, 0]);
        AssertWithinOneCount(24_773_875.12, rig.DriverCounts[Apparent, 1]);
        AssertWithinOneCount(36_352_968.93, rig.DriverCounts[Apparent, 2]);
        AssertWithinOneCount(-12_386_937.56, rig.DriverCounts[FundamentalActive, 1]);

        // Through the driver's exact scale: 230 × 5 × −1 = −1150 Wh, 230 × 4 × −0.5 = −460 Wh, 225 × 6 × −0.5 = −675 Wh
        // (V × I × cos φ × 1 h), within one LSB.
        var wh = rig.Driver.ActiveScale;
        double lsbWh = (double)wh.Numerator / wh.Denominator;
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 0], wh), -1150 - lsbWh, -1150 + lsbWh);
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 1], wh), -460 - lsbWh, -460 + lsbWh);
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Active, 2], wh), -675 - lsbWh, -675 + lsbWh);
        AssertConserved(rig);
    }

    [Fact]
    public void The_energy_per_count_is_the_reduced_data_sheet_fraction()
    {
        // 3 × 2^27 × 460 V × 20 A / (27,059,678 × 1,024,000 × 3600) Wh
        //   = 188,416 / 5,073,689,625 Wh ≈ 37.136 µWh (26,928.1 counts per Wh).
        var scale = new EnergyScale(3, 460_000, 20_000);
        Assert.Equal(188_416, scale.Numerator);
        Assert.Equal(5_073_689_625, scale.Denominator);
    }

    public static TheoryData<PhaseLoad, PhaseLoad, PhaseLoad> Loads => new()
    {
        // export (current opposite to voltage) on every phase, each different
        { new PhaseLoad(230, 5, 180), new PhaseLoad(230, 2, 120), new PhaseLoad(100, 1, -150) },
        // PF 0.5 lagging and leading next to PF 1, 60 Hz (B differs from A in V and I, not only in the
        // sign of φ: with equal V and I, cos 60° = cos −60° would give A and B the same active and apparent energy)
        { new PhaseLoad(230, 5, 60, 60), new PhaseLoad(225, 6, -60, 60), new PhaseLoad(231, 4, 0, 60) },
        // one phase off, one at full scale
        { new PhaseLoad(0, 0, 0), new PhaseLoad(460, 20, 0), new PhaseLoad(120, 10, 30) },
    };

    [Theory]
    [MemberData(nameof(Loads))]
    public void One_hour_in_every_quadrant_matches_the_formula_per_phase(PhaseLoad a, PhaseLoad b, PhaseLoad c)
    {
        var rig = new AdeRig();
        rig.SetLoads(a, b, c);
        rig.Start();
        for (int i = 0; i < 120; i++) rig.Cycle(30 * Second);
        var loads = new[] { a, b, c };
        for (int p = 0; p < 3; p++)
            foreach (int q in new[] { Active, Reactive, Apparent })
                AssertWithinOneCount(ExpectedCounts(loads[p], q, 3600), rig.DriverCounts[q, p]);
        AssertConserved(rig);
    }

    [Fact]
    public void Random_loads_and_cycle_lengths_conserve_every_count_and_match_the_formula()
    {
        var phase = Gen.Select(Gen.Double[0, 300], Gen.Double[0, 20], Gen.Double[-180, 180], (v, i, a) => new PhaseLoad(v, i, a));
        Gen.Select(phase, phase, phase, Gen.Int[1, 20], Gen.Int[2, 40]).Sample((a, b, c, cycleSeconds, cycles) =>
        {
            var rig = new AdeRig();
            rig.SetLoads(a, b, c);
            rig.Start();
            for (int i = 0; i < cycles; i++) rig.Cycle(cycleSeconds * Second);
            var loads = new[] { a, b, c };
            double seconds = (double)cycleSeconds * cycles;
            for (int p = 0; p < 3; p++)
                foreach (int q in new[] { Active, Reactive, Apparent })
                {
                    if (Math.Abs(rig.DriverCounts[q, p] - ExpectedCounts(loads[p], q, seconds)) > 1) return false;
                    if (rig.Chip.TotalCounts[q, p] != rig.DriverCounts[q, p] + rig.Unread(q, p)) return false;
                }
            return true;
        }, iter: 25);
    }

    [Fact]
    public void Line_cycle_accumulation_reports_each_period_once_on_lenergy()
    {
        var rig = new AdeRig(c =>
        {
            c.LcycMode = 0x0F;          // LWATT, LVAR, LVA; ZXSEL phase A; RSTREAD = 0
            c.LineCycles = 100;         // 100 half cycles = 1 s at 50 Hz
            c.Mask0 = StatusBits.LENERGY;
        });
        var a = new PhaseLoad(230, 5, 0);
        var b = new PhaseLoad(230, 1, 60);
        var c = new PhaseLoad(230, 2, -30);
        rig.SetLoads(a, b, c);
        rig.Start();
        int windows = 0;
        for (int i = 0; i < 20; i++)
        {
            int edgesBefore = rig.Chip.Irq0Pin.FallingEdges;
            rig.Chip.Advance(250_000);                 // four polls a period
            if (rig.Chip.Irq0Pin.Read()) { rig.Cycle(0); Assert.Equal(0, rig.Reading.Active[0]); continue; }
            Assert.Equal(edgesBefore + 1, rig.Chip.Irq0Pin.FallingEdges); // the edge the app's IRQ0 signal wakes the cycle on
            rig.Cycle(0);
            windows++;
            Assert.True((rig.Reading.Events & MeterEvents.EnergyReady) != 0);
            // One second at phase A: 30,967,343.90 / 3600 = 8,601.98 counts.
            Assert.InRange(rig.Reading.Active[0], 8601, 8602);
            Assert.True(rig.Chip.Irq0Pin.Read()); // LENERGY cleared, IRQ0 released
        }
        Assert.Equal(5, windows);
        for (int p = 0; p < 3; p++)
            AssertWithinOneCount(ExpectedCounts(new[] { a, b, c }[p], Active, 5), rig.DriverCounts[Active, p]);
        Assert.Equal(0, rig.Chip.OverwrittenCounts[Active, 0]);
    }

    [Fact]
    public void Cf_pulses_follow_cfden()
    {
        // CF1 = total active of phases A..C (TERMSEL1 = 111, CF1SEL = 000), CF1DEN = 27 counts a pulse.
        var rig = new AdeRig(c => { c.CfMode = 0x0CA0; c.CfDenominators[0] = 27; });
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 3, 0), new PhaseLoad(230, 2, 0));
        rig.Start();
        rig.Cycle(3600 * Second);
        // K × 0.5 × (0.25 + 0.15 + 0.10) = 61,934,687.81 counts / 27 = 2,293,877.33 pulses
        Assert.InRange(rig.Chip.CfPulses[0], 2_293_876, 2_293_878);
        Assert.Equal(0, rig.Chip.CfPulses[1]); // CF2 disabled
        Assert.True((rig.Reading.Events & MeterEvents.CfPulse) != 0);
    }

    private static void AssertWithinOneCount(double expected, long actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1.0, $"expected {expected:F2} ± 1 count, got {actual}");

    [Fact]
    public void Half_full_flags_fire_at_2_pow_30_in_either_direction_not_at_zero_crossings()
    {
        var rig = new AdeRig();
        // A imports at full scale: K = 247,738,751.22 counts/h, so 2^30 = 1,073,741,824 counts is
        // reached after 4.334 h. B exports at 455 V (not A's 460 V, so that its apparent energy differs
        // too): K × 455/460 = 245,045,938.81 counts/h, 2^30 after 4.382 h. C exports a little.
        rig.SetLoads(new PhaseLoad(460, 20, 0), new PhaseLoad(455, 20, 180), new PhaseLoad(230, 1, 180));
        rig.Start();
        rig.Chip.Advance(4 * Hour);
        Assert.Equal(0u, rig.Chip.Peek(Register.STATUS0) & (StatusBits.AEHF | StatusBits.VAEHF)); // A 990,955,005, B −980,183,755 counts: not yet
        rig.Chip.Advance(Hour / 2);
        Assert.NotEqual(0u, rig.Chip.Peek(Register.STATUS0) & StatusBits.AEHF);
        Assert.NotEqual(0u, rig.Chip.Peek(Register.STATUS0) & StatusBits.VAEHF);
        Assert.True(rig.Chip.Peek(Register.BWATTHR) >= 0x80000000u && rig.Chip.Peek(Register.BWATTHR) < 0xC0000000u); // −1,102,706,725: below −2^30
        rig.Cycle(0);
        Assert.Equal(StatusBits.AEHF | StatusBits.VAEHF, rig.Reading.Status0 & (StatusBits.AEHF | StatusBits.VAEHF));
        // After read-with-reset the small export on C goes below zero at once: no half-full flag.
        rig.SetLoads(PhaseLoad.Off(), PhaseLoad.Off(), new PhaseLoad(230, 1, 180));
        rig.Cycle(10 * Second);
        Assert.Equal(0u, rig.Reading.Status0 & StatusBits.AEHF);
        Assert.True(rig.Reading.Active[2] < 0);
    }

    [Fact]
    public void Harmonics_count_in_total_active_energy_but_not_in_fundamental()
    {
        var rig = new AdeRig();
        // Phase A: 230 V 5 A PF 1 plus a 5th harmonic of 11.5 V / 1 A in phase:
        // total active = 1150 + 11.5 W, fundamental = 1150 W, apparent = √(230²+11.5²) × √(5²+1²) = 1181.88 VA.
        var a = new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(5, 11.5, 1, 0) } };
        rig.SetLoads(a, new PhaseLoad(230, 2, 0), new PhaseLoad(230, 3, 0));
        rig.Start();
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second);
        double perWh = 1 / ((double)rig.Driver.ActiveScale.Numerator / rig.Driver.ActiveScale.Denominator); // 26,928.13 counts/Wh
        Assert.InRange(rig.DriverCounts[Active, 0], 1161.5 * perWh - 1, 1161.5 * perWh + 1);
        Assert.InRange(rig.DriverCounts[FundamentalActive, 0], 1150 * perWh - 1, 1150 * perWh + 1);
        double va = Math.Sqrt(230 * 230 + 11.5 * 11.5) * Math.Sqrt(26);
        Assert.InRange(rig.DriverCounts[Apparent, 0], va * perWh - 1, va * perWh + 1);
    }

    [Fact]
    public void A_current_ramp_integrates_to_the_mean_power()
    {
        var rig = new AdeRig();
        // Phase B ramps 0 → 10 A over the hour at 230 V, PF 1: 230 × 5 A (mean) × 1 h = 1150 Wh.
        rig.SetLoads(new PhaseLoad(230, 1, 0), new PhaseLoad(230, 0, 0), new PhaseLoad(230, 2, 0));
        rig.Start();
        rig.Chip.Phases[1].RampBetween(rig.Chip.NowUs, rig.Chip.NowUs + Hour, new PhaseLoad(230, 10, 0));
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second);
        // 1150 Wh = K × 0.5 × 0.25 counts = 30,967,343.90 (same as phase A at 5 A in the hand-worked test).
        Assert.InRange(rig.DriverCounts[Active, 1], 30_967_343 - 2, 30_967_344 + 2);
    }

    [Fact]
    public void The_energy_scale_is_exactly_the_data_sheet_threshold_fraction_for_any_board()
    {
        // num/den = THR × 2^27 × Vfs × Ifs / (PMAX × fs × 3600 × 10^6)   [mV·mA → W], checked in big integers.
        Gen.Select(Gen.Int[1, 255], Gen.Int[1, 1000], Gen.Int[1, 1000]).Sample((thr, volts, amps) =>
        {
            var scale = new EnergyScale(thr, volts * 1000, amps * 1000);
            var left = (System.Numerics.BigInteger)scale.Numerator * 27_059_678 * 1_024_000 * 3600 * 1_000_000;
            var right = (System.Numerics.BigInteger)scale.Denominator * thr * (1L << 27) * (volts * 1000L) * (amps * 1000L);
            // whole volts and amps (≤ 1000 V, ≤ 1000 A) keep both terms within the metrology's 10^12 limit:
            // 10^6 always cancels, so numerator ≤ THR × 512 × V × I and denominator ≤ 13,529,839 × 28,125.
            return left == right && scale.Numerator <= (long)thr * 512 * volts * amps && scale.Denominator <= 380_526_721_875;
        }, iter: 5000);
    }

    [Fact]
    public void A_larger_varthr_gives_fewer_reactive_counts_of_more_varh_each()
    {
        var rig = new AdeRig(c => c.ReactiveThreshold = 6);
        rig.SetLoads(new PhaseLoad(230, 5, 90), new PhaseLoad(230, 4, -90), new PhaseLoad(230, 2, 30));
        rig.Start();
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second);
        // Phase A: 230 V × 5 A × sin 90° = 1150 var·h: K/2 × 0.125 = 15,483,671.95 counts at VARTHR = 6.
        // Phase B: 230 V × 4 A × sin −90° = −920 var·h: −K/2 × 0.1 = −12,386,937.56 counts.
        AssertWithinOneCount(15_483_671.95, rig.DriverCounts[Reactive, 0]);
        AssertWithinOneCount(-12_386_937.56, rig.DriverCounts[Reactive, 1]);
        var varh = rig.Driver.ReactiveScale;
        Assert.Equal(2 * rig.Driver.ActiveScale.Numerator * varh.Denominator, varh.Numerator * rig.Driver.ActiveScale.Denominator);
        Assert.InRange(AdeRig.Wh(rig.DriverCounts[Reactive, 0], varh), 1150 - 0.0001, 1150 + 0.0001);
    }

    [Fact]
    public void A_step_in_the_load_is_integrated_exactly_on_both_sides()
    {
        var rig = new AdeRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 1, 0), new PhaseLoad(230, 2, 0));
        rig.Start();
        rig.Chip.Phases[0].StepAt(rig.Chip.NowUs + 1800 * Second + 123_456, new PhaseLoad(230, 10, 0));
        for (int i = 0; i < 60; i++) rig.Cycle(60 * Second);
        // 5 A for 1800.123456 s, then 10 A for 1799.876544 s at 230 V, PF 1:
        // K × 0.5 × (0.25 × 1800.123456 + 0.5 × 1799.876544) / 3600
        //   = 247,738,751.22 × 0.5 × 1349.969136 / 3600 = 46,449,953.88 counts.
        AssertWithinOneCount(46_449_953.88, rig.DriverCounts[Active, 0]);
    }
}
