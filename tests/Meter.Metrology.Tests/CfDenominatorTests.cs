using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>CFxDEN for the ADE7880 calibration LED: CFxDEN = 1000 × den / (MC × num), rounded; its error when not exact.</summary>
public class CfDenominatorTests
{
    [Fact]
    public void Exact_when_the_lsb_divides_the_pulse_energy()
    {
        // 1 count = 1 mWh; 1000 imp/kWh = 1 Wh per pulse = 1000 counts → CFxDEN 1000, no error.
        var r = CfDenominatorCalculator.Compute(new EnergyConstant(1, 1000), 1000);
        Assert.Equal(1000, r.CfDen);
        Assert.Equal(0, r.ErrorPartsPerBillion);
        Assert.True(r.IsExact);
    }

    [Fact]
    public void Shelly_lsb_at_10000_imp_per_kWh_is_off_by_106655_ppb()
    {
        // 1 count = 0.24576 W·s = 512/7 500 000 Wh. 10 000 imp/kWh: 0.1 Wh per pulse.
        // CFxDEN = 1000 × 7 500 000 / (10 000 × 512) = 7.5e9 / 5.12e6 = 1464.84 → 1465.
        // Actual constant = 7.5e9 / (1465 × 512) = 7.5e9 / 750 080 = 9998.93 imp/kWh;
        // error = (7.5e9 − 1465 × 10 000 × 512) / (1465 × 10 000 × 512) = −800 000 / 7.5008e9 = −106 655.3 ppb.
        var r = CfDenominatorCalculator.Compute(new EnergyConstant(24576, 360_000_000), 10_000);
        Assert.Equal(1465, r.CfDen);
        Assert.Equal(-106_655, r.ErrorPartsPerBillion);
        Assert.False(r.IsExact);
        // 7.5e9 / 750 080 in lowest terms (gcd 1280) = 5 859 375 / 586.
        Assert.Equal(5_859_375, r.ActualImpulsesPerKilowattHourNumerator);
        Assert.Equal(586, r.ActualImpulsesPerKilowattHourDenominator);
    }

    [Fact]
    public void Constant_the_chip_cannot_reach_is_refused()
    {
        // 1 count = 1 Wh, 100 000 imp/kWh: 0.01 Wh per pulse = 0.01 counts → CFxDEN 0.
        Assert.Throws<ArgumentOutOfRangeException>(() => CfDenominatorCalculator.Compute(new EnergyConstant(1, 1), 100_000));
        // 1 count = 1 µWh, 1 imp/kWh: 10^9 counts per pulse > 65 535.
        Assert.Throws<ArgumentOutOfRangeException>(() => CfDenominatorCalculator.Compute(new EnergyConstant(1, 1_000_000), 1));
    }

    [Fact]
    public void Verification_mode_refines_display_and_speeds_up_the_led()
    {
        var mode = new VerificationMode(1, -2, 10);
        Assert.Equal(1, mode.DisplayScaler);
        Assert.Equal(1000, mode.LedImpulsesPerKilowattHour(1000));
        mode.SetEnabled(true);
        Assert.Equal(-2, mode.DisplayScaler);
        Assert.Equal(10_000, mode.LedImpulsesPerKilowattHour(1000));
        Assert.Equal(100_000, mode.LedImpulsesPerKilowattHour(50_000)); // capped at 100 000
    }
}
