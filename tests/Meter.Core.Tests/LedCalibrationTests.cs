using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The test LED on the ADE7880 CF1 pin: CF1DEN is an integer, so the LED constant of each preset is off the
/// nameplate by a stated error (ADE7880 data sheet Rev. C, "Energy-to-Frequency Conversion").
/// </summary>
public class LedCalibrationTests
{
    // Hand-worked (Python fractions), per preset: nominal full scale Vfs = 353 875 mV (353 553 µV pin × 1001,
    // rounded to 125 mV), Ifs rounded to 5 mA; one count = 45 × 512 × Vfs × Ifs / (13 529 839 × 28 125 × 10^6) Wh;
    // CF1DEN = round(1000 / (MC × Wh per count)); error = (1000 / (CF1DEN × Wh per count) − MC) / MC, in ppb rounded.
    //   ct-5-6a        Ifs   7 070 mA, MC 10 000: 1 count = 32 024 272 / 211 403 734 375 Wh, exact quotient 660.136 → 660,
    //                  error +205 995.1 ppb (+0.0206 %)
    //   direct-5-105a  Ifs 129 985 mA, MC  1 000: 359.054 → 359, error +149 945.4 ppb
    //   single-phase   Ifs 147 315 mA, MC  1 000: 316.815 → 317, error −583 373.1 ppb (−0.058 %)
    [Theory]
    [InlineData("ct-5-6a", 660, 205_995)]
    [InlineData("direct-5-105a", 359, 149_945)]
    [InlineData("single-phase-5-100a", 317, -583_373)]
    public void Led_constant_error_of_each_preset_is_stated(string preset, int cfDen, long errorPpb)
    {
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Preset = preset, Optical = "none", Start = MeterRig.WednesdayMidnightLocal });
        var led = host.Meter.Metering.LedCalibration;
        Assert.Equal(cfDen, led.CfDen);
        Assert.Equal(errorPpb, led.ErrorPartsPerBillion);
        Assert.False(led.IsExact);
        Assert.Equal(cfDen, host.Meter.Metering.ChipConfiguration.LedDivider);
    }
}
