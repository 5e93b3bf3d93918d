using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class EventLogTests
{
    [Fact]
    public void Events_read_back_newest_first_and_counters_outlive_the_ring()
    {
        var memory = new RamNvMemory(8192);
        var log = new EventLog(memory, 0, 10);
        log.Recover();
        var t = new DateTime(2024, 6, 1, 12, 0, 0);
        for (int i = 0; i < 25; i++)
        {
            log.Log(t.AddSeconds(i), EventKind.PowerDown, 1 + i % 3, 0, 0);
            log.Log(t.AddSeconds(i).AddMilliseconds(500), EventKind.PowerUp, 1 + i % 3, 0, 0);
        }
        log.Log(t.AddHours(1), EventKind.ParameterChange, 7, 5000, 10000); // e.g. pulse constant 5000 → 10000

        var rebooted = new EventLog(memory, 0, 10);
        rebooted.Recover();
        Assert.Equal(10, rebooted.Count);
        Assert.Equal(51, rebooted.TotalLogged);
        Assert.Equal(25, rebooted.CountOf(EventKind.PowerDown)); // more than the ring holds
        Assert.Equal(25, rebooted.CountOf(EventKind.PowerUp));
        Assert.Equal(1, rebooted.CountOf(EventKind.ParameterChange));
        Assert.Equal(0, rebooted.CountOf(EventKind.Tamper));
        var e = new EventRecord();
        Assert.True(rebooted.TryRead(0, e));
        Assert.Equal((EventKind.ParameterChange, 7, 5000L, 10000L, t.AddHours(1)), (e.Kind, e.Detail, e.OldValue, e.NewValue, e.Time));
        Assert.True(rebooted.TryRead(1, e));
        Assert.Equal(EventKind.PowerUp, e.Kind);
        Assert.Equal(1 + 24 % 3, e.Detail); // phase of the last pair
        Assert.Equal(t.AddSeconds(24), e.Time); // stored to the second
        Assert.False(rebooted.TryRead(10, e));
    }

    [Fact]
    public void A_cut_between_event_and_counter_write_is_repaired_at_boot()
    {
        var memory = new RamNvMemory(8192);
        var log = new EventLog(memory, 0, 10);
        log.Recover();
        log.Log(new DateTime(2024, 1, 1), EventKind.Tamper, 1, 0, 0);
        // The event record (32 bytes) is written first, then the counters: cut right after the event.
        memory.CutAtByteWrite = memory.ByteWrites + EventLog.RecordSize;
        Assert.Throws<PowerCutException>(() => log.Log(new DateTime(2024, 1, 2), EventKind.Tamper, 2, 0, 0));
        var rebooted = new EventLog(memory, 0, 10);
        rebooted.Recover();
        Assert.Equal(1, rebooted.CountersRepaired);
        Assert.Equal(2, rebooted.CountOf(EventKind.Tamper));
        Assert.Equal(2, rebooted.TotalLogged);
        var again = new EventLog(memory, 0, 10);
        again.Recover();
        Assert.Equal(0, again.CountersRepaired + again.TornSlots + again.TornCounterSlots);
        Assert.Equal(2, again.CountOf(EventKind.Tamper));
    }

    [Fact]
    public void Rejects_unknown_kinds_and_details()
    {
        var log = new EventLog(new RamNvMemory(8192), 0, 10);
        log.Recover();
        Assert.Throws<ArgumentException>(() => log.Log(new DateTime(2024, 1, 1), 0, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => log.Log(new DateTime(2024, 1, 1), EventKind.Count + 1, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => log.Log(new DateTime(2024, 1, 1), EventKind.Tamper, 256, 0, 0));
    }

    [Fact]
    public void Restarts_are_counted_from_the_stored_record_whose_size_and_meaning_stay_as_before()
    {
        // The counter record keeps 13 values (last counted seq + kinds 1 … 12) in 8 slots of
        // 4 + 13 × 8 + 4 = 112 bytes: 896 bytes, then 251 records × 32 = 8 032 → 8 928 bytes for 250 events.
        Assert.Equal(8 * 112 + 251 * 32, EventLog.RegionSize(250));
        var memory = new RamNvMemory(8192);
        var log = new EventLog(memory, 0, 10);
        log.Recover();
        var t = new DateTime(2024, 6, 1, 12, 0, 0);
        log.Log(t, EventKind.PowerDown, 0, 0, 0);
        log.Log(t.AddSeconds(1), EventKind.Login, 1, 0, 0);
        Assert.Equal(0, log.CountOf(EventKind.Restart));
        log.Log(t.AddSeconds(2), EventKind.Restart, 4, 0, 0);  // watchdog
        log.Log(t.AddSeconds(3), EventKind.PowerUp, 0, 0, 0);
        log.Log(t.AddSeconds(4), EventKind.Restart, 2, 0, 0);  // ADE7880 driver exception
        Assert.Equal(2, log.CountOf(EventKind.Restart));

        var rebooted = new EventLog(memory, 0, 10);
        rebooted.Recover();
        Assert.Equal(2, rebooted.CountOf(EventKind.Restart));
        Assert.Equal((1L, 1L, 1L, 5L), (rebooted.CountOf(EventKind.PowerDown), rebooted.CountOf(EventKind.PowerUp),
            rebooted.CountOf(EventKind.Login), rebooted.TotalLogged));
        var e = new EventRecord();
        Assert.True(rebooted.TryRead(0, e));
        Assert.Equal((EventKind.Restart, 2), (e.Kind, e.Detail));

        // What a firmware from before kind 13 reads from the same bytes: value 0 = 5 events counted,
        // its kinds' counters unchanged (the two restarts are the 5 − 3 it cannot attribute).
        var stored = new WearLevelledRecord(memory, 0, EventLog.CounterRecordValues, EventLog.CounterSlots);
        Assert.True(stored.Recover());
        Assert.Equal((5L, 1L, 1L, 1L), (stored[0], stored[EventKind.PowerDown], stored[EventKind.PowerUp], stored[EventKind.Login]));
    }

    [Fact]
    public void A_cut_between_a_restart_event_and_its_counter_write_is_repaired_at_boot()
    {
        var memory = new RamNvMemory(8192);
        var log = new EventLog(memory, 0, 10);
        log.Recover();
        log.Log(new DateTime(2024, 1, 1), EventKind.Restart, 1, 0, 0);
        memory.CutAtByteWrite = memory.ByteWrites + EventLog.RecordSize; // event written, counters not
        Assert.Throws<PowerCutException>(() => log.Log(new DateTime(2024, 1, 2), EventKind.Restart, 4, 0, 0));
        var rebooted = new EventLog(memory, 0, 10);
        rebooted.Recover();
        Assert.Equal(1, rebooted.CountersRepaired);
        Assert.Equal(2, rebooted.CountOf(EventKind.Restart));
        var again = new EventLog(memory, 0, 10);
        again.Recover();
        Assert.Equal(0, again.CountersRepaired);
        Assert.Equal(2, again.CountOf(EventKind.Restart));
        Assert.Equal(0, again.CountOf(EventKind.PowerDown));
    }
}
