using System.Numerics;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// The ADE7880 driver behind the chip-neutral <see cref="IMeteringChip"/>: a <see cref="MeteringChipConfiguration"/>
/// lands in the right registers, calibration by kind writes the right register in place, and the driver's errors
/// tell the meter what failed as <see cref="MeteringChipException"/>.
/// </summary>
public class MeteringChipInterfaceTests
{
    private static MeteringChipConfiguration Neutral()
    {
        var n = new MeteringChipConfiguration
        {
            FullScaleVoltageMillivolts = 460_000,
            FullScaleCurrentMilliamps = 20_000,
            CurrentPgaGain = 16,
            VoltagePgaGain = 2,
            ActiveThreshold = 45,
            ReactiveThreshold = 44,
            ApparentThreshold = 43,
            SagLevelMillivolts = 211_600, // 92 % of 230 V
            SagHalfCycles = 2,
            LedDivider = 1234,
            LedEnabled = true,
        };
        return n;
    }

    [Fact]
    public void The_neutral_configuration_maps_onto_the_ade7880_registers()
    {
        var n = Neutral();
        n.SetCalibration(CalibrationKind.VoltageGain, 2, 100);
        n.SetCalibration(CalibrationKind.CurrentGain, 1, -200);
        n.SetCalibration(CalibrationKind.PowerGain, 3, 300);
        n.SetCalibration(CalibrationKind.PhaseCalibration, 3, 77);
        n.SetCalibration(CalibrationKind.VoltageRmsOffset, 1, 5);
        n.SetCalibration(CalibrationKind.CurrentRmsOffset, 2, -6);
        var a = new Ade7880Configuration();
        Ade7880Driver.Map(n, a);

        Assert.Equal(460_000, a.FullScaleVoltageMillivolts);
        Assert.Equal(20_000, a.FullScaleCurrentMilliamps);
        Assert.Equal(0x004 | 0x004 << 3 | 0x001 << 6, a.Gain); // PGA1 = PGA2 = ×16 (100), PGA3 = ×2 (001)
        Assert.Equal((45, 44, 43), (a.ActiveThreshold, a.ReactiveThreshold, a.ApparentThreshold));
        Assert.Equal(2_450_299, a.SagLevel); // peak code of a 211.6 V sine: 211 600 × 5 326 737 / 460 000
        Assert.Equal(2, a.SagCycles);
        Assert.Equal(0xFFFFFF, a.OverVoltageLevel); // default: never
        Assert.Equal(0x0CA0, a.CfMode);             // CFMODE reset value 0x0EA0 with CF1DIS (bit 9) clear
        Assert.Equal(new[] { 1234, 1234, 1234 }, a.CfDenominators);
        Assert.Equal(100, a.GetDspRegister(Register.BVGAIN));
        Assert.Equal(-200, a.GetDspRegister(Register.AIGAIN));
        Assert.Equal(300, a.GetDspRegister(Register.CPGAIN));
        Assert.Equal(new[] { 0, 0, 77 }, a.PhaseCalibration);
        Assert.Equal(5, a.GetDspRegister(Register.AVRMSOS));
        Assert.Equal(-6, a.GetDspRegister(Register.BIRMSOS));

        n.LedEnabled = false;
        Ade7880Driver.Map(n, a);
        Assert.Equal(0x0EA0, a.CfMode); // all CF outputs off
    }

    [Fact]
    public void Energy_per_count_is_the_data_sheet_fraction_of_the_threshold_and_full_scales()
    {
        IMeteringChip chip = new AdeRig().Driver;
        var n = Neutral();
        EnergyPerCount active = chip.ActiveEnergyPerCount(n);
        // THR × 2^9 × Vfs[mV] × Ifs[mA] / (13 529 839 × 28 125 × 10^6) Wh (EnergyScale), compared cross-multiplied.
        BigInteger expectedNumerator = (BigInteger)45 * 512 * 460_000 * 20_000;
        BigInteger expectedDenominator = (BigInteger)13_529_839 * 28_125 * 1_000_000;
        Assert.Equal(expectedNumerator * active.Denominator, expectedDenominator * active.Numerator);
        EnergyPerCount apparent = chip.ApparentEnergyPerCount(n);
        Assert.Equal((BigInteger)43 * 512 * 460_000 * 20_000 * apparent.Denominator, expectedDenominator * apparent.Numerator);
    }

