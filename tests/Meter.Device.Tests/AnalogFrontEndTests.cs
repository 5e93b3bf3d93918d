using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Hal.Ade7880;

namespace Meter.Device.Tests;

public class AnalogFrontEndTests
{
    [Fact]
    public void Voltage_full_scale_of_the_1_megohm_divider()
    {
        // 353 553 µV × (1 000 000 + 1 000) / 1 000 / PGA 1 = 353 906 553 µV → 353 907 mV (353.9 V rms).
        var afe = AnalogFrontEnd.ForCurrentTransformer(2500, 6800, 1, 1_000_000, 1_000);
        Assert.Equal(353_907, afe.FullScaleVoltageMillivolts);
    }

    [Fact]
    public void Ct_full_scale_current_is_pin_full_scale_over_burden_times_turns_over_pga()
    {
        // direct-5-105a: 353 553 µV / 6.8 Ω × 2500 = 129 982.7 mA → 129 983 mA.
        Assert.Equal(129_983, AnalogFrontEnd.ForCurrentTransformer(2500, 6800, 1, 1_000_000, 1_000).FullScaleCurrentMilliamps);
        // ct-5-6a: 353 553 µV / 50 Ω × 2000 / 2 = 7 071.06 mA → 7 071 mA.
        Assert.Equal(7_071, AnalogFrontEnd.ForCurrentTransformer(2000, 50_000, 2, 1_000_000, 1_000).FullScaleCurrentMilliamps);
    }

    [Fact]
    public void Shunt_full_scale_current_is_pin_full_scale_over_shunt_over_pga()
    {
        // single-phase-5-100a: 353 553 µV / 150 µΩ / 16 = 147.313 75 A → 147 314 mA.
        Assert.Equal(147_314, AnalogFrontEnd.ForShunt(150, 16, 1_000_000, 1_000).FullScaleCurrentMilliamps);
    }

    [Theory]
    [InlineData(1, 0x000)]   // PGA1 = PGA2 = 000, PGA3 = 000
    [InlineData(2, 0x009)]   // 001 | 001 << 3
    [InlineData(16, 0x024)]  // 100 | 100 << 3
    public void Gain_register_puts_the_current_pga_in_pga1_and_pga2(int pga, int gain)
    {
        var config = new Ade7880Configuration();
        AnalogFrontEndMapping.ApplyTo(AnalogFrontEnd.ForShunt(150, pga, 1_000_000, 1_000), config);
        Assert.Equal(gain, config.Gain);
    }

    [Fact]
    public void Applying_to_the_ade7880_configuration_sets_scaling_and_gain()
    {
        var config = new Ade7880Configuration();
        AnalogFrontEndMapping.ApplyTo(MeterPresets.SinglePhaseFiveHundredAmps().FrontEnd, config);
        Assert.Equal(353_907, config.FullScaleVoltageMillivolts);
        Assert.Equal(147_314, config.FullScaleCurrentMilliamps);
        Assert.Equal(0x024, config.Gain);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(0)]
    public void Pga_gains_other_than_powers_of_two_up_to_16_are_refused(int pga)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalogFrontEnd.ForShunt(150, pga, 1_000_000, 1_000));
    }

    [Fact]
    public void Every_preset_keeps_its_maximum_current_below_full_scale_with_headroom()
    {
        foreach (var name in MeterPresets.Names)
        {
            var p = MeterPresets.ByName(name);
            Assert.Equal(name, p.Name);
            // Imax at most 90 % of full scale: a sine's crest must not clip the ADC.
            Assert.True(p.MaxCurrentMilliamps * 10L <= p.FrontEnd.FullScaleCurrentMilliamps * 9L, name);
            // Nominal 230 V at most 70 % of full scale leaves room for +20 % over-voltage.
            Assert.True(p.NominalVoltageVolts * 1000L * 10 <= p.FrontEnd.FullScaleVoltageMillivolts * 7L, name);
            Assert.True(p.S0PulseMilliseconds >= 30, name);
        }
    }

    [Fact]
    public void A_preset_whose_maximum_current_reaches_full_scale_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeterPreset("x", 1, 230, 5000, 150_000, false, 1000, 1000, 30,
            AnalogFrontEnd.ForShunt(150, 16, 1_000_000, 1_000)));
    }
}
