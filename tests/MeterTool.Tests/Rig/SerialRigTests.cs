using Meter.Rig;
using Meter.Rig.Serial;

namespace MeterTool.Tests.Rig;

/// <summary>SerialRig against a fake rig stream: the lines of docs/bench-rig.md, the answers, refusals and time-outs.</summary>
public class SerialRigTests
{
    private static string? Polite(string command) => command switch
    {
        "ID" => "OK RigFirmware 1.0",
        "STOP" => "OK",
        _ when command.StartsWith("SET ", StringComparison.Ordinal) => "OK",
        "RUN PULSES 100" => "RESULT REF_WH=99.8500 METER_PULSES=100 TIME_MS=104348",
        "RUN TIME 60000" => "RESULT TIME_MS=60000 METER_PULSES=57 REF_WH=57.5",
        _ => "ERR unknown command",
    };

    [Fact]
    public void Set_and_run_send_the_documented_lines_and_parse_the_result()
    {
        var fake = new FakeRigStream(Polite);
        using var rig = new SerialRig(fake, phases: 3, impulsesPerKilowattHour: 1000);
        Assert.Equal("serial rig on stream: RigFirmware 1.0", rig.Description);
        rig.SetPhase(2, new PhaseSetting(230m, 5m, 60m));
        var result = rig.RunPulses(100);
        Assert.Equal(new RigResult(99.85m, 100, 104_348), result);
        Assert.Equal(new RigResult(57.5m, 57, 60_000), rig.RunFor(TimeSpan.FromMinutes(1)));
        Assert.Equal(["ID", "SET U2 230.000", "SET I2 5.0000", "SET PHI2 60.000", "RUN PULSES 100", "RUN TIME 60000"], fake.Received);
    }

    [Fact]
    public void A_refusal_names_the_command_and_the_rigs_reason()
    {
        var fake = new FakeRigStream(c => c.StartsWith("SET I1", StringComparison.Ordinal) ? "ERR current above the source's 80 A" : Polite(c));
        using var rig = new SerialRig(fake, 3, 1000);
        var e = Assert.Throws<RigException>(() => rig.SetPhase(1, new PhaseSetting(230m, 105m, 0m)));
        Assert.Equal("rig refused \"SET I1 105.0000\": current above the source's 80 A", e.Message);
    }

    [Theory]
    [InlineData("RESULT REF_WH=99.8 METER_PULSES=100", "expected RESULT REF_WH=… METER_PULSES=… TIME_MS=…")]
    [InlineData("RESULT REF_WH=99.8 METER_PULSES=-1 TIME_MS=5", "METER_PULSES=-1 is not a non-negative integer")]
    [InlineData("RESULT REF_WH=99.8 REF_WH=1 TIME_MS=5", "is not KEY=VALUE, or a key is repeated")]
    [InlineData("RESULT REF_WH=1e3 METER_PULSES=1 TIME_MS=5", "REF_WH=1e3 is not a non-negative decimal")]
    [InlineData("OK", "expected RESULT")]
    public void A_malformed_result_is_quoted(string answer, string expected)
    {
        var e = Assert.Throws<RigException>(() => RigProtocol.ParseResult("RUN PULSES 100", answer));
        Assert.Contains(expected, e.Message);
        Assert.Contains(answer, e.Message);
    }

    [Fact]
    public void A_run_without_an_answer_times_out_stops_the_rig_and_the_next_command_reads_its_own_answer()
    {
        FakeRigStream fake = null!;
        fake = new FakeRigStream(c =>
        {
            if (c.StartsWith("RUN ", StringComparison.Ordinal)) return null; // the rig never finishes
            if (c == "STOP") { fake.Send("ERR stopped"); return "OK"; }
            return Polite(c);
        });
        using var rig = new SerialRig(fake, 3, 1000) { RunMargin = TimeSpan.FromMilliseconds(200) };
        for (int p = 1; p <= 3; p++) rig.SetPhase(p, new PhaseSetting(230m, 100m, 0m)); // 69 kW: a pulse every 0.052 s
        var e = Assert.Throws<TimeoutException>(() => rig.RunPulses(1));
        Assert.Contains("RUN PULSES 1", e.Message);
        Assert.Equal("STOP", fake.Received[^1]);
        rig.SetPhase(1, new PhaseSetting(230m, 1m, 0m)); // reads its own OK, not the run's late ERR stopped
    }

    [Fact]
    public void No_answer_to_ID_is_a_timeout_and_no_power_is_refused_before_sending()
    {
        Assert.Throws<TimeoutException>(() => new SerialRig(new FakeRigStream(_ => null), 3, 1000, commandTimeout: TimeSpan.FromMilliseconds(200)));
        var fake = new FakeRigStream(Polite);
        using var rig = new SerialRig(fake, 3, 1000);
        Assert.Throws<ArgumentException>(() => rig.RunPulses(10));
        Assert.Throws<ArgumentException>(() => rig.SetPhase(4, new PhaseSetting(230m, 1m, 0m)));
        Assert.Equal(["ID"], fake.Received);
    }
}
