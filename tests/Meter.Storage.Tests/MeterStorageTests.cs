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
        // settings 4·(4+128·8+4) = 4·1032 = 4128 (layout version 4; versions 2/3 had 4·(4+16·8+4) = 544).
        Assert.Equal(208 + 4224 + 9472 + 4880 + 8928, layout.SettingsAddress);
        Assert.Equal(1032, WearLevelledRecord.SlotSize(StorageLayout.SettingsValueCount));
        Assert.Equal(27712 + 4128, layout.ProfileAddress);
        // The tail at the memory's end (layout version 6): event-counter extension 2·(4+2·8+4) = 48, voltage quality 2·(4+16·8+4) = 272.
        Assert.Equal(48 + 272, StorageLayout.TailSize);
        Assert.Equal(256 * 1024 - 31840 - 320, layout.ProfileRegionSize(256 * 1024));
        Assert.Equal(256 * 1024 - 320, layout.EventExtensionAddress(256 * 1024));
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
        Assert.Equal(6, values[1]);
        values[1] = 1;
        format.Commit(values);
        byte[] before = memory.Snapshot();

        var e = Assert.Throws<InvalidOperationException>(() => NewStorage(memory).Open(new DateTime(2025, 3, 2)));
        Assert.Contains("layout version 1 (no settings record)", e.Message);
        Assert.Contains("layout version 6", e.Message);
        Assert.Equal(before, memory.Snapshot()); // nothing written: the old memory stays as it was
    }

    [Theory]
    [InlineData(2, 0, "layout version 2 (settings record of 16 values)")]
    [InlineData(3, 49, "layout version 3 (the assembled meter's, settings record of 16 values)")]
    public void A_memory_of_layout_version_2_or_3_is_refused_by_name_and_left_untouched(int oldVersion, int demandValues, string named)
    {
        // Layout versions 2/3 put the 16-value settings record where version 4/5 has the first 3 584
        // bytes of its 128-value one (4·1032 − 4·136) and moved the demand record and the profile
        // by as much: refused, never misread (README "Layout versions").
        var layout = new StorageLayout { DemandValueCount = demandValues };
        var policy = new RegisterSavePolicy(Enumerable.Repeat(5L, 32).ToArray());
        var memory = new RamNvMemory(64 * 1024);
        var t = new DateTime(2025, 3, 1, 12, 0, 0);
        var storage = new MeterStorage(memory, layout, policy);
        Assert.True(storage.Open(t).Formatted);
        storage.SaveRegisters(Enumerable.Range(0, 32).Select(i => 1000L + i).ToArray(), force: true);
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        var values = new long[StorageLayout.FormatValueCount];
        format.CopyTo(values);
        Assert.Equal(oldVersion + 4, values[1]); // this firmware writes 6, or 7 with the demand area
        values[1] = oldVersion;
        format.Commit(values);
        byte[] before = memory.Snapshot();

        var e = Assert.Throws<InvalidOperationException>(() => new MeterStorage(memory, layout, policy).Open(t.AddDays(1)));
        Assert.Contains("NV memory holds " + named, e.Message);
        Assert.Contains("not upgraded in place and was left untouched", e.Message);
        Assert.Equal(before, memory.Snapshot()); // no byte written: the registers are still there for the older firmware
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
        memory.CutAtByteWrite = memory.ByteWrites + 60; // inside the 1032-byte slot
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
    public void A_cut_at_any_byte_of_a_settings_commit_leaves_the_old_or_the_new_record_and_the_registers()
    {
        var t = new DateTime(2025, 3, 1, 12, 0, 0);
        var registers = Enumerable.Range(0, 32).Select(i => 5000L + 7 * i).ToArray();
        var oldSettings = Enumerable.Range(0, StorageLayout.SettingsValueCount).Select(i => 100L + i).ToArray();
        var newSettings = Enumerable.Range(0, StorageLayout.SettingsValueCount).Select(i => -3L * i - 1).ToArray();
        int slot = WearLevelledRecord.SlotSize(StorageLayout.SettingsValueCount); // 4 + 128·8 + 4 = 1032 bytes
        int newSeen = 0;
        for (int cut = 0; cut <= slot; cut++)
        {
            var memory = new RamNvMemory(64 * 1024);
            var storage = NewStorage(memory);
            storage.Open(t);
            storage.SaveRegisters(registers, force: true);
            storage.Settings.Commit(oldSettings);
            memory.CutAtByteWrite = memory.ByteWrites + cut; // cut = slot: the commit completes
            try { storage.Settings.Commit(newSettings); } catch (PowerCutException) { }
            memory.CutAtByteWrite = -1;

            var rebooted = NewStorage(memory);
            var report = rebooted.Open(t.AddMinutes(1));
            Assert.True(report.SettingsFound);
            var found = new long[StorageLayout.SettingsValueCount];
            rebooted.Settings.CopyTo(found);
            bool isNew = found.SequenceEqual(newSettings);
            Assert.True(isNew || found.SequenceEqual(oldSettings), "cut at byte " + cut + ": a mixture");
            Assert.Equal(cut == slot, isNew); // only the complete slot (its CRC is the last 4 bytes) counts
            if (isNew) newSeen++;
            var r = new long[32];
            rebooted.Registers.CopyTo(r);
            Assert.Equal(registers, r);
        }
        Assert.Equal(1, newSeen);
    }

    [Fact]
    public void The_demand_area_follows_the_event_log_and_a_memory_without_it_is_refused()
    {
        var with = new StorageLayout { DemandValueCount = 49 };
        // Default areas end at 31 840 (test above: the settings record ends there); demand
        // 4 slots × (4 + 49·8 + 4) = 4 × 400 = 1600 bytes.
        Assert.Equal(31840, with.DemandAddress);
        Assert.Equal(31840 + 1600, with.ProfileAddress);
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
