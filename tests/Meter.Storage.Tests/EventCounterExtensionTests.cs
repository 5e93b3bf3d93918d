using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The event-counter extension (layout version 6): <see cref="EventKind.VoltageQuality"/> is counted in its own
/// record after the 13-value counter record, and the derived restart count leaves it out.
/// </summary>
public class EventCounterExtensionTests
{
    private const int Capacity = 10;
    private const int ExtensionAt = 4096; // past the log's region: 8·(8+13·8) + 11·32 = 1 248 bytes
    private static readonly DateTime T = new(2025, 6, 1, 8, 0, 0);

    private static EventLog Open(RamNvMemory memory)
    {
        var log = new EventLog(memory, 0, Capacity, ExtensionAt);
        log.Recover();
        return log;
    }

    [Fact]
    public void Voltage_events_count_apart_from_restarts_and_outlive_the_ring()
    {
        var memory = new RamNvMemory(8192);
        var log = Open(memory);
        for (int i = 0; i < 12; i++) log.Log(T.AddSeconds(i), EventKind.VoltageQuality, 16 + 1, i, i + 1);
        log.Log(T.AddMinutes(1), EventKind.Restart, 2, 0, 0);
        log.Log(T.AddMinutes(2), EventKind.Login, 1, 0, 0);

        var rebooted = Open(memory);
        // 14 events: 12 voltage (more than the 10-event ring holds), 1 restart (= 14 − 1 login − 12 voltage), 1 login.
        Assert.Equal((12L, 1L, 1L, 14L), (rebooted.CountOf(EventKind.VoltageQuality), rebooted.CountOf(EventKind.Restart),
            rebooted.CountOf(EventKind.Login), rebooted.TotalLogged));
        Assert.Equal(0, rebooted.CountersRepaired + rebooted.TornSlots + rebooted.TornCounterSlots);
    }

    [Fact]
    public void A_log_without_the_extension_refuses_voltage_events_and_writes_nothing()
    {
        var memory = new RamNvMemory(8192);
        var log = new EventLog(memory, 0, Capacity);
        log.Recover();
        long writes = memory.ByteWrites;
        var e = Assert.Throws<ArgumentException>(() => log.Log(T, EventKind.VoltageQuality, 17, 0, 1));
        Assert.Contains("layout version 6", e.Message);
        Assert.Equal(writes, memory.ByteWrites);
        Assert.False(log.HasExtension);
    }

    [Fact]
    public void A_cut_at_every_byte_of_a_voltage_event_leaves_it_logged_and_counted_or_not_at_all()
    {
        var memory = new RamNvMemory(8192);
        var log = Open(memory);
        log.Log(T, EventKind.VoltageQuality, 16 + 2, 0, 1);
        log.Log(T.AddSeconds(1), EventKind.Restart, 1, 0, 0);
        byte[] before = memory.Snapshot();
        long start = memory.ByteWrites;
        log.Log(T.AddSeconds(5), EventKind.VoltageQuality, 128 + 16 + 2, 0, 5);
        int bytes = (int)(memory.ByteWrites - start);
        // Event 32 bytes, counter slot 8 + 13·8 = 112, extension slot 8 + 2·8 = 24.
        Assert.Equal(32 + 112 + 24, bytes);

        for (int cut = 0; cut < bytes; cut++)
        {
            var m = RamNvMemory.FromImage(before);
            var l = Open(m);
            m.CutAtByteWrite = m.ByteWrites + cut;
            Assert.Throws<PowerCutException>(() => l.Log(T.AddSeconds(5), EventKind.VoltageQuality, 128 + 16 + 2, 0, 5));
            var rebooted = Open(m);
            // Logged once the 32-byte record is complete: then counted 2 whatever else the cut tore.
            long expected = cut >= 32 ? 2 : 1;
            Assert.True(expected == rebooted.CountOf(EventKind.VoltageQuality), $"cut at byte {cut}");
            Assert.Equal(expected + 1, rebooted.TotalLogged);
            Assert.Equal(1, rebooted.CountOf(EventKind.Restart)); // never takes the voltage event
            var again = Open(m);
            Assert.Equal(0, again.CountersRepaired + again.TornSlots + again.TornCounterSlots);
            Assert.Equal(expected, again.CountOf(EventKind.VoltageQuality));
        }
    }
}
