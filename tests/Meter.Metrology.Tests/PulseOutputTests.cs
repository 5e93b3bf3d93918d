using System.Numerics;
using CsCheck;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>S0 / LED pulse engine: count = floor(E × imp/kWh), exact timing, bounded backlog with counted overrun.</summary>
public class PulseOutputTests
{
    /// <summary>Runs one 1-s metering cycle then drives the output at every scheduled edge inside that second.</summary>
    private static void RunSecond(EnergyAccumulator acc, PulseOutput output, RecordingPin pin, long second, int p)
    {
        acc.Cycle(p, p, p, 0, 0, 0, Math.Abs(p), Math.Abs(p), Math.Abs(p));
        long start = second * 1000;
        pin.Now = start;
        output.Update(start);
        while (output.NextActionMilliseconds < start + 1000)
        {
            pin.Now = Math.Max(output.NextActionMilliseconds, pin.Now);
            output.Update(pin.Now);
        }
    }

    private static void CheckTiming(RecordingPin pin, int width)
    {
        for (int i = 1; i < pin.Edges.Count; i++)
        {
            long gap = pin.Edges[i].Time - pin.Edges[i - 1].Time;
            if (pin.Edges[i - 1].High) Assert.Equal(width, gap);       // pulse exactly the width
            else Assert.True(gap >= width, $"pause {gap} ms < {width} ms"); // pause at least the width (DIN 43864)
        }
    }

