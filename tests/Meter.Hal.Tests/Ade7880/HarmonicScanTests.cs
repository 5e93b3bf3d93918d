using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>Quality measurement in the driver: the harmonic scan over phases and orders, voltage-to-voltage angles, frame counts.</summary>
public class HarmonicScanTests
{
    private const int Row = PhaseMeasurements.MaxHarmonicOrder + 1;

    private static AdeRig QualityRig(bool quality = true) => new(c => c.QualityMeasurement = quality);

    [Fact]
    public void Quality_measurement_sets_anglesel_01_and_starts_the_orders_at_2_3_4()
    {
        var rig = QualityRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0));
        rig.Start();
        // COMPMODE reset value 0x01FF with ANGLESEL (bits 10:9) = 01 → 0x03FF.
        Assert.Equal(0x03FFu, rig.Chip.Peek(Register.COMPMODE));
        Assert.Equal(new uint[] { 2, 3, 4 }, new[] { rig.Chip.Peek(Register.HX), rig.Chip.Peek(Register.HY), rig.Chip.Peek(Register.HZ) });

        var off = QualityRig(false);
        off.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0));
        off.Start();
        Assert.Equal(0x01FFu, off.Chip.Peek(Register.COMPMODE));
        Assert.Equal(new uint[] { 3, 5, 7 }, new[] { off.Chip.Peek(Register.HX), off.Chip.Peek(Register.HY), off.Chip.Peek(Register.HZ) });
    }

    [Fact]
    public void Each_settled_phase_gives_its_fundamental_and_three_harmonics_then_the_orders_move_on_after_phase_c()
    {
        var rig = QualityRig();
        // A: 2nd 4.6 V (2 %), 3rd 11.5 V (5 %), 5th 13.8 V (6 %); B: 4th 2.3 V (1 %), PF 0.5; C: none.
        rig.SetLoads(
            new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(2, 4.6, 0, 0), new Harmonic(3, 11.5, 0, 0), new Harmonic(5, 13.8, 0, 0) } },
            new PhaseLoad(220, 3, 60) { Harmonics = new[] { new Harmonic(4, 2.3, 0, 0) } },
            new PhaseLoad(240, 7, 0));
        rig.Start();
        var m = new PhaseMeasurements();
        var frames = new long[3];
        for (int i = 0; i < 3; i++)
        {
            rig.Chip.Advance(800_000); // HSTIME 750 ms
            long before = rig.Driver.Bus.Transactions;
            rig.Driver.ReadMeasurements(m);
            frames[i] = rig.Driver.Bus.Transactions - before;
            Assert.Equal(i, m.HarmonicPhase);
            Assert.Equal(2, m.HarmonicFirstOrder);
        }
        // 27 + STATUS0 + VTHD, ITHD, HCONFIG, STATUS0 = 32, + FVRMS, FWATT, FVA, HXVRMS, HYVRMS, HZVRMS = 38;
        // after phase C also HX, HY, HZ = 41.
        Assert.Equal(new long[] { 38, 38, 41 }, frames);
        Assert.Equal(new uint[] { 5, 6, 7 }, new[] { rig.Chip.Peek(Register.HX), rig.Chip.Peek(Register.HY), rig.Chip.Peek(Register.HZ) });

        // Codes on the xVRMS scale: V / 460 V × 3,766,572.
        // A: 230 → 1,883,286; 4.6 → 37,665.72; 11.5 → 94,164.3; 4th none → 0.
        Assert.Equal(1_883_286, m.FundamentalVoltageRms[0]);
        Assert.InRange(m.HarmonicVoltageRms[0 * Row + 2], 37_665, 37_666);
        Assert.InRange(m.HarmonicVoltageRms[0 * Row + 3], 94_164, 94_165);
        Assert.Equal(0, m.HarmonicVoltageRms[0 * Row + 4]);
        // B: 4th 2.3 → 18,832.86; fundamental 220 → 1,801,404.5
        Assert.InRange(m.HarmonicVoltageRms[1 * Row + 4], 18_832, 18_833);
        Assert.InRange(m.FundamentalVoltageRms[1], 1_801_404, 1_801_405);
        // Displacement factor of B: fundamental active / fundamental apparent = cos 60° = 0.5.
        Assert.InRange((double)m.FundamentalActivePower[1] / m.FundamentalApparentPower[1], 0.4999, 0.5001);
        Assert.InRange((double)m.FundamentalActivePower[0] / m.FundamentalApparentPower[0], 0.9999, 1.0001);

        // Next round: orders 5–7 on A: 5th 13.8 V → 112,997.16.
        rig.Chip.Advance(800_000);
        rig.Driver.ReadMeasurements(m);
        Assert.Equal(0, m.HarmonicPhase);
        Assert.Equal(5, m.HarmonicFirstOrder);
        Assert.InRange(m.HarmonicVoltageRms[0 * Row + 5], 112_997, 112_998);
        // The phase and order switches are outside the checksum: metering goes on without a reset.
        rig.Cycle(1_000_000);
        Assert.False(rig.Reading.ChipWasReset);
    }

    [Fact]
    public void The_scan_wraps_from_orders_23_to_25_back_to_2_to_4()
    {
        var rig = QualityRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(25, 2.3, 0, 0) } }, new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0));
        rig.Start();
        var m = new PhaseMeasurements();
        var firstOrders = new List<int>();
        for (int i = 0; i < 27; i++)
        {
            rig.Chip.Advance(800_000);
            rig.Driver.ReadMeasurements(m);
            if (m.HarmonicPhase == 0)
            {
                firstOrders.Add(m.HarmonicFirstOrder);
                if (m.HarmonicFirstOrder == 23) Assert.InRange(m.HarmonicVoltageRms[25], 18_832, 18_833); // 2.3 V
            }
        }
        Assert.Equal(new[] { 2, 5, 8, 11, 14, 17, 20, 23, 2 }, firstOrders);
    }

    [Fact]
    public void Angles_measure_the_delays_between_phase_voltages_with_quality_measurement()
    {
        var rig = QualityRig();
        // B leads its symmetrical place by 3°: A→B 117°, B→C 123°, A→C 240°.
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 30) { VoltageShiftDegrees = 3 }, new PhaseLoad(230, 5, 0));
        rig.Start();
        var m = new PhaseMeasurements();
        rig.Driver.ReadMeasurements(m);
        Assert.True(m.AnglesBetweenVoltages);
        // 256 kHz / 50 Hz = 5120 ticks per period: 240° → 3413.3; 123° → 1749.3; 117° → 1664.
        Assert.Equal(new[] { 3413, 1749, 1664 }, m.Angle);
    }

    [Fact]
    public void The_energy_cycle_sends_the_same_frames_with_quality_measurement_on_or_off()
    {
        long FramesOfTenCycles(bool quality)
        {
            var rig = QualityRig(quality);
            rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 3, 60), new PhaseLoad(230, 7, -60));
            rig.Start();
            var m = new PhaseMeasurements();
            long frames = 0;
            for (int i = 0; i < 10; i++)
            {
                rig.Chip.Advance(1_000_000);
                long before = rig.Driver.Bus.Transactions;
                rig.Driver.TakeEnergy(rig.Reading);
                frames += rig.Driver.Bus.Transactions - before;
                rig.Driver.ReadMeasurements(m); // the scan runs between the energy cycles
            }
            return frames;
        }
        long off = FramesOfTenCycles(false), on = FramesOfTenCycles(true);
        Assert.Equal(off, on);
        Assert.True(off > 0);
    }

    [Theory]
    [InlineData(0xE8, "HRATE")]      // HRATE = 111: the harmonic engine is off
    [InlineData(0x09, "HRCFG")]      // HRCFG = 1
    public void Quality_measurement_with_the_harmonic_engine_unable_to_scan_is_refused(int hconfig, string named)
    {
        var rig = new AdeRig(c => { c.QualityMeasurement = true; c.HConfig = hconfig; });
        var e = Assert.Throws<ArgumentException>(() => rig.Start());
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Quality_measurement_without_three_voltage_sensors_is_refused()
    {
        var rig = new AdeRig(c => { c.QualityMeasurement = true; c.AccMode = 0x90; }); // CONSEL = 01 (3-wire delta)
        var e = Assert.Throws<ArgumentException>(() => rig.Start());
        Assert.Contains("CONSEL", e.Message);
    }

    [Fact]
    public void Waveform_samples_carry_each_harmonic_at_its_own_phase()
    {
        var rig = QualityRig();
        // Phase A: 230 V fundamental, 3rd harmonic 23 V at +90°.
        rig.SetLoads(new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(3, 23, 0, 0, 90) } }, new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0));
        rig.Start();
        // To a whole number of 50 Hz periods (20 ms): the fundamental of A is at 0°, its sine 0, and the 3rd at 3·0° + 90°.
        rig.Chip.Advance(20_000 - rig.Chip.NowUs % 20_000);
        // VAWV = 23 V / 460 V × 5,326,737 (full-scale peak code) × sin 90° = 266,336.85.
        Assert.InRange(rig.Driver.Bus.Read(Register.VAWV), 266_336, 266_337);
        // A quarter period later: fundamental at 90° (230/460 × 5,326,737 = 2,663,368.5), the 3rd at 270° + 90° = 0°.
        rig.Chip.Advance(5_000);
        Assert.InRange(rig.Driver.Bus.Read(Register.VAWV), 2_663_368, 2_663_369);
    }

    [Fact]
    public void A_frequency_drift_ramps_the_line_period()
    {
        var rig = QualityRig();
        var load = new PhaseLoad(230, 5, 0);
        rig.SetLoads(load, load, load);
        rig.Start();
        long t0 = rig.Chip.NowUs;
        rig.Chip.Phases[0].RampBetween(t0, t0 + 100_000_000, load with { FrequencyHz = 49 });
        var m = new PhaseMeasurements();
        rig.Chip.Advance(50_000_000); // half way: 49.5 Hz → 256,000 / 49.5 = 5171.7 ticks
        rig.Driver.ReadMeasurements(m);
        Assert.Equal(5172, m.Period[0]);
        rig.Chip.Advance(60_000_000); // past the end: 49 Hz → 5224.5 → 5224 or 5225
        rig.Driver.ReadMeasurements(m);
        Assert.InRange(m.Period[0], 5224, 5225);
        Assert.Equal(5120, m.Period[1]);
    }

    [Fact]
    public void A_chip_reset_restarts_the_scan_at_orders_2_to_4_with_the_voltage_angles()
    {
        var rig = QualityRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0));
        rig.Start();
        var m = new PhaseMeasurements();
        for (int i = 0; i < 4; i++) { rig.Chip.Advance(800_000); rig.Driver.ReadMeasurements(m); }
        Assert.Equal(5, m.HarmonicFirstOrder); // the second round (phase A, orders 5–7)
        rig.Chip.SpontaneousReset();           // brown-out: every register back to its reset value
        rig.Cycle(1_000_000);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.Equal(0x03FFu, rig.Chip.Peek(Register.COMPMODE));
        Assert.Equal(new uint[] { 2, 3, 4 }, new[] { rig.Chip.Peek(Register.HX), rig.Chip.Peek(Register.HY), rig.Chip.Peek(Register.HZ) });
        rig.Chip.Advance(800_000);
        rig.Driver.ReadMeasurements(m);
        Assert.Equal(0, m.HarmonicPhase);
        Assert.Equal(2, m.HarmonicFirstOrder);
    }
}
