using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Starting current and no-load behaviour (EN 50470-3 no-load and starting tests; IEC 62053-21:2003 §8.3.2, §8.3.3).</summary>
public class StartingAndNoLoadTests
{
    [Theory]
    [InlineData(AccuracyClass.A, MeterConnectionKind.Direct, 5000, 25)]               // 0.005 × 5 A
    [InlineData(AccuracyClass.B, MeterConnectionKind.Direct, 5000, 20)]               // 0.004 × 5 A
    [InlineData(AccuracyClass.B, MeterConnectionKind.TransformerOperated, 5000, 10)]  // 0.002 × 5 A
    [InlineData(AccuracyClass.C, MeterConnectionKind.TransformerOperated, 5000, 5)]   // 0.001 × 5 A
    [InlineData(AccuracyClass.A, MeterConnectionKind.TransformerOperated, 1000, 3)]   // 0.003 × 1 A
    [InlineData(AccuracyClass.C, MeterConnectionKind.Direct, 10000, 40)]              // 0.04 Itr = 0.004 Iref (Iref = 10 Itr) × 10 A
    [InlineData(AccuracyClass.A, MeterConnectionKind.Direct, 10000, 50)]              // 0.05 Itr = 0.005 Iref × 10 A
    public void Starting_current_per_class(AccuracyClass cls, MeterConnectionKind kind, long referenceMilliamps, long expectedMilliamps)
        => Assert.Equal(expectedMilliamps, StartingThreshold.StartingCurrentMilliamps(cls, kind, referenceMilliamps));

    // Class B direct meter 5(105) A, Un 230 V: Ist = 20 mA; S at Ist = 230 V × 0.02 A = 4.6 VA;
    // threshold 80 % = 3.68 VA = 3680 mVA. 1 count = 0.01 W·s (1/360 000 Wh), 1-s cycles:
    // threshold counts = ceil(3680 mVA × 1000 ms × 360 000 / 3.6 × 10^9) = 368; at Ist 4.6 W·s = 460 counts.
    private static readonly EnergyConstant CentiWattSecond = new(1, 360_000);

    private static long Threshold => StartingThreshold.ApparentPowerMilliVoltAmperes(AccuracyClass.B, MeterConnectionKind.Direct, 5000, 230_000, StartingThreshold.DefaultMarginPercent);

    [Fact]
    public void Threshold_is_80_percent_of_Un_times_Ist()
        => Assert.Equal(3680, Threshold);

    [Fact]
    public void At_starting_current_the_meter_registers_and_pulses()
    {
        var acc = Meters.Accumulator(constant: CentiWattSecond, thresholdMilliVa: Threshold);
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 100, NoLoadIndication.Off));
        for (int second = 0; second < 3600; second++)
        {
            acc.Cycle(460, 460, 460, 0, 0, 0, 460, 460, 460);
            pin.Now = second * 1000L;
            s0.Update(pin.Now);
            pin.Now += 500;
            s0.Update(pin.Now);
        }
        // 3 × 4.6 W × 1 h = 13.8 Wh → 13 pulses at 1000 imp/kWh.
        Assert.Equal(13_800, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3));
        Assert.Equal(13, s0.DuePulses);
        Assert.Equal(13, pin.RisingEdges);
        Assert.False(acc.IsNoLoad);
    }

    [Fact]
    public void Without_current_nothing_registers_and_no_pulse_is_emitted()
    {
        // No-load test at 115 % Un, no current: offsets of the chip leave 367 counts of apparent and active
        // energy per cycle on every phase, just under the threshold — for 24 h nothing may be registered.
        var acc = Meters.Accumulator(constant: CentiWattSecond, thresholdMilliVa: Threshold);
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 100_000, false, 30, 100, NoLoadIndication.Off));
        for (int second = 0; second < 86_400; second++)
        {
            acc.Cycle(367, -367, 200, 367, 100, -100, 367, 367, 367);
            pin.Now = second * 1000L;
            s0.Update(pin.Now);
        }
        foreach (EnergyRegister r in Enum.GetValues<EnergyRegister>())
            Assert.Equal(0, acc.GetCounts(r, MeterChannel.Total));
        Assert.Equal(0, pin.RisingEdges);
        Assert.True(acc.IsNoLoad);
        Assert.Equal(Quadrant.None, acc.LastQuadrant);
        Assert.Equal(24, acc.OperatingHours); // the hour counter runs regardless of load
    }

    [Fact]
    public void Threshold_scales_with_the_cycle_length()
    {
        // 250 ms cycles: threshold counts = ceil(3680 × 250 × 360 000 / 3.6 × 10^9) = 92; 91 stays silent, 92 counts.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, constant: CentiWattSecond, thresholdMilliVa: Threshold);
        acc.Cycle(91, 0, 0, 0, 0, 0, 91, 0, 0, ms: 250);
        Assert.Equal(0, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        acc.Cycle(92, 0, 0, 0, 0, 0, 92, 0, 0, ms: 250);
        Assert.Equal(92, acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
    }

    [Fact]
    public void Led_can_be_lit_without_consumption()
    {
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, thresholdMilliVa: 1000);
        var pin = new RecordingPin();
        var led = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 10, NoLoadIndication.On));
        acc.Cycle(0, 0, 0, 0, 0, 0, 0, 0, 0);
        pin.Now = 0;
        led.Update(0);
        Assert.True(pin.Level); // lit: no consumption
        // 3600 W for 1 s = 1 Wh → one pulse: LED goes dark, waits a full pause (30 ms), then pulses 30 ms.
        acc.Cycle(3600, 0, 0, 0, 0, 0, 3600, 0, 0);
        pin.Now = 1000; led.Update(pin.Now);
        Assert.False(pin.Level);
        pin.Now = led.NextActionMilliseconds; led.Update(pin.Now);
        Assert.Equal(1030, pin.Now);
        Assert.True(pin.Level);
        pin.Now = led.NextActionMilliseconds; led.Update(pin.Now);
        Assert.Equal(1060, pin.Now);
        Assert.False(pin.Level);
    }
}
