using Meter.Core;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>The shared device-state record: restore, owned values, saving on change and at the mains-fail save.</summary>
public class DeviceStateRecordTests
{
    private static (RamNvMemory Memory, MeterStorage Storage) OpenStorage(RamNvMemory? memory = null)
    {
        memory ??= new RamNvMemory(256 * 1024);
        var storage = new MeterStorage(memory, RegisterRecord.Layout(15), new RegisterSavePolicy(Enumerable.Repeat(1L, RegisterRecord.Length).ToArray()));
        storage.Open(new DateTime(2026, 1, 1));
        return (memory, storage);
    }

    [Fact]
    public void A_blank_memory_restores_nothing_and_every_value_reads_0()
    {
        var (_, storage) = OpenStorage();
        var record = new DeviceStateRecord(storage.DeviceState);
        record.Restore();
        Assert.False(record.Restored);
        for (int i = 1; i < DeviceStateRecord.Length; i++) Assert.Equal(0, record.Get(i));
    }

    [Fact]
    public void Values_committed_survive_a_restart_and_unchanged_values_are_not_rewritten()
    {
        var (memory, storage) = OpenStorage();
        var record = new DeviceStateRecord(storage.DeviceState);
        record.Restore();
        record.Set(DeviceStateRecord.Breaker, 2);
        record.Set(DeviceStateRecord.Prepayment, -123456789012L);
        record.Set(DeviceStateRecord.Inputs + 7, 42);
        Assert.True(record.SaveIfChanged());
        Assert.False(record.SaveIfChanged()); // nothing changed since
        record.Set(DeviceStateRecord.Breaker, 2); // same value: no change
        Assert.False(record.SaveIfChanged());
        Assert.Equal(1, record.Saves);

        var (_, reopened) = OpenStorage(memory);
        var restored = new DeviceStateRecord(reopened.DeviceState);
        restored.Restore();
        Assert.True(restored.Restored);
        Assert.Equal((2L, -123456789012L, 42L), (restored.Get(DeviceStateRecord.Breaker), restored.Get(DeviceStateRecord.Prepayment), restored.Get(DeviceStateRecord.Inputs + 7)));
    }

    [Fact]
    public void A_record_of_another_meaning_is_not_applied_and_the_marker_cannot_be_overwritten()
    {
        var (memory, storage) = OpenStorage();
        long[] foreign = new long[DeviceStateRecord.Length];
        foreign[0] = 0x12345678;
        foreign[DeviceStateRecord.Breaker] = 1;
        storage.DeviceState!.Commit(foreign);
        var (_, reopened) = OpenStorage(memory);
        var record = new DeviceStateRecord(reopened.DeviceState);
        record.Restore();
        Assert.False(record.Restored);
        Assert.Equal(0, record.Get(DeviceStateRecord.Breaker));
        Assert.Throws<ArgumentOutOfRangeException>(() => record.Set(DeviceStateRecord.Marker, 1));
    }
}
