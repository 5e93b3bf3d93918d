using Meter.Acceptance.Targets;

namespace Meter.Acceptance;

/// <summary>Billing closing: monthly on the 1st at 00:00 local time; the values at the closing are kept as billing period 1 (F = VZ, IEC 62056-61 value group F).</summary>
public class BillingTests
{
    [SkippableFact]
    public void The_month_end_closes_a_billing_period_with_the_registers_of_that_moment()
    {
        // Friday 2025-01-31 22:00 UTC = 23:00 CET: after 22:00 a working day is T2.
        using var meter = MeterTargets.Open(new DateTime(2025, 1, 31, 22, 0, 0, DateTimeKind.Utc));
        var bench = MeterPort.Bench(meter, "set the load and run over the month end");
        Assert.Equal(0, int.Parse(Expect.Single(MeterPort.Read(meter, "0.1.0"), "0.1.0").Value));
        bench.SetLoad(10);
        bench.Advance(TimeSpan.FromHours(2)); // closing at 2025-02-01 00:00 CET, one hour in
        double hour = Expect.ThreePhaseWh(230, 10, 0, TimeSpan.FromHours(1)); // 6900 Wh
        MeterPort.Programming(meter, s =>
        {
            Assert.Equal(1, int.Parse(Expect.Single(s.Read("0.1.0"), "0.1.0").Value)); // VZ: one closing
            Expect.Energy(hour, Expect.Wh(Expect.Single(s.Read("1.8.0*1"), "1.8.0*1")), "A+ at the closing (1.8.0*1)");
            Expect.Energy(hour, Expect.Wh(Expect.Single(s.Read("1.8.2*1"), "1.8.2*1")), "T2 at the closing (1.8.2*1)");
            Assert.Equal(0, Expect.Wh(Expect.Single(s.Read("1.8.1*1"), "1.8.1*1"))); // T1 saw nothing by 00:00
            Expect.Energy(2 * hour, Expect.Wh(Expect.Single(s.Read("1.8.0"), "1.8.0")), "A+ now (1.8.0)");
            return 0;
        });
    }
}
