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
        Assert.Equal(29, rig.Driver.Bus.Transactions - before); // 27 + VTHD + ITHD (harmonic engine on by default, HRATE = 000)

        // xVRMS = V/Vfs × 3,766,572: B 220/460 × 3,766,572 = 1,801,404.5; C 240/460 = 1,965,168.0
        Assert.InRange(m.VoltageRms[1], 1_801_404, 1_801_405);
        Assert.InRange(m.VoltageRms[2], 1_965_168, 1_965_168);
        // xIRMS = I/Ifs × 3,766,572: B 3/20 = 564,985.8; C 7/20 = 1,318,300.2
        Assert.InRange(m.CurrentRms[1], 564_985, 564_986);
        Assert.InRange(m.CurrentRms[2], 1_318_300, 1_318_301);
        // Phase A total rms includes the harmonic: √(230² + 23²) = √53,429 = 231.1471 V
        // → 231.1471/460 × 3,766,572 = 1,892,678.9.
        Assert.InRange(m.VoltageRms[0], 1_892_678, 1_892_679);
        Assert.InRange(Ade7880Scaling.RmsToMilli(m.VoltageRms[0], 460_000), 231_146, 231_147); // mV
        // f = 256 kHz / xPERIOD: 50 Hz → 5120, 60 Hz → 4266.67 → 4267 (59,995 mHz)
        Assert.Equal(5120, m.Period[0]);
        Assert.Equal(4267, m.Period[2]);
        Assert.Equal(50_000, Ade7880Scaling.PeriodToMillihertz(m.Period[1]));
        // Angle B: 60° of 5120 ticks = 853.3 → 853 → 59.97°
        Assert.Equal(853, m.Angle[1]);
        Assert.Equal(5997, Ade7880Scaling.AngleToCentidegrees(m.Angle[1], m.Period[1]));
        // PF B = cos 60° = 0.5 → 16,384 (2^-15 LSB)
        Assert.InRange(m.PowerFactor[1], 16_383, 16_385);
        // Active power sign: C leading but importing: positive; VTHD A = 0.1 × 2^21 = 209,715.2
        Assert.True(m.ActivePower[2] > 0);
        Assert.True(m.ReactivePower[2] < 0);
        Assert.InRange(m.VoltageThd, 209_715, 209_716);
        Assert.True(m.HarmonicsEnabled);
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

        rig.Driver.SetPowerMode(PowerMode.Sleep);
        Assert.Equal(PowerMode.Sleep, rig.Chip.Mode);
        Assert.Throws<Ade7880Exception>(() => rig.Driver.ReadEnergy(rig.Reading));

        rig.Driver.SetPowerMode(PowerMode.Normal);
        Assert.Equal(PowerMode.Normal, rig.Chip.Mode);
        Assert.True(rig.Chip.IsRunning);
        Assert.Equal(4242u, rig.Chip.Peek(Register.BIGAIN)); // configured again after the PSM3 → PSM0 reset
        rig.Cycle(1_000_000);
        Assert.False(rig.Reading.ChipWasReset);
    }
}
