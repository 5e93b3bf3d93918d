using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>The S0 output (EN 62053-31) against the energy register: the pulse figure 1-0:0.3.3 in imp/kWh, exact.</summary>
public class S0PulseTests
{
    [SkippableFact]
    public void The_S0_output_gives_one_pulse_for_each_two_Wh_at_500_imp_per_kWh()
    {
        using var meter = MeterTargets.Open(new DateTime(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "set a load and count the S0 pulses");
        MeterPort.Programming(meter, s => { s.Write("1-0:0.3.3", "500"); return 0; });
        Assert.Equal("500", Expect.Single(MeterPort.Read(meter, "1-0:0.3.3"), "1-0:0.3.3").Value.TrimStart('0'));
        long startPulses = bench.S0Pulses();
        bench.SetLoad(10);
        bench.Advance(TimeSpan.FromMinutes(30));
        bench.SetLoad(0);
        bench.Advance(TimeSpan.FromSeconds(10)); // the pulses still owed leave at no load
        long wh = Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0"));
        long pulses = bench.S0Pulses() - startPulses;
        // 3 × 230 V × 10 A × 0.5 h = 3450 Wh → 1725 pulses at 500 imp/kWh (2 Wh a pulse).
        Expect.Energy(Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(30)) / 2, pulses * 1, "pulses");
        // Exact: a pulse for each whole 2 Wh registered (floor(floor(E) / 2) = floor(E / 2)).
        Assert.Equal(wh / 2, pulses);
    }
}