    [Fact]
    public void Pulse_count_equals_floor_of_energy_times_constant_for_random_loads()
    {
        var gen = Gen.Select(Gen.Int[1, 100_000], Gen.Long[1, 100], Gen.Long[1, 100_000], Gen.Int[0, 20_000].Array[1, 40], Gen.Bool, Gen.Int[1, 600]);
        gen.Sample((imp, num, den, powers, primary, ratio) =>
        {
            var constant = new EnergyConstant(num, den);
            var acc = Meters.Accumulator(ConnectionType.SinglePhase, constant: constant, ratio: new CurrentTransformerRatio(5 * ratio, 5));
            var pin = new RecordingPin();
            var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, imp, primary, 30, 3000, NoLoadIndication.Off));
            long second = 0;
            foreach (int p in powers)
            {
                acc.Cycle(p, 0, 0, 0, 0, 0, p, 0, 0);
                long start = second++ * 1000;
                pin.Now = start;
                s0.Update(start);
                while (s0.NextActionMilliseconds < start + 1000)
                {
                    pin.Now = Math.Max(pin.Now, s0.NextActionMilliseconds);
                    s0.Update(pin.Now);
                }
            }
            // E = counts × num/den Wh (× ratio for primary); due = floor(E × imp / 1000)
            BigInteger counts = acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
            BigInteger due = counts * num * imp * (primary ? ratio : 1) / (den * 1000);
            Assert.Equal(due, (BigInteger)s0.DuePulses);
            Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);
            if (due <= 3000) Assert.Equal(0, s0.DroppedPulses); // the backlog bound cannot have been reached
            else Assert.True(s0.DroppedPulses == 0 || s0.OverrunEvents > 0);  // a drop is always reported
            // Drain: every due pulse is emitted once the backlog empties.
            while (s0.PendingPulses > 0 || pin.Level)
            {
                pin.Now = s0.NextActionMilliseconds == long.MaxValue ? pin.Now + 1 : s0.NextActionMilliseconds;
                s0.Update(pin.Now);
            }
            Assert.Equal(due, (BigInteger)(s0.EmittedPulses + s0.DroppedPulses));
            Assert.Equal(s0.EmittedPulses, pin.RisingEdges);
            CheckTiming(pin, 30);
        }, iter: 150);
    }

    [Theory]
    // Kamstrup 382 data sheet, "Pulse value / pulse width" table at 1000 imp/kWh, 3 × 230 V:
    // 30 ms → 86 A: 3 × 230 × 86 = 59 340 W = 16.48 pulses/s ≤ 1/(2 × 30 ms) = 16.67/s: keeps up.
    // 80 ms → 32 A: 3 × 230 × 32 = 22 080 W =  6.13 pulses/s ≤ 1/(2 × 80 ms) = 6.25/s: keeps up.
    [InlineData(30, 86)]
    [InlineData(80, 32)]
    public void Seed_maximum_currents_are_within_the_pulse_rate(int width, int amps)
    {
        var acc = Meters.Accumulator();
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, width, 100, NoLoadIndication.Off));
        for (int second = 0; second < 3600; second++) RunSecond(acc, s0, pin, second, 230 * amps);
        // 1 h at 3 × 230 × amps W → 0.69 × amps kWh → 690 × amps pulses; the backlog never exceeds a couple of pulses.
        Assert.Equal(690L * amps, s0.DuePulses);
        Assert.True(s0.PendingPulses <= 2, $"{s0.PendingPulses} pulses behind");
        Assert.Equal(0, s0.OverrunEvents);
        CheckTiming(pin, width);
    }

    [Fact]
    public void Above_the_maximum_rate_the_backlog_fills_then_overruns_are_counted_not_lost()
    {
        // 105 A at 30 ms: 3 × 230 × 105 = 72 450 W = 20.125 pulses/s, but at most 16.67/s leave: the backlog grows
        // by ≈ 3.46/s and hits the bound of 500 after ≈ 145 s.
        var acc = Meters.Accumulator();
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 500, NoLoadIndication.Off));
        for (int second = 0; second < 600; second++) RunSecond(acc, s0, pin, second, 230 * 105);
        Assert.Equal(72_450L * 600 / 3600, s0.DuePulses);                       // 12 075 pulses due
        Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);
        // The bound holds; after the last second's ≈ 16 emissions the backlog sits just under it.
        Assert.InRange(s0.PendingPulses, 500 - 17, 500);
        Assert.True(s0.DroppedPulses > 0);
        Assert.True(s0.OverrunFlag);
        Assert.True(s0.OverrunEvents > 0);
        Assert.Equal(s0.EmittedPulses, pin.RisingEdges);
        CheckTiming(pin, 30);
        s0.ClearOverrunFlag();
        Assert.False(s0.OverrunFlag);
    }

    [Fact]
    public void A_pulse_figure_change_rebases_the_count_and_still_emits_the_pending_pulses()
    {
        // 3 × 230 V × 20 A = 13 800 W. 10 min at 1000 imp/kWh: 2.3 kWh → 2300 pulses; then
        // 10 min at 250 imp/kWh: 2.3 kWh × 250 = 575 pulses; 2875 in all, none lost or invented.
        var acc = Meters.Accumulator();
        var pin = new RecordingPin();
        var s0 = new PulseOutput(pin, acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 3000, NoLoadIndication.Off));
        for (int second = 0; second < 600; second++) RunSecond(acc, s0, pin, second, 230 * 20);
        Assert.Equal(2300, s0.DuePulses);
        Assert.Throws<ArgumentOutOfRangeException>(() => s0.ChangeImpulsesPerKilowattHour(100_001));
        Assert.Equal(1000, s0.Settings.ImpulsesPerKilowattHour); // a refused figure changes nothing
        s0.ChangeImpulsesPerKilowattHour(250);
        Assert.Equal(2300, s0.DuePulses);
        for (int second = 600; second < 1200; second++) RunSecond(acc, s0, pin, second, 230 * 20);
        Assert.Equal(2875, s0.DuePulses);
        Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);
        Assert.Equal(0, s0.DroppedPulses);
        CheckTiming(pin, 30);
    }

    [Fact]
    public void Primary_pulses_follow_the_ct_ratio()
    {
        // 400/5 A CT (ratio 80): 1 Wh secondary = 80 Wh primary → 80 pulses at 1000 imp/kWh, 1 secondary pulse.
        var ratio = new CurrentTransformerRatio(400, 5);
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, ratio: ratio);
        var primary = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, true, 30, 1000, NoLoadIndication.Off));
        var secondary = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 1000, NoLoadIndication.Off));
        acc.Cycle(3600, 0, 0, 0, 0, 0, 3600, 0, 0);
        primary.Update(0);
        secondary.Update(0);
        Assert.Equal(80, primary.DuePulses);
        Assert.Equal(1, secondary.DuePulses);
    }

    [Fact]
    public void A_ct_ratio_change_applies_to_energy_registered_afterwards()
    {
        // 5/5 A: 1.5 Wh → 1 pulse (0.5 pulse carried). Ratio set to 400/5 (80): the carried half pulse
        // belonged to the old ratio and is dropped with the change (documented); 1 Wh more → 80 pulses.
        var ratio = new CurrentTransformerRatio(5, 5);
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, ratio: ratio);
        var s0 = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, true, 30, 1000, NoLoadIndication.Off));
        acc.Cycle(5400, 0, 0, 0, 0, 0, 5400, 0, 0); // 5400 W·s = 1.5 Wh
        s0.Update(0);
        Assert.Equal(1, s0.DuePulses);
        ratio.Set(400, 5);
        acc.Cycle(3600, 0, 0, 0, 0, 0, 3600, 0, 0);
        s0.Update(1000);
        Assert.Equal(81, s0.DuePulses);
    }

    [Fact]
    public void Reactive_export_output_counts_only_R_minus()
    {
        // 1 count = 1 var·s; −7200 var·s = 2 varh of R− → 20 pulses at 10 000 imp/kvarh; R+ output stays silent.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        var rMinus = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ReactiveExport, 10_000, false, 30, 1000, NoLoadIndication.Off));
        var rPlus = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ReactiveImport, 10_000, false, 30, 1000, NoLoadIndication.Off));
        acc.Cycle(100, 0, 0, -7200, 0, 0, 7300, 0, 0);
        rMinus.Update(0);
        rPlus.Update(0);
        Assert.Equal(20, rMinus.DuePulses);
        Assert.Equal(0, rPlus.DuePulses);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Meter_constant_outside_1_to_100000_is_refused(int imp)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PulseOutputSettings(EnergyRegister.ActiveImport, imp, false, 30, 10, NoLoadIndication.Off));

    [Fact]
    public void Pulse_width_must_be_30_or_80_ms()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 50, 10, NoLoadIndication.Off));

    [Fact]
    public void Time_must_not_go_backwards()
    {
        var s0 = new PulseOutput(new RecordingPin(), Meters.Accumulator(), new PulseOutputSettings(EnergyRegister.ActiveImport, 1000, false, 30, 10, NoLoadIndication.Off));
        s0.Update(1000);
        Assert.Throws<ArgumentOutOfRangeException>(() => s0.Update(999));
    }
}
