using Meter.Acceptance.Targets;
using Meter.OpticalClient.Protocol;

namespace Meter.Acceptance;

/// <summary>
/// Range reads in a programming session (VDEW / DIN 43863-3 style, local time "yymmddhhmm"): the load profile
/// P.01 (15-min intervals, A+ A− R+ R− in kWh / kvarh) and the logbook P.98 ((Zyymmddhhmmss)(kind)(detail)(old)(new)).
/// </summary>
public class ProfileAndLogbookTests
{
    // Wednesday 2025-01-15 08:00 UTC = 09:00 CET.
    private static readonly DateTime Start = new(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);

    [SkippableFact]
    public void The_load_profile_holds_the_energy_of_each_quarter_hour_of_a_known_load()
    {
        using var meter = MeterTargets.Open(Start);
        var bench = MeterPort.Bench(meter, "set a known load for a known time");
        bench.SetLoad(10);
        bench.Advance(TimeSpan.FromHours(1)); // 09:00 … 10:00 CET at 6.9 kW
        bench.SetLoad(5, 60);
        bench.Advance(TimeSpan.FromMinutes(30)); // 10:00 … 10:30 at 3 × 230 × 5 × cos 60° = 1.725 kW, 2.988 kvar
        var profile = MeterPort.Read(meter, "P.01", "2501150900;2501151030");
        var header = profile[0];
        Assert.Equal("P.01", header.Address);
        Assert.Equal("02501150915", header.Values[0].Value); // first interval: the one ending 09:15, winter (0)
        Assert.Equal("15", header.Values[2].Value); // minutes an interval
        var rows = profile.Skip(1).ToList();
        Assert.Equal(6, rows.Count);
        double full = Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(15)); // 1725 Wh
        double half = Expect.ThreePhaseWh(230, 5, 60, TimeSpan.FromMinutes(15)); // 431.25 Wh
        double reactive = 3 * 230 * 5 * Math.Sin(Math.PI / 3) * 0.25; // 746.96 varh a quarter hour
        for (int i = 0; i < 4; i++) Expect.Energy(full, Expect.Wh(rows[i].Values[0].Value), $"A+ of interval {i + 1}");
        for (int i = 4; i < 6; i++)
        {
            Expect.Energy(half, Expect.Wh(rows[i].Values[0].Value), $"A+ of interval {i + 1}");
            Expect.Energy(reactive, Expect.Wh(rows[i].Values[2].Value), $"R+ of interval {i + 1}");
        }
        Assert.All(rows, r => Assert.Equal(0, Expect.Wh(r.Values[1].Value))); // no export
    }

    [SkippableFact]
    public void A_power_cut_is_logged_down_and_up_at_its_times_and_the_registers_survive_it()
    {
        using var meter = MeterTargets.Open(Start);
        var bench = MeterPort.Bench(meter, "cut and restore the supply");
        bench.SetLoad(10);
        bench.Advance(TimeSpan.FromMinutes(30)); // to 09:30 CET
        long before = Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0"));
        bench.CutPower();
        bench.Advance(TimeSpan.FromMinutes(20)); // the outage: 09:30 … 09:50 CET
        bench.RestorePower();
        Assert.Equal(before, Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0"))); // nothing lost, nothing added
        var log = MeterPort.Read(meter, "P.98", "2501150929;2501150951").Skip(1).ToList();
        // PowerDown (1) at 09:30:00, PowerUp (2) at 09:50:00, winter (Z = 0).
        Assert.Contains(log, e => e.Values[0].Value == "0250115093000" && e.Values[1].Value == "1");
        Assert.Contains(log, e => e.Values[0].Value == "0250115095000" && e.Values[1].Value == "2");
        bench.Advance(TimeSpan.FromMinutes(10)); // 09:50 … 10:00 at 6.9 kW again
        Expect.Energy(before + Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromMinutes(10)), Expect.Wh(Expect.Single(MeterPort.Read(meter, "1.8.0"), "1.8.0")), "A+ after the outage");
    }
}
