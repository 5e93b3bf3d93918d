using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The quality area (analysis logger and weekly EN 50160 results, layout version 8/9): absent without quality
/// measurement (the layout byte for byte as before), at the end of the profile's region when present, and added to a
/// version-6/7 memory in place keeping every legal value (registers, billing, events, settings) and the tail.
/// </summary>
public class QualityAreaLayoutTests
{
    private static readonly DateTime T0 = new(2025, 3, 3, 12, 0, 0);
    private const int AnalysisBytes = 8 * 1024;

    private static StorageLayout Layout(bool quality, int demandValues = 3)
    {
        StorageLayout layout = MeterScenario.Layout();
        layout.DemandValueCount = demandValues;
        if (quality)
        {
            layout.AnalysisRegionSize = AnalysisBytes;
            layout.AnalysisChannelCount = 8;
            layout.AnalysisChannelSet = 0xC0FFEE;
        }
        return layout;
    }

    private static int MemorySize => 64 * 1024;

    private static MeterStorage Storage(RamNvMemory memory, bool quality) =>
        new(memory, Layout(quality), new RegisterSavePolicy(Enumerable.Repeat(MeterScenario.Step, 4).ToArray()));

    private static long FormatVersion(RamNvMemory memory)
    {
        var format = new WearLevelledRecord(memory, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        return format[1];
    }

    [Fact]
    public void Without_quality_the_layout_is_the_one_before_the_quality_area()
    {
        var layout = Layout(quality: false);
        Assert.False(layout.HasQualityArea);
        Assert.Equal(0, layout.QualityAreaSize);
        // The profile takes everything up to the tail, as in layout version 6/7.
        Assert.Equal(MemorySize - StorageLayout.TailSize - layout.ProfileAddress, layout.ProfileRegionSize(MemorySize));
        var memory = new RamNvMemory(MemorySize);
        var storage = Storage(memory, quality: false);
        storage.Open(T0);
        Assert.Equal(7, FormatVersion(memory));
        Assert.Null(storage.Analysis);
        Assert.Null(storage.QualityWeeks);
    }

    [Fact]
    public void With_quality_the_area_lies_between_the_profile_and_the_tail()
    {
        var layout = Layout(quality: true);
        int weeks = PeriodLogger.RegionSize(StorageLayout.QualityWeekDepth, StorageLayout.QualityWeekValueCount);
        Assert.Equal(weeks + AnalysisBytes, layout.QualityAreaSize);
        Assert.Equal(layout.EventExtensionAddress(MemorySize), layout.AnalysisAddress(MemorySize) + AnalysisBytes);
        Assert.Equal(layout.QualityWeeksAddress(MemorySize), layout.ProfileAddress + layout.ProfileRegionSize(MemorySize));
        Assert.Equal(Layout(false).ProfileRegionSize(MemorySize) - weeks - AnalysisBytes, layout.ProfileRegionSize(MemorySize));
        var memory = new RamNvMemory(MemorySize);
        var storage = Storage(memory, quality: true);
        Assert.True(storage.Open(T0).Formatted);
        Assert.Equal(9, FormatVersion(memory));
        Assert.Equal((53, 12), (storage.QualityWeeks!.Depth, storage.QualityWeeks.ValueCount));
        Assert.Equal(8, storage.Analysis!.ChannelCount);
    }

    /// <summary>A version-7 memory as today's firmware leaves it: registers, billing, events, settings, profile, voltage-quality record.</summary>
    private static RamNvMemory Version7Memory()
    {
        var memory = new RamNvMemory(MemorySize);
        var storage = Storage(memory, quality: false);
        storage.Open(T0);
        storage.SaveRegisters(new long[] { 1234, 56, 789, 10 }, force: true);
        storage.Billing.Close(T0, CloseReason.Scheduled, new long[] { 1, 2, 3, 4, 5, 6 });
        storage.Settings.Commit(Enumerable.Range(0, StorageLayout.SettingsValueCount).Select(i => (long)i).ToArray());
        storage.VoltageQuality.Commit(Enumerable.Range(0, StorageLayout.VoltageQualityValueCount).Select(i => 10L + i).ToArray());
        storage.Profile.Start(T0, new long[] { 1234, 56, 789, 10 });
        storage.Profile.Append(T0.AddMinutes(15), new long[] { 1240, 56, 790, 10 }, 0);
        storage.Events.Log(T0, EventKind.Login, 1, 0, 0);
        return memory;
    }

    private static void AssertLegalValuesKept(MeterStorage storage)
    {
        Assert.Equal(new long[] { 1234, 56, 789, 10 }, Enumerable.Range(0, 4).Select(i => storage.Registers[i]).ToArray());
        var billing = new PeriodRecord(6);
        Assert.True(storage.Billing.TryRead(0, billing));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, billing.Values);
        Assert.Equal(1L, storage.Events.CountOf(EventKind.Login));
        Assert.Equal(5L, storage.Settings[5]);
        Assert.Equal(10L, storage.VoltageQuality[0]);
    }

