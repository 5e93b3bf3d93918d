using Meter.Hal.Simulation.Ade7880;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The IEC 61000-4-30 §4.7 flag from the meter's voltage-quality monitor (direct-5-105a: Udin = 230 V; dip
/// below 207 V, interruption below 5 % = 11.5 V).
/// </summary>
public class QualityDisturbanceTests
{
    private static readonly long[] Normal = { 230_000, 230_000, 230_000 };

    private static void SetVoltage(VirtualMeterHost host, int phase, double volts) =>
        host.Board.Chip.Phases[phase - 1].Set(new PhaseLoad(volts, 10, 0));

    [Fact]
    public void A_dip_flags_while_it_runs_and_until_the_call_after_it_ended()
    {
        using var host = MeterRig.Start();
        var flag = new QualityDisturbance(host.Meter.VoltageQuality);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.False(flag.Check(Normal));

        SetVoltage(host, 2, 200); // 87 % of 230 V: a dip
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.True(host.Meter.VoltageQuality.IsRunning(2));
        Assert.True(flag.Check(Normal));
        Assert.True(flag.Check(Normal)); // still running

        SetVoltage(host, 2, 230);
        host.RunFor(TimeSpan.FromSeconds(3));
        Assert.False(host.Meter.VoltageQuality.IsRunning(2));
        Assert.False(flag.Check(Normal)); // ended, and the call before already saw its start
    }

    [Fact]
    public void A_dip_that_started_and_ended_between_two_calls_still_flags()
    {
        using var host = MeterRig.Start();
        var flag = new QualityDisturbance(host.Meter.VoltageQuality);
        host.RunFor(TimeSpan.FromSeconds(2));
        SetVoltage(host, 3, 260); // 113 %: a swell
        host.RunFor(TimeSpan.FromSeconds(2));
        SetVoltage(host, 3, 230);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.False(host.Meter.VoltageQuality.IsRunning(3));
        Assert.True(flag.Check(Normal));
        Assert.False(flag.Check(Normal));
    }

    [Fact]
    public void An_interrupted_phase_flags_from_its_voltage()
    {
        using var host = MeterRig.Start();
        var flag = new QualityDisturbance(host.Meter.VoltageQuality);
        // 11,499 mV < 5 % of 230 V = 11,500 mV; 11,500 mV itself is no interruption.
        Assert.True(flag.Check(new long[] { 230_000, 11_499, 230_000 }));
        Assert.False(flag.Check(new long[] { 230_000, 11_500, 230_000 }));
    }
}
