using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The calendar, device-state and calibration records (<see cref="StorageLayout.CalendarValueCount"/>,
/// <see cref="StorageLayout.DeviceStateValueCount"/>, <see cref="StorageLayout.CalibrationValueCount"/>): the last bytes of logger 2's region, so that a memory
/// formatted without them opens as it is, and a commit cut at any byte leaves the old or the new record.
/// </summary>
public class Logger2TailRecordsTests
{
    private const int Values = 26;
    private static readonly RegisterSavePolicy Policy = new(Enumerable.Repeat(5L, 32).ToArray());
    private static readonly DateTime T = new(2025, 3, 1, 12, 0, 0);

    [Fact]
    public void The_calendar_record_takes_the_end_of_logger_2_and_keeps_every_other_address_and_the_format_record()
    {
        var without = new StorageLayout();
        var with = new StorageLayout { CalendarValueCount = Values };
        // Logger-2 slot 12 + 8·8 + 4 = 80 bytes, 61 of them; the record 2 × (4 + 26·8 + 4) = 432 bytes = 5.4 slots → 6.
        Assert.Equal((6, 54), (with.Logger2TailSlots, with.Logger2UsableDepth));
        Assert.Equal(without.Logger2Address + 55 * 80, with.CalendarAddress);
        Assert.True(with.CalendarAddress + 432 <= with.EventsAddress);
        Assert.Equal((without.EventsAddress, without.SettingsAddress, without.ProfileAddress), (with.EventsAddress, with.SettingsAddress, with.ProfileAddress));
        long[] a = new long[StorageLayout.FormatValueCount], b = new long[StorageLayout.FormatValueCount];
        without.ToFormatRecord(64 * 1024, a);
        with.ToFormatRecord(64 * 1024, b);
        Assert.Equal(a, b); // a memory formatted before the record opens unchanged
        Assert.Equal((0, 60), (without.Logger2TailSlots, without.Logger2UsableDepth));
    }

    [Fact]
    public void The_device_state_record_follows_the_calendar_record_inside_logger_2_and_keeps_the_format_record()
    {
        var without = new StorageLayout();
        var with = new StorageLayout { CalendarValueCount = Values, DeviceStateValueCount = 24 };
        // Calendar 432 bytes + device state 4 × (4 + 24·8 + 4) = 800 bytes = 1232 bytes = 15.4 logger slots of 80 → 16.
        Assert.Equal((16, 44), (with.Logger2TailSlots, with.Logger2UsableDepth));
        Assert.Equal(without.Logger2Address + 45 * 80, with.CalendarAddress);
        Assert.Equal(with.CalendarAddress + 432, with.DeviceStateAddress);
        Assert.True(with.DeviceStateAddress + 800 <= with.EventsAddress);
        Assert.Equal((without.EventsAddress, without.SettingsAddress, without.ProfileAddress), (with.EventsAddress, with.SettingsAddress, with.ProfileAddress));
        long[] a = new long[StorageLayout.FormatValueCount], b = new long[StorageLayout.FormatValueCount];
        without.ToFormatRecord(64 * 1024, a);
        with.ToFormatRecord(64 * 1024, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_calibration_record_takes_logger_2_slots_in_front_of_the_calendar_record_and_moves_no_other_record()
    {
        var without = new StorageLayout { CalendarValueCount = Values, DeviceStateValueCount = 24 };
        var with = new StorageLayout { CalendarValueCount = Values, DeviceStateValueCount = 24, CalibrationValueCount = 19 };
        // Calibration 2 × (4 + 19·8 + 4) = 320 bytes = 4 logger slots of 80 more: 20 in all, logger 2 keeps 40 periods.
        Assert.Equal((20, 40), (with.Logger2TailSlots, with.Logger2UsableDepth));
        Assert.Equal((without.CalendarAddress, without.DeviceStateAddress), (with.CalendarAddress, with.DeviceStateAddress));
        Assert.Equal(with.CalendarAddress - 320, with.CalibrationAddress);
        Assert.Equal(with.Logger2Address + 41 * 80, with.CalibrationAddress); // logger 2's 41 slots (40 periods + the spare) end there
        Assert.Equal((without.EventsAddress, without.SettingsAddress, without.ProfileAddress), (with.EventsAddress, with.SettingsAddress, with.ProfileAddress));
        long[] a = new long[StorageLayout.FormatValueCount], b = new long[StorageLayout.FormatValueCount];
        without.ToFormatRecord(64 * 1024, a);
        with.ToFormatRecord(64 * 1024, b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, StorageLayout.DefaultAnalysisRegionSize)]
    public void A_version_6_to_9_memory_with_calendar_and_device_state_opens_unchanged_and_finds_the_calibration_record_blank(bool demand, int analysis)
    {
        StorageLayout Layout(int calibration) => new()
        {
            CalendarValueCount = Values, DeviceStateValueCount = 24, CalibrationValueCount = calibration,
            DemandValueCount = demand ? 20 : 0, AnalysisRegionSize = analysis, AnalysisChannelCount = analysis > 0 ? 8 : 0,
        };
        var memory = new RamNvMemory(256 * 1024);
        var old = new MeterStorage(memory, Layout(0), Policy);
        Assert.True(old.Open(T).Formatted);
        old.SaveRegisters(Enumerable.Range(0, 32).Select(i => 1000L + i).ToArray(), force: true);
        long[] state = Enumerable.Range(0, 24).Select(i => 300L + i).ToArray();
        old.DeviceState!.Commit(state);
        byte[] image = memory.Snapshot();

        var storage = new MeterStorage(memory, Layout(19), Policy);
        StorageRecoveryReport report = storage.Open(T);
        Assert.Equal((false, false, 0, true, false), (report.Formatted, report.QualityAreaAdded, report.RepairCount, report.DeviceStateFound, report.CalibrationFound));
        Assert.Equal(image, memory.Snapshot()); // opened unchanged: not a byte written
        Assert.Equal(6 + (demand ? 1 : 0) + (analysis > 0 ? 2 : 0), Layout(19).FormatVersion);
        var got = new long[24];
        storage.DeviceState!.CopyTo(got);
        Assert.Equal(state, got);
        Assert.Equal(1000L, storage.Registers[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_memory_formatted_without_the_record_opens_blank_and_a_cut_commit_leaves_the_old_or_the_new_record(int which)
    {
        var memory = new RamNvMemory(64 * 1024);
        var old = new MeterStorage(memory, new StorageLayout(), Policy);
        Assert.True(old.Open(T).Formatted);
        old.SaveRegisters(Enumerable.Range(0, 32).Select(i => 1000L + i).ToArray(), force: true);

        var layout = new StorageLayout { CalendarValueCount = Values, DeviceStateValueCount = 24, CalibrationValueCount = 19 };
        int values = which switch { 0 => Values, 1 => 24, _ => 19 };
        WearLevelledRecord Record(MeterStorage s) => which switch { 0 => s.Calendar!, 1 => s.DeviceState!, _ => s.Calibration! };
        bool[] Found(StorageRecoveryReport r) => new[] { r.CalendarFound, r.DeviceStateFound, r.CalibrationFound };
        var storage = new MeterStorage(memory, layout, Policy);
        StorageRecoveryReport report = storage.Open(T);
        Assert.False(report.Formatted);
        Assert.Equal(new[] { false, false, false }, Found(report));
        Assert.Equal(0, report.RepairCount);
        Assert.Equal(1000L, storage.Registers[0]);
        long[] first = Enumerable.Range(0, values).Select(i => 100L + i).ToArray();
        long[] second = Enumerable.Range(0, values).Select(i => 200L + i).ToArray();
        Record(storage).Commit(first);
        byte[] image = memory.Snapshot();

        int slotBytes = 4 + 8 * values + 4;
        for (int cut = 0; cut <= slotBytes; cut++)
        {
            var m = RamNvMemory.FromImage(image);
            var s = new MeterStorage(m, layout, Policy);
            s.Open(T);
            m.CutAtByteWrite = m.ByteWrites + cut;
            try { Record(s).Commit(second); } catch (PowerCutException) { }
            m.CutAtByteWrite = -1;
            var reopened = new MeterStorage(m, layout, Policy);
            StorageRecoveryReport r = reopened.Open(T);
            Assert.Equal(Enumerable.Range(0, 3).Select(i => i == which).ToArray(), Found(r)); // the other records are untouched
            var got = new long[values];
            Record(reopened).CopyTo(got);
            Assert.True(got.SequenceEqual(first) || got.SequenceEqual(second), $"cut at byte {cut}");
            Assert.Equal(1000L, reopened.Registers[0]);
        }
    }
}
