using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>The demand record (Meter.Core DemandRecord) over a restart, a power cut without the mains-fail save, and corruption.</summary>
public class DemandPersistenceTests
{
    // unbalanced load: 230 × (5 cos10° + 10 cos25° + 2 cos0°) = 3677.1 W (RestartAndPowerCutTests).
    private const double UnbalancedWatts = 3677.1;

    [Fact]
    public void A_restart_shows_the_same_maximum_and_time_and_continues_the_running_period()
    {
        string state = MeterRig.TempState();
        try
        {
            string maxText;
            long maxTime, maxCounts, periodStart, periodCounts;
            using (var first = MeterRig.Start("unbalanced", state))
            {
                // 37 min: periods closed at 00:15 and 00:30 (15-min preset), the running one started at 00:30.
                first.RunFor(TimeSpan.FromMinutes(37));
                DemandMeter d = first.Meter.Metering.Demand;
                Assert.Equal(2, d.ClosedPeriods);
                maxText = MeterRig.ValueText(first.Meter, StandardObjects.MaximumDemandImport);
                maxTime = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                maxCounts = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                periodStart = d.CurrentPeriodStartSeconds;
                periodCounts = d.GetCurrentPeriodCounts(DemandQuantity.ActiveImport);
                first.Stop(); // mains-fail signal
            }
            long start = new DateTimeOffset(MeterRig.WednesdayMidnightLocal).ToUnixTimeSeconds();
            Assert.True(maxTime == start + 900 || maxTime == start + 1800, $"maximum stamped {maxTime - start} s after start");
            Assert.Equal(start + 1800, periodStart);

            using var second = MeterRig.Start("unbalanced", state);
            DemandMeter r = second.Meter.Metering.Demand;
            Assert.False(second.Meter.Recovery.DemandRefused);
            Assert.Equal(0, second.Meter.Recovery.RepairCount);
            Assert.Equal(maxText, MeterRig.ValueText(second.Meter, StandardObjects.MaximumDemandImport));
            Assert.Equal(maxTime, r.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            Assert.Equal(maxCounts, r.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            Assert.Equal(periodStart, r.CurrentPeriodStartSeconds);
            Assert.Equal(periodCounts, r.GetCurrentPeriodCounts(DemandQuantity.ActiveImport));

            // The running period continues: 7 min 59 s more (the clock went on from the stop, .rtc sidecar)
            // make it 14 min 59 s of load, mean over the 15-min period 3677.1 × 899/900 = 3673.0 W; a period
            // restarted at boot would hold only 7 min 59 s: 3677.1 × 479/900 = 1957 W.
            second.RunFor(TimeSpan.FromSeconds(7 * 60 + 59));
            Assert.Equal(periodStart, r.CurrentPeriodStartSeconds);
            long mean = r.ToPower(r.GetCurrentPeriodCounts(DemandQuantity.ActiveImport), DemandQuantity.ActiveImport, true, 0);
            Assert.InRange(mean, UnbalancedWatts * 899 / 900 * 0.999, UnbalancedWatts * 899 / 900 * 1.001);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void A_power_cut_without_the_mains_fail_save_keeps_the_maxima_saved_at_the_last_period_close()
    {
        string state = MeterRig.TempState();
        try
        {
            long maxTime, maxCounts, thresholdCount, closed;
            long[] registersBefore;
            using (var first = MeterRig.Start("inductive", state))
            {
                first.RunFor(TimeSpan.FromSeconds(37 * 60 + 23)); // last demand save at the 00:30 close
                DemandMeter d = first.Meter.Metering.Demand;
                maxTime = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                maxCounts = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                thresholdCount = d.PowerThresholdCount;
                closed = d.ClosedPeriods;
                registersBefore = MeterRig.Snapshot(first.Meter);
                // Two period closes in 37 min: two demand records, not one per cycle (2243 cycles).
                Assert.Equal(2, first.Meter.DemandSaves);
                first.CutPower();
            }
            Assert.True(maxCounts > 0);
            using var second = MeterRig.Start("inductive", state);
            DemandMeter r = second.Meter.Metering.Demand;
            Assert.Equal(0, second.Meter.Recovery.RepairCount);
            Assert.Equal(maxTime, r.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            Assert.Equal(maxCounts, r.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            Assert.Equal(thresholdCount, r.PowerThresholdCount);
            Assert.Equal(closed, r.ClosedPeriods);
            // The registers came back from their own record (at most one save step behind), untouched by demand.
            long[] after = MeterRig.Snapshot(second.Meter);
            for (int i = 0; i < after.Length; i++) Assert.True(after[i] <= registersBefore[i]);
            // The period running at the cut (from 00:30) goes on and closes at 00:45 with a real mean.
            second.RunFor(TimeSpan.FromMinutes(8));
            Assert.Equal(closed + 1, r.ClosedPeriods);
            Assert.True(r.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs) >= maxCounts);
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void A_demand_record_the_demand_meter_refuses_is_reported_as_a_repair_and_the_registers_stay()
    {
        string state = MeterRig.TempState();
        try
        {
            long[] registersBefore;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromMinutes(20));
                first.Stop();
                registersBefore = MeterRig.Snapshot(first.Meter);
            }
            // Commit a CRC-valid record whose content is wrong: the maximum's time stamp is not a period end.
            using (var nv = new FileNvMemory(state, SimulatedBoard.NvBytes))
            {
                WearLevelledRecord demand = DemandArea(nv);
                Assert.True(demand.Recover());
                var values = new long[DemandRecord.Length];
                demand.CopyTo(values);
                values[8 + 4 + 0] = 1000;                    // P+ maximum (all tariffs), counts
                values[8 + 4 + 12 + 0] = 900 * 1_000_000L + 7; // its time: not a multiple of 900 s
                demand.Commit(values);
            }
            long repairsBefore;
            using (var second = MeterRig.Start("balanced", state))
            {
                ElectricityMeter m = second.Meter;
                Assert.True(m.Recovery.DemandRefused);
                Assert.Equal(1, m.Recovery.RepairCount);
                Assert.NotEqual(0, m.ErrorWord & MeterStatusWords.ErrorStorageRepaired);
                Assert.Equal(registersBefore, MeterRig.Snapshot(m));
                Assert.True(NewestRepairArea(m) == StorageArea.Demand);
                Assert.Equal(-1, m.Metering.Demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
                repairsBefore = m.Storage.Events.CountOf(EventKind.StorageRepair);
                // The meter runs on and records demand again.
                second.RunFor(TimeSpan.FromMinutes(16));
                Assert.True(m.Metering.Demand.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs) > 0);
                second.Stop();
            }
            // The refused record was replaced: the next boot reports nothing.
            using var third = MeterRig.Start("balanced", state);
            Assert.False(third.Meter.Recovery.DemandRefused);
            Assert.Equal(0, third.Meter.Recovery.RepairCount);
            Assert.Equal(repairsBefore, third.Meter.Storage.Events.CountOf(EventKind.StorageRepair));
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void Torn_newest_demand_slots_fall_back_to_an_older_one_without_overstating_its_period()
    {
        string state = MeterRig.TempState();
        try
        {
            long maxAt15, maxTimeAt15;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromMinutes(16)); // demand record 1 at the 00:15 close
                DemandMeter d = first.Meter.Metering.Demand;
                maxAt15 = d.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                maxTimeAt15 = d.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
                first.RunFor(TimeSpan.FromMinutes(20)); // record 2 at the 00:30 close
                first.Stop();                           // record 3 on mains fail at 00:36
            }
            using (var nv = new FileNvMemory(state, SimulatedBoard.NvBytes))
            {
                WearLevelledRecord demand = DemandArea(nv);
                Assert.True(demand.Recover());
                Assert.Equal(3, demand.Sequence);
                // Tear records 3 and 2 (slot = sequence mod 4) in the middle: only record 1 stays valid.
                int slotSize = WearLevelledRecord.SlotSize(DemandRecord.Length);
                foreach (int slot in new[] { 2, 3 })
                    nv.Write(Layout().DemandAddress + slot * slotSize + 100, new byte[] { 0x5A, 0xA5, 0x5A }, 0, 3);
            }
            using var second = MeterRig.Start("balanced", state);
            ElectricityMeter m = second.Meter;
            Assert.Equal(2, m.Recovery.TornDemandSlots);
            Assert.Equal(StorageArea.Demand, NewestRepairArea(m));
            DemandMeter r = m.Metering.Demand;
            Assert.Equal(maxAt15, r.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
            // Record 1's running period (00:15–00:30) ended before the registers' last save (00:36): closing it
            // now would put 21 min of a constant load into a 15-min mean, 21/15 = 1.4 × the real maximum.
            // It is dropped instead; after the 00:45 close the maximum is still the 00:15 period's.
            second.RunFor(TimeSpan.FromMinutes(10));
            Assert.True(r.ClosedPeriods >= 2);
            long max = r.GetMaximumCounts(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
            Assert.True(max <= maxAt15 + maxAt15 / 100, $"maximum {max} counts against {maxAt15} of a full period");
            Assert.Equal(maxTimeAt15, r.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs));
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    private static StorageLayout Layout() => new()
    {
        RegisterCount = RegisterRecord.Length,
        DemandValueCount = DemandRecord.Length,
        ProfilePeriodMinutes = 15,
    };

    private static WearLevelledRecord DemandArea(FileNvMemory nv)
    {
        StorageLayout layout = Layout();
        return new WearLevelledRecord(nv, layout.DemandAddress, layout.DemandValueCount, layout.DemandSlots);
    }

    private static int NewestRepairArea(ElectricityMeter m)
    {
        var e = new EventRecord();
        for (int age = 0; m.Storage.Events.TryRead(age, e); age++)
            if (e.Kind == EventKind.StorageRepair) return e.Detail;
        return -1;
    }
}
