using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

public class MeasurementTests
{
    [Fact]
    public void Rms_period_angle_power_factor_and_thd_come_from_the_right_phase()
    {
        var rig = new AdeRig();
        var a = new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(3, 23, 1, 0) } }; // 10 % 3rd harmonic voltage
        var b = new PhaseLoad(220, 3, 60);
        var c = new PhaseLoad(240, 7, -30, 60);
        rig.SetLoads(a, b, c);
        rig.Start();
        var m = new PhaseMeasurements();
        long before = rig.Driver.Bus.Transactions;
        rig.Driver.ReadMeasurements(m);
        // 27 + STATUS0: the harmonic engine (on by default, HRATE = 000) has not settled yet
        // (HSTIME = 01, 750 ms after RUN), so no THD is read.
        Assert.Equal(28, rig.Driver.Bus.Transactions - before);
        Assert.Equal(-1, m.ThdPhase);

        // xVRMS = V/Vfs × 3,766,572: B 220/460 × 3,766,572 = 1,801,404.5; C 240/460 = 1,965,168.0
        Assert.InRange(m.VoltageRms[1], 1_801_404, 1_801_405);
        Assert.InRange(m.VoltageRms[2], 1_965_168, 1_965_168);
        // xIRMS = I/Ifs × 3,766,572: B 3/20 = 564,985.8; C 7/20 = 1,318,300.2
        Assert.InRange(m.CurrentRms[1], 564_985, 564_986);
        Assert.InRange(m.CurrentRms[2], 1_318_300, 1_318_301);
        // Phase A total rms includes the harmonic: √(230² + 23²) = √53,429 = 231.1471 V
        // → 231.1471/460 × 3,766,572 = 1,892,678.9.
        Assert.InRange(m.VoltageRms[0], 1_892_678, 1_892_679);
        Assert.InRange(Ade7880Scaling.Measurement.RmsToMilli(m.VoltageRms[0], 460_000), 231_146, 231_147); // mV
        // f = 256 kHz / xPERIOD: 50 Hz → 5120, 60 Hz → 4266.67 → 4267 (59,995 mHz)
        Assert.Equal(5120, m.Period[0]);
        Assert.Equal(4267, m.Period[2]);
        Assert.Equal(50_000, Ade7880Scaling.Measurement.PeriodToMillihertz(m.Period[1]));
        // Angle B: 60° of 5120 ticks = 853.3 → 853 → 59.97°
        Assert.Equal(853, m.Angle[1]);
        Assert.Equal(5997, Ade7880Scaling.Measurement.AngleToCentidegrees(m.Angle[1], m.Period[1]));
        // PF B = cos 60° = 0.5 → 16,384 (2^-15 LSB)
        Assert.InRange(m.PowerFactor[1], 16_383, 16_385);
        // Active power sign: C leading but importing: positive.
        Assert.True(m.ActivePower[2] > 0);
        Assert.True(m.ReactivePower[2] < 0);
        Assert.True(m.HarmonicsEnabled);
    }

    [Fact]
    public void Thd_is_read_per_phase_in_turn_once_the_harmonic_engine_has_settled_on_each()
    {
        var rig = new AdeRig();
        // A different THD on each phase (voltage / current):
        // A: 23 V of 230 V = 10 % → 0.1 × 2^21 = 209,715.2;   1 A of 5 A = 20 % → 419,430.4
        // B: 11 V of 220 V = 5 %  → 104,857.6;                0.3 A of 3 A = 10 % → 209,715.2
        // C: none                  → 0;                        1.4 A of 7 A = 20 % → 419,430.4
        rig.SetLoads(
            new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(3, 23, 1, 0) } },
            new PhaseLoad(220, 3, 60) { Harmonics = new[] { new Harmonic(5, 11, 0.3, 0) } },
            new PhaseLoad(240, 7, -30) { Harmonics = new[] { new Harmonic(7, 0, 1.4, 0) } });
        rig.Start();
        var m = new PhaseMeasurements();
        int[] order = new int[3];
        for (int i = 0; i < 3; i++)
        {
            rig.Chip.Advance(800_000); // HSTIME = 750 ms after RUN or after the previous phase switch
            long before = rig.Driver.Bus.Transactions;
            rig.Driver.ReadMeasurements(m);
            Assert.Equal(27 + 1 + 4, rig.Driver.Bus.Transactions - before); // + STATUS0, VTHD, ITHD, HCONFIG, STATUS0 (W1C HREADY)
            order[i] = m.ThdPhase;
        }
        Assert.Equal(new[] { 0, 1, 2 }, order);
        Assert.Equal(new[] { true, true, true }, m.ThdValid);
        Assert.InRange(m.VoltageThd[0], 209_715, 209_716);
        Assert.InRange(m.VoltageThd[1], 104_857, 104_858);
        Assert.Equal(0, m.VoltageThd[2]);
        Assert.InRange(m.CurrentThd[0], 419_430, 419_431);
        Assert.InRange(m.CurrentThd[1], 209_715, 209_716);
        Assert.InRange(m.CurrentThd[2], 419_430, 419_431);

        // 0.5 s after the switch back to A the engine has not settled: nothing is read.
        rig.Chip.Advance(500_000);
        rig.Driver.ReadMeasurements(m);
        Assert.Equal(-1, m.ThdPhase);
        // HCONFIG is outside the checksum: the phase switches raised no CRC, the metering goes on.
        rig.Cycle(1_000_000);
        Assert.False(rig.Reading.ChipWasReset);
    }

    [Fact]
    public void Power_modes_follow_the_pm_pins_and_psm0_is_restored_configured()
    {
        var rig = new AdeRig(c => c.SetDspRegister(Register.BIGAIN, 4242));
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 10, 0), new PhaseLoad(230, 15, 0));
        rig.Start();

        rig.Driver.SetPowerMode(PowerMode.ReducedPower);
        Assert.Equal(PowerMode.ReducedPower, rig.Chip.Mode);
        Assert.False(rig.Chip.Pm0Pin.Level);
        Assert.False(rig.Chip.Pm1Pin.Level);
        var imav = new int[3];
        rig.Driver.ReadMeanAbsoluteCurrents(imav);
        Assert.True(imav[0] < imav[1] && imav[1] < imav[2]); // 5 A < 10 A < 15 A, each from its own phase

        // PSM2 (PM1 = 1, PM0 = 0; ADI no-OS ade7880_set_power_mode agrees): no serial port, no xIMAV.
        rig.Driver.SetPowerMode(PowerMode.LowPower);
        Assert.Equal(PowerMode.LowPower, rig.Chip.Mode);
        Assert.False(rig.Chip.Pm0Pin.Level);
        Assert.True(rig.Chip.Pm1Pin.Level);
        Assert.Throws<Ade7880Exception>(() => rig.Driver.ReadMeanAbsoluteCurrents(imav));
        long ignored = rig.Chip.IgnoredFrames;
        new RegisterBus(rig.Chip).ReadRaw(Register.AIMAV);
        Assert.Equal(ignored + 1, rig.Chip.IgnoredFrames); // the chip does not answer in PSM2

        rig.Driver.SetPowerMode(PowerMode.Sleep);
        Assert.Equal(PowerMode.Sleep, rig.Chip.Mode);
        Assert.True(rig.Chip.Pm0Pin.Level && rig.Chip.Pm1Pin.Level); // PSM3: PM1 = 1, PM0 = 1
        Assert.Throws<Ade7880Exception>(() => rig.Driver.TakeEnergy(rig.Reading));

        rig.Driver.SetPowerMode(PowerMode.Normal);
        Assert.Equal(PowerMode.Normal, rig.Chip.Mode);
        Assert.True(rig.Chip.IsRunning);
        Assert.Equal(4242u, rig.Chip.Peek(Register.BIGAIN)); // configured again after the PSM3 → PSM0 reset
        rig.Cycle(1_000_000);
        Assert.False(rig.Reading.ChipWasReset);
    }
}
