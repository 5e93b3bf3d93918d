using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>The working-day tariff switching list 0-0:13.0.0 ("nn;HH:mm;T" entries, "nn;" ends the list; local time) and the energy it sends to T1 / T2.</summary>
public class TariffTests
{
    [SkippableFact]
    public void A_programmed_switch_at_07_30_puts_the_energy_after_it_in_T1_and_before_it_in_T2()
    {
        // Wednesday 2025-01-15 05:00 UTC = 06:00 CET: a working day.
        using var meter = MeterTargets.Open(new DateTime(2025, 1, 15, 5, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "set the load and let the time pass the switching time");
        MeterPort.Programming(meter, s =>
        {
            foreach (string entry in new[] { "01;07:30;1", "02;21:00;2", "03;" }) s.Write("0-0:13.0.0", entry);
            return 0;
        });
        bench.SetLoad(10);
        bench.Advance(TimeSpan.FromHours(2)); // 06:00 … 08:00 CET: 1 h 30 min in T2, then 30 min in T1
        var sets = MeterPort.Read(meter, "1.8.1").Concat(MeterPort.Read(meter, "1.8.2")).ToList();
        // 3 × 230 V × 10 A × PF 1 = 6.9 kW: T1 0.5 h = 3450 Wh, T2 1.5 h = 10350 Wh.
        Expect.Energy(Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(30)), Expect.Wh(Expect.Single(sets, "1.8.1")), "T1 (1.8.1)");
        Expect.Energy(Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(90)), Expect.Wh(Expect.Single(sets, "1.8.2")), "T2 (1.8.2)");
    }
}
