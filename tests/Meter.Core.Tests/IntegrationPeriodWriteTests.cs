using System.Text;
using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// W1 of the integration period 1-0:0.8.0 (issue 7 programming mode): accepted values, refusals,
/// the event, the period kept in the load profile over a restart, and demand across the change.
/// </summary>
public class IntegrationPeriodWriteTests
{
    // unbalanced load: 230 × (5 cos10° + 10 cos25° + 2 cos0°) = 3677.1 W (RestartAndPowerCutTests).
    private const double UnbalancedWatts = 3677.1;

    private static ObisWriteResult Write(ElectricityMeter m, string text, int level = 1) =>
        MeterRig.Write(m, StandardObjects.IntegrationPeriod, text, level);

    private static List<EventRecord> ParameterChanges(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange) list.Add(e);
        }
        return list;
    }

    private static long Seconds(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds();

    private static long MaxWatts(DemandMeter d) => d.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);

    [Fact]
    public void The_write_is_accepted_kept_in_the_profile_over_a_restart_logged_once_and_read_back()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start("unbalanced", state))
            {
                var m = first.Meter;
                first.RunFor(TimeSpan.FromMinutes(37));
                Assert.Equal("(15)", MeterRig.ValueText(m, StandardObjects.IntegrationPeriod));
                long block = m.Storage.Profile.CurrentBlockSequence;
                Assert.Equal(ObisWriteResult.Accepted, Write(m, "30"));
                Assert.Equal("(30)", MeterRig.ValueText(m, StandardObjects.IntegrationPeriod)); // R1 gives the new value
                Assert.Equal(30, m.Period.Minutes);
                Assert.Equal(30, m.Storage.Profile.PeriodMinutes);
                Assert.Equal(block + 1, m.Storage.Profile.CurrentBlockSequence); // the new block is written at once
                Assert.Equal(1800, m.Metering.Demand.PeriodSeconds);

                // The optical server reports the accepted write too; EventRouting must not log it a second time.
                m.Events.Record(OpticalEventKind.WriteAccepted, 0, StandardObjects.IntegrationPeriod, 1);
                var change = Assert.Single(ParameterChanges(m));
                Assert.Equal(IntegrationPeriodSetting.EventDetail, change.Detail);
                Assert.Equal((15L, 30L), (change.OldValue, change.NewValue));

                // The same value again: accepted, nothing written, nothing logged.
                Assert.Equal(ObisWriteResult.Accepted, Write(m, "30"));
                Assert.Equal(block + 1, m.Storage.Profile.CurrentBlockSequence);
                Assert.Single(ParameterChanges(m));
                first.Stop();
            }

            using var second = MeterRig.Start("unbalanced", state);
            var r = second.Meter;
            Assert.Equal(0, r.Recovery.RepairCount);
            Assert.False(r.Recovery.DemandRefused);
            Assert.Equal(30, r.Period.Minutes); // from the profile's newest block: no settings-record value
            Assert.Equal("(30)", MeterRig.ValueText(r, StandardObjects.IntegrationPeriod));
            Assert.Equal(1800, r.Metering.Demand.PeriodSeconds);
            // Profile after the restart: entries at 00:15, 00:30, the short one at 00:37, then 01:00 (30-min boundary).
            second.RunFor(TimeSpan.FromMinutes(24));
            var reader = new LoadProfileReader(r.Storage.Profile);
            var entries = new List<ProfileEntry>();
            for (var e = new ProfileEntry(4); reader.Next(e); e = new ProfileEntry(4)) entries.Add(e);
            DateTime t0 = MeterRig.WednesdayMidnightLocal;
            Assert.Equal(new[] { 15, 30, 37, 60 }.Select(min => t0.AddMinutes(min)), entries.Select(e => e.EndTime));
            Assert.Equal(new[] { 15, 15, 15, 30 }, entries.Select(e => e.PeriodMinutes));
            Assert.Equal(IntervalStatus.Incomplete, entries[2].Status);
            Assert.Equal(IntervalStatus.PowerFailure, entries[3].Status); // the restart's mark (the boot does not know the change's)
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Theory]
    [InlineData("10", ObisWriteResult.OutOfRange, 1)]  // 1..60 but not a period the seeds offer
    [InlineData("0", ObisWriteResult.OutOfRange, 1)]   // outside the object's range
    [InlineData("61", ObisWriteResult.OutOfRange, 1)]
    [InlineData("x5", ObisWriteResult.InvalidFormat, 1)]
    [InlineData("30", ObisWriteResult.AccessDenied, 0)] // without the P1 password
    public void A_refused_write_changes_nothing(string text, ObisWriteResult expected, int level)
    {
        using var host = MeterRig.Start("balanced");
        var m = host.Meter;
        host.RunFor(TimeSpan.FromMinutes(20));
        long block = m.Storage.Profile.CurrentBlockSequence;
        int tail = m.Storage.Profile.CurrentTail;
        long events = m.Storage.Events.Count;
        Assert.Equal(expected, Write(m, text, level));
        Assert.Equal(15, m.Period.Minutes);
        Assert.Equal(900, m.Metering.Demand.PeriodSeconds);
        Assert.Equal((block, tail), (m.Storage.Profile.CurrentBlockSequence, m.Storage.Profile.CurrentTail));
        Assert.Equal(events, m.Storage.Events.Count);
        Assert.Equal("(15)", MeterRig.ValueText(m, StandardObjects.IntegrationPeriod));
    }

    [Fact]
    public void Demand_15_to_30_drops_the_cut_period_keeps_the_maximum_in_watts_and_starts_aligned()
    {
        using var host = MeterRig.Start("unbalanced");
        var m = host.Meter;
        DemandMeter d = m.Metering.Demand;
        long t0 = Seconds(MeterRig.WednesdayMidnightLocal);
        host.RunFor(TimeSpan.FromMinutes(37)); // 15-min periods closed at 00:15 and 00:30
        Assert.Equal(2, d.ClosedPeriods);
        long watts = MaxWatts(d);
        long counts = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
        long time = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
        Assert.InRange(watts, UnbalancedWatts * 0.999 - 1, UnbalancedWatts * 1.001);
        string text = MeterRig.ValueText(m, StandardObjects.MaximumDemandImport);

        Assert.Equal(ObisWriteResult.Accepted, Write(m, "30"));
        // Same power, twice the counts per (twice as long) period: 15 → 30 multiplies exactly. Read as-is
        // the 15-min counts would show 3677 / 2 = 1838 W.
        Assert.Equal(2 * counts, d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(watts, MaxWatts(d));
        Assert.Equal(time, d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(text, MeterRig.ValueText(m, StandardObjects.MaximumDemandImport));
        // The 00:30–00:37 period ended without a maximum; the new one is aligned: floor(00:37, 30 min) = 00:30.
        Assert.Equal(2, d.ClosedPeriods);
        Assert.Equal(t0 + 1800, d.CurrentPeriodStartSeconds);
        Assert.Equal(0, d.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));

        // 00:59: 22 min of load in the 30-min period → mean 3677.1 × 22 / 30 = 2696.5 W.
        host.RunFor(TimeSpan.FromMinutes(22));
        long running = d.ToPower(d.GetCurrentPeriodCounts(DemandQuantity.ActiveImport), DemandQuantity.ActiveImport, true, 0);
        Assert.InRange(running, UnbalancedWatts * 22 / 30 * 0.999 - 1, UnbalancedWatts * 22 / 30 * 1.001);
        // 01:01: that period closed at 01:00 (2819 W = 3677.1 × 23/30, below the maximum: unchanged).
        host.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal(3, d.ClosedPeriods);
        Assert.Equal(watts, MaxWatts(d));
        Assert.Equal(time, d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.Equal(t0 + 3600, d.CurrentPeriodStartSeconds);
        // 01:31: the first full 30-min period, mean 3677.1 W, competes in watts with the 15-min maximum.
        host.RunFor(TimeSpan.FromMinutes(30));
        Assert.Equal(4, d.ClosedPeriods);
        Assert.InRange(MaxWatts(d), UnbalancedWatts * 0.999 - 1, UnbalancedWatts * 1.001);

        // The profile over the same time: 15-min entries, the short 00:37 one, the short first 30-min one, a full one.
        var reader = new LoadProfileReader(m.Storage.Profile);
        var entries = new List<ProfileEntry>();
        for (var e = new ProfileEntry(4); reader.Next(e); e = new ProfileEntry(4)) entries.Add(e);
        DateTime start = MeterRig.WednesdayMidnightLocal;
        Assert.Equal(new[] { 15, 30, 37, 60, 90 }.Select(min => start.AddMinutes(min)), entries.Select(e => e.EndTime));
        Assert.Equal(new[] { 15, 15, 15, 30, 30 }, entries.Select(e => e.PeriodMinutes));
        Assert.Equal(new[] { 0, 0, IntervalStatus.Incomplete, IntervalStatus.Incomplete, 0 }, entries.Select(e => e.Status));
        // A+ Wh = 3677.1 W × minutes / 60: 7 min 429.0, 23 min 1409.6, 30 min 1838.6.
        foreach (var (entry, minutes) in new[] { (entries[2], 7), (entries[3], 23), (entries[4], 30) })
            Assert.InRange(entry.Deltas[0], UnbalancedWatts * minutes / 60 * 0.998 - 1, UnbalancedWatts * minutes / 60 * 1.002 + 1);
    }

    [Fact]
    public void Demand_15_to_5_keeps_the_maximum_in_watts_instead_of_tripling_it()
    {
        using var host = MeterRig.Start("unbalanced");
        var m = host.Meter;
        DemandMeter d = m.Metering.Demand;
        long t0 = Seconds(MeterRig.WednesdayMidnightLocal);
        host.RunFor(TimeSpan.FromMinutes(37));
        long watts = MaxWatts(d);
        long counts = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
        Assert.Equal(ObisWriteResult.Accepted, Write(m, "5"));
        // 15-min counts read over 5 min would be 3 × 3677.1 = 11 031 W; rescaled (÷ 3, rounded down) they stay 3677 W.
        Assert.Equal(counts / 3, d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        Assert.InRange(MaxWatts(d), watts - 1, watts);
        Assert.Equal(t0 + 35 * 60, d.CurrentPeriodStartSeconds); // floor(00:37, 5 min)
        // 00:46: periods closed at 00:40 (00:37–00:40 of 5 min: 3677.1 × 3/5 = 2206 W) and 00:45 (full, 3677.1 W).
        host.RunFor(TimeSpan.FromMinutes(9));
        Assert.Equal(4, d.ClosedPeriods);
        Assert.InRange(MaxWatts(d), UnbalancedWatts * 0.999 - 1, UnbalancedWatts * 1.001);
    }

    [Fact]
    public void The_billing_close_after_a_change_stores_the_maximum_in_watts_and_clears_it()
    {
        // 2025-01-31 23:00 local (22:00 UTC): the monthly close (target day 1) falls at 00:00 on 1 February.
        var start = new DateTime(2025, 1, 31, 22, 0, 0, DateTimeKind.Utc);
        using var host = MeterRig.Start("unbalanced", start: start);
        var m = host.Meter;
        DemandMeter d = m.Metering.Demand;
        host.RunFor(TimeSpan.FromMinutes(37));
        long watts = MaxWatts(d);
        Assert.Equal(ObisWriteResult.Accepted, Write(m, "30"));
        host.RunFor(TimeSpan.FromMinutes(30)); // to 00:07 local: the 23:30–00:00 period (23 min of load) closed, then billing
        Assert.Equal(1, m.BillingPeriodCounter);
        var record = new PeriodRecord(m.Storage.Billing.ValueCount);
        Assert.True(m.Storage.Billing.TryRead(0, record));
        // 23:37–00:00 gave 3677.1 × 23/30 = 2819 W: the stored maximum is still the 15-min one, in watts.
        Assert.Equal(watts, record.Values[BillingValues.PPlusMax]);
        Assert.Equal(0, MaxWatts(d));
        Assert.Equal(watts, d.ReadAccumulatedMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0));
    }

    [Fact]
    public void A_cut_between_the_profile_commit_and_the_demand_save_restores_the_old_record_converted()
    {
        string state = MeterRig.TempState();
        try
        {
            long watts, counts, time;
            using (var first = MeterRig.Start("unbalanced", state))
            {
                var m = first.Meter;
                first.RunFor(TimeSpan.FromMinutes(37));
                var old = new long[DemandRecord.Length];
                m.Storage.Demand.CopyTo(old); // the record saved at the 00:30 close, 15-min period
                DemandMeter d = m.Metering.Demand;
                watts = MaxWatts(d);
                counts = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                time = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                Assert.Equal(ObisWriteResult.Accepted, Write(m, "30"));
                // Put the pre-change record back: the NV memory as a cut right after the profile commit leaves it.
                m.Storage.Demand.Commit(old);
                first.CutPower();
            }
            using var second = MeterRig.Start("unbalanced", state);
            var r = second.Meter;
            Assert.False(r.Recovery.DemandRefused);
            Assert.Equal(0, r.Recovery.RepairCount);
            Assert.Equal(30, r.Period.Minutes);
            DemandMeter rd = r.Metering.Demand;
            Assert.Equal(1800, rd.PeriodSeconds);
            Assert.Equal(2 * counts, rd.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            Assert.Equal(watts, MaxWatts(rd));
            Assert.Equal(time, rd.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            // The converted record was written back: a second restart finds a 30-min record.
            var saved = new long[DemandRecord.Length];
            r.Storage.Demand.CopyTo(saved);
            Assert.Equal(1800, saved[0]);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
