using Meter.Metrology;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>The assembled meter applies the EN 50470-3 starting threshold of its preset (Meter.Metrology StartingThreshold).</summary>
public class StartingThresholdTests
{
    [Theory]
    // 80 % of Un × Ist, Un = 230 V, Iref = 5 A, for the class with the smallest Ist the meter is offered in:
    //   CT 5(6) A, class C: Ist = 0.001 × 5 A = 5 mA → 230 V × 5 mA × 0.8 = 0.92 VA
    //   direct 5(105) A and 5(100) A, class B: Ist = 0.004 × 5 A = 20 mA → 230 V × 20 mA × 0.8 = 3.68 VA
    [InlineData("ct-5-6a", 920)]
    [InlineData("direct-5-105a", 3680)]
    [InlineData("single-phase-5-100a", 3680)]
    public void Preset_threshold(string preset, long milliVoltAmperes)
    {
        Assert.Equal(milliVoltAmperes, PresetSettings.FromPresetName(preset).StartingThresholdMilliVoltAmperes);
        using var host = new VirtualMeterHost(new VirtualMeterOptions { Preset = preset, Optical = "none", Start = MeterRig.WednesdayMidnightLocal });
        Assert.Equal(milliVoltAmperes, host.Meter.Metering.Accumulator.Configuration.StartingThresholdMilliVoltAmperes);
    }

    [Fact]
    public void Ct_meter_stays_silent_without_current_and_below_the_threshold_and_starts_at_Ist()
    {
        // ct-5-6a: 1 count = 32 024 272 / 211 403 734 375 Wh = 0.545 W·s; threshold 0.92 VA × 1 s = 1.69 → 2 counts per cycle.
        // 00:00–00:15 no current; 00:15–00:30 0.5 W per phase (0.92 counts/s: cycles of 0 or 1 count, all below);
        // 00:30–00:45 1.2 W per phase, above Ist = 1.15 VA (2.2 counts/s: cycles of 2 or 3): 3 × 1.2 W × 0.25 h = 900 mWh
        // secondary, ≈ 9 S0 pulses at 10 000 imp/kWh. Tolerance 5 mWh: counts of 0.15 mWh and the simulator's rms rounding.
        string file = Path.Combine(Path.GetTempPath(), "starting-threshold-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(file, new[]
        {
            "start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var",
            "2025-01-14T23:00:00Z,0,0,0,0,0,0",
            "2025-01-14T23:15:00Z,0.5,0.5,0.5,0,0,0",
            "2025-01-14T23:30:00Z,1.2,1.2,1.2,0,0,0",
            "2025-01-14T23:45:00Z,0,0,0,0,0,0",
        });
        try
        {
            using var host = new VirtualMeterHost(new VirtualMeterOptions { Preset = "ct-5-6a", Optical = "none", ScenarioFile = file, Start = MeterRig.WednesdayMidnightLocal });
            host.RunFor(TimeSpan.FromMinutes(30));
            var acc = host.Meter.Metering.Accumulator;
            foreach (EnergyRegister r in Enum.GetValues<EnergyRegister>()) Assert.Equal(0, acc.GetCounts(r, MeterChannel.Total));
            Assert.Equal(0, host.Meter.Metering.S0!.DuePulses);
            host.RunFor(TimeSpan.FromMinutes(15));
            Assert.InRange(acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3), 895, 905);
            // Pulses = floor(E × 10 000 imp/kWh) of the registered energy (≈ 9, 8 when E is just under 0.9 Wh).
            var c = acc.Configuration.ActiveConstant;
            long counts = acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
            Assert.Equal((long)((System.Numerics.BigInteger)counts * c.Numerator * 10_000 / (c.Denominator * (System.Numerics.BigInteger)1000)), host.Meter.Metering.S0!.DuePulses);
            Assert.InRange(host.Meter.Metering.S0!.DuePulses, 8, 9);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
