using Meter.Rig;
using Meter.Rig.Accuracy;

namespace MeterTool.Tests.Rig;

/// <summary>The simulated rig (issue 21): exact reference energy, LED pulses of the virtual meter, injected errors measured back.</summary>
public class SimulatedRigTests
{
    // direct-5-105a: one chip count = 588 780 056 / 211 403 734 375 Wh (Meter.Core.Tests LedCalibrationTests); CF1DEN 359
    // for 1000 imp/kWh, so a pulse is 359 counts = 0.999 850 Wh and the LED alone reads +0.015 %.
    private const double CountWh = 588_780_056.0 / 211_403_734_375.0;
    private static readonly double LedFactor = 1.0 / (359 * CountWh);

    private static readonly MeterRating Rating = MeterRating.FromPreset("direct-5-105a");

    [Fact]
    public void Reference_energy_is_U_I_cos_phi_times_the_virtual_time()
    {
        using var rig = new SimulatedRig(new SimulatedRigOptions());
        rig.SetPhase(1, new PhaseSetting(230m, 5m, 0m));   // 1150 W
        rig.SetPhase(2, new PhaseSetting(230m, 10m, 60m)); // 1150 W
        rig.SetPhase(3, PhaseSetting.VoltageOnly(230m));   // 0 W
        var r = rig.RunFor(TimeSpan.FromMinutes(6));
        Assert.Equal(360_000, r.Milliseconds);
        Assert.Equal(230m, Math.Round(r.ReferenceWh, 9)); // 2300 W × 0.1 h
        // The LED: 230 Wh at 1000 imp/kWh is 230 pulses (± 1 for the divider's remainder at the gate's ends).
        Assert.InRange(r.MeterPulses, 229, 231);
    }

    [Fact]
    public void Export_counts_the_magnitude()
    {
        using var rig = new SimulatedRig(new SimulatedRigOptions());
        for (int p = 1; p <= 3; p++) rig.SetPhase(p, new PhaseSetting(230m, 5m, 180m));
        var r = rig.RunPulses(100);
        Assert.Equal(100, r.MeterPulses);
        Assert.InRange(r.ReferenceWh, 99m, 101m);
    }

    [Fact]
    public void Injected_gain_error_is_measured_at_every_class_1_point_within_the_pulse_resolution()
    {
        const int pulses = 1000;
        using var rig = new SimulatedRig(new SimulatedRigOptions { GainErrorPercent = 0.8m });
        var run = new AccuracyRun(rig, Rating, AccuracyClass.One, pulses);
        // A current gain error scales P at every PF and direction: (1.008 × LED factor − 1) × 100 = +0.815 %.
        double expected = (1.008 * LedFactor - 1) * 100;
        var results = run.MeasureAll(TestPlan.For(AccuracyClass.One, Rating));
        Assert.Equal(44, results.Count);
        foreach (var r in results)
            Assert.True(Math.Abs((double)r.ErrorPercent - expected) <= (double)ErrorMeasurement.ResolutionPercent(pulses),
                $"{r.Point}: measured {r.ErrorPercent:0.000} %, injected {expected:0.000} % ± {100.0 / pulses} %");
    }

    [Theory]
    [InlineData(LoadPowerFactor.HalfInductive, EnergyDirection.Import)]
    [InlineData(LoadPowerFactor.HalfInductive, EnergyDirection.Export)]
    [InlineData(LoadPowerFactor.EightTenthsCapacitive, EnergyDirection.Import)]
    [InlineData(LoadPowerFactor.Unity, EnergyDirection.Import)]
    public void Injected_phase_error_gives_the_hand_computed_error(LoadPowerFactor pf, EnergyDirection direction)
    {
        const int pulses = 2000;
        using var rig = new SimulatedRig(new SimulatedRigOptions { PhaseErrorDegrees = 0.3m });
        var point = new TestPoint("Ib", 5m, pf, direction, null);
        var r = new AccuracyRun(rig, Rating, AccuracyClass.One, pulses).Measure(point);
        // The chip sees the current 0.3° later: P' / P = cos(φ + 0.3°) / cos φ. PF 0.5i: cos 60.3° / cos 60° = 0.990 91
        // (−0.907 %); PF 0.8c: cos(−36.57°) / 0.8 = +0.390 %; PF 1: cos 0.3° = −0.0014 %; export (φ + 180°) as import.
        double phi = (double)PowerFactors.AngleDegrees(pf) * Math.PI / 180, d = 0.3 * Math.PI / 180;
        double expected = (Math.Cos(phi + d) / Math.Cos(phi) * LedFactor - 1) * 100;
        Assert.True(Math.Abs((double)r.ErrorPercent - expected) <= 100.0 / pulses,
            $"{point}: measured {r.ErrorPercent:0.000} %, expected {expected:0.000} %");
    }
}
