using Meter.Rig;
using Meter.Rig.Accuracy;

namespace MeterTool.Tests.Rig;

/// <summary>The pulse method's arithmetic, the resolution rule, the test points and the class limits.</summary>
public class ErrorMeasurementTests
{
    private static readonly MeterRating Direct = MeterRating.FromPreset("direct-5-105a");
    private static readonly MeterRating Ct = MeterRating.FromPreset("ct-5-6a");

    [Fact]
    public void Error_is_meter_energy_from_pulses_against_the_reference()
    {
        // 1008 pulses at 1000 imp/kWh = 1008 Wh against 1000 Wh: +0.8 %.
        Assert.Equal(0.8m, ErrorMeasurement.ErrorPercent(new RigResult(1000m, 1008, 0), 1000));
        // 10 000 imp/kWh (CT meter): 9950 pulses = 995 Wh against 1000 Wh: −0.5 %.
        Assert.Equal(-0.5m, ErrorMeasurement.ErrorPercent(new RigResult(1000m, 9950, 0), 10_000));
        Assert.Throws<ArgumentException>(() => ErrorMeasurement.ErrorPercent(new RigResult(0m, 5, 0), 1000));
    }

    [Fact]
    public void N_pulses_resolve_one_Nth()
    {
        Assert.Equal(0.1m, ErrorMeasurement.ResolutionPercent(1000));
        Assert.Equal(1000, ErrorMeasurement.PulsesFor(0.1m));
        Assert.Equal(334, ErrorMeasurement.PulsesFor(0.3m)); // ⌈333.3⌉
        Assert.Throws<ArgumentException>(() => ErrorMeasurement.PulsesFor(0m));
    }

    [Theory]
    // Class 1, IEC 62053-21 Table 6 (balanced), direct meter Ib 5 A: 0.05 Ib ±1.5, 0.1 Ib ±1.0 at PF 1; 0.1 Ib ±1.5, 0.2 Ib ±1.0 at 0.5i / 0.8c.
    [InlineData(0.25, LoadPowerFactor.Unity, 1.5)]
    [InlineData(0.5, LoadPowerFactor.Unity, 1.0)]
    [InlineData(105, LoadPowerFactor.Unity, 1.0)]
    [InlineData(0.25, LoadPowerFactor.HalfInductive, null)]
    [InlineData(0.5, LoadPowerFactor.HalfInductive, 1.5)]
    [InlineData(0.5, LoadPowerFactor.EightTenthsCapacitive, 1.5)]
    [InlineData(1.0, LoadPowerFactor.EightTenthsCapacitive, 1.0)]
    [InlineData(106, LoadPowerFactor.Unity, null)]
    public void Class_1_balanced_limits(double amps, LoadPowerFactor pf, double? limit) =>
        Assert.Equal((decimal?)limit, ClassLimits.LimitPercent(AccuracyClass.One, Direct, new TestPoint("", (decimal)amps, pf, EnergyDirection.Import, null)));

    [Fact]
    public void Class_1_single_phase_load_and_transformer_operated_limits()
    {
        // Table 7: one phase loaded ±2.0 from 0.1 Ib (PF 1), 0.2 Ib (0.5i); no 0.8c row.
        Assert.Equal(2.0m, ClassLimits.LimitPercent(AccuracyClass.One, Direct, new TestPoint("", 0.5m, LoadPowerFactor.Unity, EnergyDirection.Import, 2)));
        Assert.Null(ClassLimits.LimitPercent(AccuracyClass.One, Direct, new TestPoint("", 0.5m, LoadPowerFactor.HalfInductive, EnergyDirection.Import, 2)));
        Assert.Null(ClassLimits.LimitPercent(AccuracyClass.One, Direct, new TestPoint("", 5m, LoadPowerFactor.EightTenthsCapacitive, EnergyDirection.Import, 2)));
        // Transformer operated, In 5 A: 0.02 In (0.1 A) ±1.5, 0.05 In (0.25 A) ±1.0 at PF 1.
        Assert.Equal(1.5m, ClassLimits.LimitPercent(AccuracyClass.One, Ct, new TestPoint("", 0.1m, LoadPowerFactor.Unity, EnergyDirection.Export, null)));
        Assert.Equal(1.0m, ClassLimits.LimitPercent(AccuracyClass.One, Ct, new TestPoint("", 0.25m, LoadPowerFactor.Unity, EnergyDirection.Export, null)));
    }

    [Fact]
    public void Class_B_is_the_MID_2_percent_from_Imin_to_Imax_balanced()
    {
        Assert.Equal(2.0m, ClassLimits.LimitPercent(AccuracyClass.B, Direct, new TestPoint("", 0.25m, LoadPowerFactor.EightTenthsCapacitive, EnergyDirection.Export, null)));
        Assert.Null(ClassLimits.LimitPercent(AccuracyClass.B, Direct, new TestPoint("", 0.2m, LoadPowerFactor.Unity, EnergyDirection.Import, null)));
        Assert.Null(ClassLimits.LimitPercent(AccuracyClass.B, Direct, new TestPoint("", 5m, LoadPowerFactor.Unity, EnergyDirection.Import, 1)));
    }

    [Fact]
    public void Class_1_plan_for_the_direct_meter()
    {
        var plan = TestPlan.For(AccuracyClass.One, Direct);
        // Balanced: PF 1 at 5 currents, 0.5i and 0.8c at 4 (from 0.1 Ib), import and export = 26; one phase loaded:
        // 3 phases × (PF 1, 0.5i) × (0.2 Ib, Ib, Imax) = 18.
        Assert.Equal(44, plan.Count);
        Assert.Equal(26, plan.Count(p => p.Phase == null));
        Assert.Contains(plan, p => p.Amps == 0.25m && p.PowerFactor == LoadPowerFactor.Unity && p.Direction == EnergyDirection.Export);
        Assert.Equal(240m, new TestPoint("", 1m, LoadPowerFactor.HalfInductive, EnergyDirection.Export, null).AngleDegrees);
    }
}
