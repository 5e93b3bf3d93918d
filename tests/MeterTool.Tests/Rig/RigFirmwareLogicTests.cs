using Meter.Rig;
using Meter.Rig.Accuracy;
using Meter.RigFirmware;

namespace MeterTool.Tests.Rig;

/// <summary>The bench rig firmware's parser and pulse gate (tools/RigFirmware), and SerialRig talking to them.</summary>
public class RigFirmwareLogicTests
{
    [Theory]
    [InlineData("SET U1 230.000", 'U', 1, 230_000)]
    [InlineData("SET I3 5.0000", 'I', 3, 5_000)]
    [InlineData("SET PHI2 -36.870", 'P', 2, -36_870)]
    [InlineData("SET PHI1 240.000\r", 'P', 1, 240_000)]
    public void Set_lines_parse_to_thousandths(string line, char quantity, int phase, long milli)
    {
        var c = RigCommand.Parse(line);
        Assert.Equal(RigCommandKind.Set, c.Kind);
        Assert.Equal((quantity, phase, milli), (c.Quantity, c.Phase, c.Milli));
    }

    [Theory]
    [InlineData("SET U4 230", "phase must be 1, 2 or 3")]
    [InlineData("SET U1 -230", "value is not a number like 230.000")]
    [InlineData("SET X1 1", "SET knows U1..U3, I1..I3, PHI1..PHI3")]
    [InlineData("RUN PULSES 0", "count must be 1 to 86400000")]
    [InlineData("RUN PULSES 1.5", "count must be 1 to 86400000")]
    [InlineData("run pulses 10", "unknown command")]
    public void Bad_lines_get_a_reason(string line, string reason)
    {
        var c = RigCommand.Parse(line);
        Assert.Equal(RigCommandKind.Invalid, c.Kind);
        Assert.Equal(reason, c.Error);
    }

    [Fact]
    public void The_gate_opens_on_a_pulse_and_counts_reference_pulses_to_the_nth()
    {
        var gate = new PulseGate();
        gate.StartPulses(2);
        Assert.False(gate.OnLedPulse(referenceCount: 500, nowMs: 1_000));  // opens
        Assert.False(gate.OnLedPulse(600, 2_000));
        Assert.True(gate.OnLedPulse(701, 3_000));                          // the 2nd after the opening one
        // 201 reference pulses at 100 000 imp/kWh = 2.01 Wh.
        Assert.Equal("RESULT REF_WH=2.010000 METER_PULSES=2 TIME_MS=2000", gate.Result(100_000));
        Assert.False(gate.IsRunning);
    }

    [Fact]
    public void A_timed_gate_closes_on_the_clock()
    {
        var gate = new PulseGate();
        gate.StartTimed(60_000, referenceCount: 0, nowMs: 0);
        gate.OnLedPulse(10, 100);
        Assert.False(gate.OnTick(20, 59_999));
        Assert.True(gate.OnTick(3, 60_000));
        Assert.Equal("RESULT REF_WH=0.030000 METER_PULSES=1 TIME_MS=60000", gate.Result(100_000)); // 3 × 0.01 Wh
    }

    [Fact]
    public void SerialRig_measures_through_the_firmware_logic()
    {
        // The rig's ESP32 side: a meter reading 0.5 % high (its LED pulse, 1 Wh, is 99.502 reference pulses of 0.01 Wh).
        var gate = new PulseGate();
        FakeRigStream fake = null!;
        fake = new FakeRigStream(line =>
        {
            var c = RigCommand.Parse(line);
            switch (c.Kind)
            {
                case RigCommandKind.Id: return "OK RigFirmware test";
                case RigCommandKind.Set: return "OK";
                case RigCommandKind.RunPulses:
                    gate.StartPulses(c.Count);
                    for (long k = 0; ; k++)
                        if (gate.OnLedPulse((long)(k * 100 / 1.005), k * 1000)) return gate.Result(100_000);
                default: return "ERR " + c.Error;
            }
        });
        using var rig = new SerialRig(fake, 3, 1000);
        for (int p = 1; p <= 3; p++) rig.SetPhase(p, new PhaseSetting(230m, 5m, 0m));
        var result = rig.RunPulses(200);
        Assert.Equal(200, result.MeterPulses);
        decimal error = ErrorMeasurement.ErrorPercent(result, 1000);
        Assert.InRange(error, 0.5m - 0.01m, 0.5m + 0.01m);
    }
}
