using System.Text;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>
/// Power cut before a byte of every NV write the integration-period write makes (profile block,
/// event, register record, demand record), in the Meter.Storage FaultInjectionTests style: the torn
/// image boots as a new meter, which must have the old period (15 min, nothing logged) or the new
/// one (30 min, demand consistent with it), never a refused demand record or a lost profile. Every
/// 3rd byte by default; METER_PERIOD_CUT_STEP=1 for all of them.
/// </summary>
public class IntegrationPeriodPowerCutTests
{
    private readonly ITestOutputHelper _output;

    public IntegrationPeriodPowerCutTests(ITestOutputHelper output) => _output = output;

    private static int Step => TornWriteRig.StepFrom("METER_PERIOD_CUT_STEP", 3);

    private static int PeriodEvents(ElectricityMeter m)
    {
        int n = 0;
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange && e.Detail == IntegrationPeriodSetting.EventDetail) n++;
        }
        return n;
    }

    [Fact]
    public void A_cut_at_any_byte_of_the_change_boots_with_the_old_or_the_new_period_and_consistent_demand()
    {
        using var host = MeterRig.Start("unbalanced"); // RAM NV memory
        var m = host.Meter;
        host.RunFor(TimeSpan.FromMinutes(37));
        DemandMeter d = m.Metering.Demand;
        long watts = d.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);
        long maxTime = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
        long aPlus = MeterRig.Wh(m, EnergyRegister.ActiveImport);
        int oldSeen = 0, newSeen = 0;
        byte[] value = Encoding.ASCII.GetBytes("30");
        long candidates = TornWriteRig.CutDuring(host, "unbalanced", Step, lastByteOfEachWrite: false,
            () => Assert.Equal(ObisWriteResult.Accepted, m.Table.Write(StandardObjects.IntegrationPeriod, value, 0, value.Length, 1, false)),
            r =>
            {
                Assert.False(r.Recovery.DemandRefused);
                Assert.False(r.Storage.Profile.LostOnRecovery);
                Assert.InRange(MeterRig.Wh(r, EnergyRegister.ActiveImport), aPlus - 3, aPlus);
                DemandMeter rd = r.Metering.Demand;
                Assert.Equal(r.Period.Minutes * 60, rd.PeriodSeconds);
                Assert.Equal(r.Storage.Profile.PeriodMinutes, r.Period.Minutes);
                Assert.Equal(watts, rd.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0));
                Assert.Equal(maxTime, rd.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
                if (r.Period.Minutes == 15) Assert.Equal(0, PeriodEvents(r)); // not acknowledged, not logged
                if (r.Period.Minutes == 15) oldSeen++;
                else { Assert.Equal(30, r.Period.Minutes); newSeen++; }
            });
        _output.WriteLine($"cut points tried: {oldSeen + newSeen} of {candidates} bytes written (every {Step}); old period {oldSeen}, new period {newSeen}");
        Assert.True(oldSeen > 0 && newSeen > 0, $"old {oldSeen}, new {newSeen}");
    }
}
