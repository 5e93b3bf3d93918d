using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class MeterStorageTests
{
    private static MeterStorage NewStorage(RamNvMemory memory) =>
        new(memory, new StorageLayout(), new RegisterSavePolicy(Enumerable.Repeat(5L, 32).ToArray()));

    [Fact]
    public void A_cut_during_a_register_save_is_repaired_reported_and_logged()
    {
        var memory = new RamNvMemory(64 * 1024);
        var storage = NewStorage(memory);
        var t = new DateTime(2025, 3, 1, 12, 0, 0);
        Assert.True(storage.Open(t).Formatted);
        var registers = new long[32];
        registers[0] = 1234;
        Assert.True(storage.SaveRegisters(registers, force: false)); // first save always due
        registers[0] = 1236; // 1234 is in the 5 Wh bucket [1230, 1235), 1236 in [1235, 1240): save due
        memory.CutAtByteWrite = memory.ByteWrites + 100; // in the middle of the 264-byte slot
        Assert.Throws<PowerCutException>(() => storage.SaveRegisters(registers, force: false));

        var rebooted = NewStorage(memory);
        var report = rebooted.Open(t.AddMinutes(1));
        Assert.False(report.Formatted);
        Assert.Equal(1, report.TornRegisterSlots);
        Assert.Equal(1, report.RepairCount);
        Assert.Equal(1234, rebooted.Registers[0]); // the previous commit
        Assert.Equal(1, rebooted.Events.CountOf(EventKind.StorageRepair));
        var e = new EventRecord();
        Assert.True(rebooted.Events.TryRead(0, e));
        Assert.Equal((EventKind.StorageRepair, StorageArea.Registers, 1L), (e.Kind, e.Detail, e.NewValue));

        // Policy restored from the recovered value: 1236 is in a new bucket → save due.
        Assert.True(rebooted.SaveRegisters(registers, force: false));
        Assert.False(rebooted.SaveRegisters(registers, force: false));
        Assert.Equal(0, NewStorage(memory).Open(t.AddMinutes(2)).RepairCount);
    }

    [Fact]
    public void Default_layout_fits_64_KiB_and_leaves_the_rest_to_the_profile()
    {
        var layout = new StorageLayout();
        // format 2·(4+96+4) = 208; registers 16·(4+256+4) = 4224; billing 37·(12+240+4) = 9472;
        // logger 2 61·(12+64+4) = 4880; events: 13 counters (kinds 0..12) 8·(4+104+4) + 251·32 = 896 + 8032 = 8928;
        // settings 4·(4+128+4) = 544 (layout version 2).
        Assert.Equal(208 + 4224 + 9472 + 4880 + 8928, layout.SettingsAddress);
        Assert.Equal(27712 + 544, layout.ProfileAddress);
        Assert.Equal(256 * 1024 - 28256, layout.ProfileRegionSize(256 * 1024));
        Assert.Throws<ArgumentException>(() => NewStorage(new RamNvMemory(16 * 1024)));
    }

    [Fact]
    public void A_memory_of_layout_version_1_is_refused_with_a_clear_message_never_misread()
    {
        var memory = new RamNvMemory(64 * 1024);
        NewStorage(memory).Open(new DateTime(2025, 3, 1));
        // Rewrite the format record as a version-1 firmware left it (value 1 = layout version).
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        var values = new long[StorageLayout.FormatValueCount];
        format.CopyTo(values);
        Assert.Equal(2, values[1]);
        values[1] = 1;
        format.Commit(values);
        byte[] before = memory.Snapshot();

        var e = Assert.Throws<InvalidOperationException>(() => NewStorage(memory).Open(new DateTime(2025, 3, 2)));
        Assert.Contains("another storage layout version", e.Message);
        Assert.Contains("layout version 2", e.Message);
        Assert.Equal(before, memory.Snapshot()); // nothing written: the old memory stays as it was
    }

    [Fact]
    public void The_settings_record_survives_a_restart_and_a_cut_while_writing_it_keeps_the_previous_one()
    {
        var memory = new RamNvMemory(64 * 1024);
        var t = new DateTime(2025, 3, 1, 12, 0, 0);
        var storage = NewStorage(memory);
        var report = storage.Open(t);
        Assert.False(report.SettingsFound); // blank memory: the owner uses its defaults
        var settings = new long[StorageLayout.SettingsValueCount];
        settings[0] = 15;
        settings[1] = 250;
        storage.Settings.Commit(settings);
        settings[1] = 500;
        memory.CutAtByteWrite = memory.ByteWrites + 60; // inside the 136-byte slot
        Assert.Throws<PowerCutException>(() => storage.Settings.Commit(settings));

        var rebooted = NewStorage(memory);
        report = rebooted.Open(t.AddMinutes(1));
        Assert.True(report.SettingsFound);
        Assert.Equal(1, report.TornSettingsSlots);
        Assert.Equal(1, report.RepairCount);
        Assert.Equal((15L, 250L), (rebooted.Settings[0], rebooted.Settings[1]));
        var e = new EventRecord();
        Assert.True(rebooted.Events.TryRead(0, e));
        Assert.Equal((EventKind.StorageRepair, StorageArea.Settings, 1L), (e.Kind, e.Detail, e.NewValue));
    }

    [Fact]
    public void The_demand_area_follows_the_event_log_and_a_memory_without_it_is_refused()
    {
        var with = new StorageLayout { DemandValueCount = 49 };
        // Default areas end at 28 256 (test above: the settings record ends there); demand
        // 4 slots × (4 + 49·8 + 4) = 4 × 400 = 1600 bytes.
        Assert.Equal(28256, with.DemandAddress);
        Assert.Equal(28256 + 1600, with.ProfileAddress);
        var policy = new RegisterSavePolicy(Enumerable.Repeat(5L, 32).ToArray());
        var t = new DateTime(2025, 3, 1, 12, 0, 0);

        var memory = new RamNvMemory(64 * 1024);
        var storage = new MeterStorage(memory, with, policy);
        Assert.True(storage.Open(t).Formatted);
        var values = new long[49];
        values[0] = 900;
        storage.Demand!.Commit(values);
        var reopened = new MeterStorage(memory, with, policy);
        Assert.Equal(0, reopened.Open(t).TornDemandSlots);
        Assert.Equal(900, reopened.Demand![0]);

        // A torn demand slot is discarded, reported and logged with its area.
        memory.CutAtByteWrite = memory.ByteWrites + 200;
        Assert.Throws<PowerCutException>(() => reopened.Demand!.Commit(values));
        var afterCut = new MeterStorage(memory, with, policy);
        StorageRecoveryReport report = afterCut.Open(t);
        Assert.Equal((1, 1), (report.TornDemandSlots, report.RepairCount));
        Assert.Equal(900, afterCut.Demand![0]);
        var e = new EventRecord();
        Assert.True(afterCut.Events.TryRead(0, e));
        Assert.Equal((EventKind.StorageRepair, StorageArea.Demand, 1L), (e.Kind, e.Detail, e.NewValue));

        // A memory formatted without the area holds the profile where the demand record would be: refused.
        var old = new RamNvMemory(64 * 1024);
        Assert.True(NewStorage(old).Open(t).Formatted);
        Assert.Null(NewStorage(old).Demand);
        Assert.Throws<InvalidOperationException>(() => new MeterStorage(old, with, policy).Open(t));
    }
}
