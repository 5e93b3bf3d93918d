using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// Layout version 4/5 → 6/7 in place (README "Layout versions"): the tail (event-counter extension and
/// voltage-quality record) goes into the bytes after the profile's last block, the format record is
/// written last, nothing in front of the tail moves.
/// </summary>
public class LayoutUpgradeTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 12, 0, 0);

    // The scenario's layout with the meter's 1 KiB profile blocks: the slack after the last block is below one block,
    // so the 320-byte tail fits only with blocks larger than it.
    private static StorageLayout Layout(int demandValues = 0)
    {
        StorageLayout layout = MeterScenario.Layout();
        layout.ProfileBlockSize = 1024;
        layout.DemandValueCount = demandValues;
        return layout;
    }

    // Four blocks and 352 bytes of slack, as the assembled meter's version-5 layout leaves on 128 and 256 KiB.
    private static int MemorySize(int demandValues) =>
        Layout(demandValues).ProfileAddress + WearLevelledRecord.RegionSize(2, LoadProfile.PointerSlots) + 4 * 1024 + 352;

    private static MeterStorage Storage(RamNvMemory memory, int demandValues = 0) =>
        new(memory, Layout(demandValues), new RegisterSavePolicy(Enumerable.Repeat(MeterScenario.Step, 4).ToArray()));

    private static long FormatVersion(RamNvMemory memory)
    {
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        var values = new long[StorageLayout.FormatValueCount];
        format.CopyTo(values);
        return values[1];
    }

    /// <summary>
    /// A memory as a version-4 (or 5, with demand) firmware leaves it: registers, events, profile and billing
    /// written, format record saying 4/5. The tail holds junk (an earlier upgrade cut half-way), which the
    /// upgrade must erase before it counts anything from it.
    /// </summary>
    private static RamNvMemory OldMemory(int demandValues)
    {
        var memory = new RamNvMemory(MemorySize(demandValues));
        Assert.Equal(352, Layout(demandValues).UpgradableSlack(memory.Size));
        var storage = Storage(memory, demandValues);
        Assert.True(storage.Open(T0).Formatted);
        storage.SaveRegisters(new long[] { 1234, 56, 789, 10 }, force: true);
        storage.Profile.Start(T0, new long[] { 1234, 56, 789, 10 });
        storage.Profile.Append(T0.AddMinutes(15), new long[] { 1240, 56, 790, 10 }, 0);
        storage.Events.Log(T0, EventKind.Login, 1, 0, 0);
        storage.Events.Log(T0, EventKind.Restart, 4, 0, 0);
        storage.Events.Log(T0, EventKind.PowerDown, 2, 0, 0);
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        var values = new long[StorageLayout.FormatValueCount];
        format.CopyTo(values);
        values[1] = demandValues > 0 ? 5 : 4;
        format.Commit(values);
        var layout = Layout(demandValues);
        for (int a = layout.EventExtensionAddress(memory.Size); a < memory.Size; a++) memory.Poke(a, (byte)(a * 7));
        return memory;
    }

    private static byte[] Slice(byte[] image, int from, int to) => image[from..to];

    [Theory]
    [InlineData(0, 4, 6)]
    [InlineData(3, 5, 7)]
    public void A_version_4_or_5_memory_is_upgraded_in_place_and_keeps_everything(int demandValues, int from, int to)
    {
        var memory = OldMemory(demandValues);
        var layout = Layout(demandValues);
        byte[] before = memory.Snapshot();

        var storage = Storage(memory, demandValues);
        var report = storage.Open(T0.AddMinutes(20));

        Assert.Equal(from, report.UpgradedFromVersion);
        Assert.Equal(to, FormatVersion(memory));
        Assert.Equal(0, report.RepairCount); // the junk tail was erased, not "repaired"
        byte[] after = memory.Snapshot();
        // Every byte from the registers to the tail is as the old firmware left it.
        Assert.Equal(Slice(before, layout.RegistersAddress, layout.EventExtensionAddress(memory.Size)),
            Slice(after, layout.RegistersAddress, layout.EventExtensionAddress(memory.Size)));
        Assert.Equal(new long[] { 1234, 56, 789, 10 }, Enumerable.Range(0, 4).Select(i => storage.Registers[i]).ToArray());
        Assert.Equal((1L, 1L, 1L, 0L), (storage.Events.CountOf(EventKind.Login), storage.Events.CountOf(EventKind.Restart),
            storage.Events.CountOf(EventKind.PowerDown), storage.Events.CountOf(EventKind.VoltageQuality)));
        Assert.Equal((4, T0.AddMinutes(15)), (storage.Profile.BlockCount, StorageTime.FromMinutes(storage.Profile.LastMinute))); // the ring where it was
        Assert.False(storage.VoltageQuality.HasValue);

        // The new kind is now logged and counted, and the derived restart count does not take it.
        storage.Events.Log(T0.AddMinutes(21), EventKind.VoltageQuality, 16 + 1, 0, 1);
        var rebooted = Storage(memory, demandValues);
        Assert.Equal(0, rebooted.Open(T0.AddMinutes(22)).UpgradedFromVersion);
        Assert.Equal((1L, 1L), (rebooted.Events.CountOf(EventKind.VoltageQuality), rebooted.Events.CountOf(EventKind.Restart)));
    }

    [Fact]
    public void A_cut_at_every_byte_of_the_upgrade_boots_to_the_old_or_the_new_version_never_corrupt()
    {
        var old = OldMemory(0);
        var layout = Layout();
        byte[] oldImage = old.Snapshot();
        var probe = RamNvMemory.FromImage(oldImage);
        long start = probe.ByteWrites;
        Storage(probe).Open(T0.AddMinutes(20));
        long upgradeBytes = probe.ByteWrites - start;
        // Tail erase 320 bytes, the format slot of 4 + 12·8 + 4 = 104 bytes, then the event log's recovery brings the
        // blank extension up to the counted sequence: one slot of 4 + 2·8 + 4 = 24 bytes. Nothing else is written.
        Assert.Equal(StorageLayout.TailSize + 104 + 24, upgradeBytes);

        int oldSeen = 0, newSeen = 0;
        for (long cut = 0; cut < upgradeBytes; cut++)
        {
            var memory = RamNvMemory.FromImage(oldImage);
            memory.CutAtByteWrite = memory.ByteWrites + cut;
            Assert.Throws<PowerCutException>(() => Storage(memory).Open(T0.AddMinutes(20)));
            memory.CutAtByteWrite = -1;
            long version = FormatVersion(memory);
            Assert.True(version == 4 || version == 6, $"cut at byte {cut}: version {version}");
            if (version == 4) oldSeen++; else newSeen++;
            // What an old firmware would find: only the tail and one format slot differ from before.
            byte[] cutImage = memory.Snapshot();
            Assert.Equal(Slice(oldImage, layout.RegistersAddress, layout.EventExtensionAddress(memory.Size)),
                Slice(cutImage, layout.RegistersAddress, layout.EventExtensionAddress(memory.Size)));

            var rebooted = Storage(memory);
            var report = rebooted.Open(T0.AddMinutes(21));
            Assert.Equal(6, FormatVersion(memory));
            Assert.Equal(new long[] { 1234, 56, 789, 10 }, Enumerable.Range(0, 4).Select(i => rebooted.Registers[i]).ToArray());
            Assert.Equal((1L, 1L, 0L), (rebooted.Events.CountOf(EventKind.Login), rebooted.Events.CountOf(EventKind.Restart),
                rebooted.Events.CountOf(EventKind.VoltageQuality)));
            Assert.Equal((4, T0.AddMinutes(15)), (rebooted.Profile.BlockCount, StorageTime.FromMinutes(rebooted.Profile.LastMinute)));
            Assert.False(rebooted.VoltageQuality.HasValue);
            // Only a torn format or extension slot is a repair (logged once); a cut in the tail erase is not.
            Assert.True(report.RepairCount == report.TornFormatSlots + report.TornEventCounterSlots && report.RepairCount <= 1,
                $"cut at byte {cut}: {report.RepairCount} repairs");
        }
        // A cut in the erase or the format slot (torn) leaves version 4; one in the extension's first commit, version 6.
        Assert.Equal((StorageLayout.TailSize + 104, 24), (oldSeen, newSeen));
    }

    [Fact]
    public void The_default_layout_on_the_storage_tests_memories_has_room_for_the_tail()
    {
        // Profile at 31 840, pointer record 384, 1 KiB blocks: (64 KiB − 31 840 − 384) mod 1024 = 33 312 mod 1024 = 544;
        // every whole-KiB memory leaves the same. The assembled meter's layout (352) is checked in Meter.Core.Tests.
        var layout = new StorageLayout();
        foreach (int size in new[] { 64 * 1024, 128 * 1024, 256 * 1024 })
        {
            Assert.Equal(544, layout.UpgradableSlack(size));
            Assert.Equal((size - 31840 - 384) / 1024, (layout.ProfileRegionSize(size) - 384) / 1024);
        }
    }

    [Fact]
    public void A_memory_whose_profile_leaves_too_little_slack_is_refused_and_left_untouched()
    {
        // A memory 300 bytes past the last block of a version-4 profile: 20 short of the tail.
        var layout = Layout();
        int size = layout.ProfileAddress + WearLevelledRecord.RegionSize(2, LoadProfile.PointerSlots) + 5 * 1024 + 300;
        Assert.Equal(300, layout.UpgradableSlack(size));
        var memory = new RamNvMemory(size);
        Assert.True(Storage(memory).Open(T0).Formatted);
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        var values = new long[StorageLayout.FormatValueCount];
        format.CopyTo(values);
        values[1] = 4;
        format.Commit(values);
        byte[] before = memory.Snapshot();

        var e = Assert.Throws<InvalidOperationException>(() => Storage(memory).Open(T0.AddDays(1)));
        Assert.Contains("layout version 4", e.Message);
        Assert.Contains("too few bytes after its last block", e.Message);
        Assert.Contains("left untouched", e.Message);
        Assert.Equal(before, memory.Snapshot());
    }
}