    [Fact]
    public void A_version_7_memory_gets_the_quality_area_in_place_and_keeps_every_legal_value()
    {
        var memory = Version7Memory();
        var layout = Layout(quality: true);
        byte[] before = memory.Snapshot();

        var storage = Storage(memory, quality: true);
        var report = storage.Open(T0.AddMinutes(20));
        Assert.True(report.QualityAreaAdded);
        Assert.Equal(7, report.UpgradedFromVersion);
        Assert.Equal(9, FormatVersion(memory));
        byte[] after = memory.Snapshot();
        // In front of the profile and the tail: byte for byte (the repair event of the restarted profile goes to the event ring, counted after).
        Assert.Equal(before[layout.RegistersAddress..layout.EventsAddress], after[layout.RegistersAddress..layout.EventsAddress]);
        Assert.Equal(before[layout.SettingsAddress..layout.ProfileAddress], after[layout.SettingsAddress..layout.ProfileAddress]);
        Assert.Equal(before[layout.VoltageQualityAddress(MemorySize)..], after[layout.VoltageQualityAddress(MemorySize)..]);
        AssertLegalValuesKept(storage);
        // The profile restarted (logged), the quality area is empty.
        Assert.False(storage.Profile.IsStarted);
        Assert.Equal(1L, storage.Events.CountOf(EventKind.StorageRepair));
        Assert.False(storage.Analysis!.HasEntries);
        Assert.Equal(0, storage.QualityWeeks!.Count);

        var rebooted = Storage(memory, quality: true);
        var again = rebooted.Open(T0.AddMinutes(21));
        Assert.False(again.QualityAreaAdded);
        Assert.Equal(0, again.UpgradedFromVersion);
    }

    [Fact]
    public void A_cut_at_every_byte_of_adding_the_quality_area_keeps_every_legal_value()
    {
        byte[] oldImage = Version7Memory().Snapshot();
        var probe = RamNvMemory.FromImage(oldImage);
        long start = probe.ByteWrites;
        Storage(probe, quality: true).Open(T0.AddMinutes(20));
        long upgradeBytes = probe.ByteWrites - start;
        int oldSeen = 0, newSeen = 0;
        for (long cut = 0; cut < upgradeBytes; cut += 3)
        {
            var memory = RamNvMemory.FromImage(oldImage);
            memory.CutAtByteWrite = memory.ByteWrites + cut;
            Assert.Throws<PowerCutException>(() => Storage(memory, quality: true).Open(T0.AddMinutes(20)));
            memory.CutAtByteWrite = -1;
            long version = FormatVersion(memory);
            Assert.True(version == 7 || version == 9, $"cut at byte {cut}: version {version}");
            if (version == 7) oldSeen++; else newSeen++;
            var rebooted = Storage(memory, quality: true);
            rebooted.Open(T0.AddMinutes(21));
            Assert.Equal(9, FormatVersion(memory));
            AssertLegalValuesKept(rebooted);
        }
        Assert.True(oldSeen > 0 && newSeen > 0);
    }

    [Fact]
    public void A_memory_with_the_quality_area_is_refused_untouched_by_a_firmware_without_quality()
    {
        var memory = new RamNvMemory(MemorySize);
        Storage(memory, quality: true).Open(T0);
        byte[] before = memory.Snapshot();
        var refused = Assert.Throws<InvalidOperationException>(() => Storage(memory, quality: false).Open(T0));
        Assert.Contains("layout version 8 or 9", refused.Message);
        Assert.Contains("built without quality measurement", refused.Message);
        Assert.Equal(before, memory.Snapshot());
    }
}