    [Fact]
    public void Calibration_and_led_changes_reach_the_running_chip_in_place()
    {
        var rig = new AdeRig();
        IMeteringChip chip = rig.Driver;
        var n = Neutral();
        chip.Start(n);
        Assert.True(chip.IsRunning);
        Assert.Equal(0x0CA0u, rig.Chip.Peek(Register.CFMODE));
        int resets = rig.Chip.Resets;

        n.SetCalibration(CalibrationKind.CurrentGain, 1, 1 << 20);
        chip.ApplyCalibration(CalibrationKind.CurrentGain, 1);
        Assert.Equal(1u << 20, rig.Chip.Peek(Register.AIGAIN));
        n.SetCalibration(CalibrationKind.PhaseCalibration, 3, 77);
        chip.ApplyCalibration(CalibrationKind.PhaseCalibration, 3);
        Assert.Equal(77u, rig.Chip.Peek(Register.CPHCAL));
        n.LedEnabled = false;
        chip.ApplyLedEnabled();
        Assert.Equal(0x0EA0u, rig.Chip.Peek(Register.CFMODE));
        n.LedDivider = 999;
        chip.ApplyLedDivider();
        Assert.Equal(999u, rig.Chip.Peek(Register.CF1DEN));

        Assert.Equal(resets, rig.Chip.Resets); // none of it reset the chip
        rig.Chip.Advance(1_000_000);
        var reading = new EnergyReading();
        chip.TakeEnergy(reading);
        Assert.False(reading.ChipWasReset);    // every write re-armed the CRC reference
    }

    [Theory]
    [InlineData(CalibrationKind.CurrentGain, (1 << 23) - 1, true)]
    [InlineData(CalibrationKind.CurrentGain, 1 << 23, false)]        // 24-bit signed DSP RAM register
    [InlineData(CalibrationKind.VoltageRmsOffset, -(1 << 23), true)]
    [InlineData(CalibrationKind.PhaseCalibration, 1023, true)]
    [InlineData(CalibrationKind.PhaseCalibration, 1024, false)]      // xPHCAL is 10 bits
    [InlineData(CalibrationKind.PhaseCalibration, -1, false)]
    public void Calibration_values_are_checked_against_the_register_width(int kind, int value, bool fits)
    {
        IMeteringChip chip = new AdeRig().Driver;
        if (fits) chip.CheckCalibration(kind, value);
        else Assert.Throws<ArgumentException>(() => chip.CheckCalibration(kind, value));
    }

    [Fact]
    public void Calibration_kinds_name_their_ade7880_registers()
    {
        Assert.Equal(Register.BVGAIN, Ade7880Driver.CalibrationRegister(CalibrationKind.VoltageGain, 2));
        Assert.Equal(Register.CIGAIN, Ade7880Driver.CalibrationRegister(CalibrationKind.CurrentGain, 3));
        Assert.Equal(Register.APGAIN, Ade7880Driver.CalibrationRegister(CalibrationKind.PowerGain, 1));
        Assert.Equal(Register.BPHCAL, Ade7880Driver.CalibrationRegister(CalibrationKind.PhaseCalibration, 2));
        Assert.Equal(Register.CVRMSOS, Ade7880Driver.CalibrationRegister(CalibrationKind.VoltageRmsOffset, 3));
        Assert.Equal(Register.AIRMSOS, Ade7880Driver.CalibrationRegister(CalibrationKind.CurrentRmsOffset, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ade7880Driver.CalibrationRegister(7, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ade7880Driver.CalibrationRegister(CalibrationKind.VoltageGain, 4));
    }

    [Fact]
    public void Driver_errors_are_metering_chip_exceptions_that_say_what_failed()
    {
        MeteringChipException verification = new Ade7880VerificationException(Register.AIGAIN, 1, 0x00ABCDEF);
        Assert.Equal(MeteringChipFault.ConfigurationNotVerified, verification.Fault);
        Assert.Equal(0x4380, verification.RegisterAddress);
        Assert.Equal(0x00ABCDEFL, verification.ReadBack);
        MeteringChipException communication = new Ade7880CommunicationException(Register.STATUS1);
        Assert.Equal(MeteringChipFault.ReadNotVerified, communication.Fault);
        Assert.Equal((int)Register.STATUS1, communication.RegisterAddress);
        Assert.Equal(MeteringChipFault.NotResponding, new Ade7880NotRespondingException("gone").Fault);
        // Used before a start: not responding, as the meter records it.
        var ex = Assert.Throws<Ade7880Exception>(() => ((IMeteringChip)new AdeRig().Driver).TakeEnergy(new EnergyReading()));
        Assert.Equal(MeteringChipFault.NotResponding, ex.Fault);
    }
}
