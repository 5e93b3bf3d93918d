using CsCheck;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class LoadProfileTests
{
    private sealed record Interval(long EndMinute, long[] Values, int Status);

    private static LoadProfile NewProfile(RamNvMemory memory, int regionSize, int blockSize = 256, int channels = 4, int period = 15) =>
        ProfileFixture.Open(memory, regionSize, blockSize, channels, period);

    private static List<ProfileEntry> ReadAll(LoadProfile profile) => ProfileFixture.ReadAll(profile, profile.ChannelCount);

    [Fact]
    public void Reads_back_hand_worked_intervals_with_status_and_gaps()
    {
        var memory = new RamNvMemory(16 * 1024);
        var profile = NewProfile(memory, 16 * 1024);
        var t0 = new DateTime(2024, 3, 31, 0, 0, 0);
        profile.Start(t0, new long[] { 1000, 50, 300, 0 });
        profile.Append(t0.AddMinutes(15), new long[] { 1120, 50, 340, 0 }, IntervalStatus.None);
        profile.Append(t0.AddMinutes(30), new long[] { 1125, 50, 340, 7 }, IntervalStatus.DaylightSaving);
        // Power off 00:30–02:10: the next interval ends 02:15, short, after a power failure.
        profile.Append(t0.AddMinutes(135), new long[] { 1125, 90, 341, 7 }, IntervalStatus.PowerFailure | IntervalStatus.Incomplete);

        var entries = ReadAll(NewProfile(memory, 16 * 1024)); // after a reboot
        Assert.Equal(3, entries.Count);
        Assert.Equal(t0.AddMinutes(15), entries[0].EndTime);
        Assert.Equal(new long[] { 120, 0, 40, 0 }, entries[0].Deltas); // 1120−1000, 50−50, 340−300, 0−0
        Assert.Equal(new long[] { 1120, 50, 340, 0 }, entries[0].Values);
        Assert.Equal(IntervalStatus.None, entries[0].Status);
        Assert.Equal(new long[] { 5, 0, 0, 7 }, entries[1].Deltas);
        Assert.Equal(IntervalStatus.DaylightSaving, entries[1].Status);
        Assert.Equal(t0.AddMinutes(135), entries[2].EndTime);
        Assert.Equal(new long[] { 0, 40, 1, 0 }, entries[2].Deltas);
        Assert.Equal(IntervalStatus.PowerFailure | IntervalStatus.Incomplete, entries[2].Status);
    }

    [Fact]
    public void Entry_encoding_is_as_compact_as_documented()
    {
        var memory = new RamNvMemory(16 * 1024);
        var profile = NewProfile(memory, 16 * 1024);
        var t0 = new DateTime(2025, 1, 1);
        profile.Start(t0, new long[] { 0, 0, 0, 0 });
        int before = profile.CurrentTail;
        // Deltas 200, 0, 90, 0: flags byte (2 zero flags) + LEB128(200) = 2 bytes + LEB128(90) = 1 byte → 4 bytes.
        profile.Append(t0.AddMinutes(15), new long[] { 200, 0, 90, 0 }, IntervalStatus.None);
        Assert.Equal(4, profile.CurrentTail - before);
        // All zero: only the flags byte.
        profile.Append(t0.AddMinutes(30), new long[] { 200, 0, 90, 0 }, IntervalStatus.None);
        Assert.Equal(5, profile.CurrentTail - before);
    }

    [Fact]
    public void Clock_set_backwards_starts_a_new_block_and_reads_back_in_order_written()
    {
        var memory = new RamNvMemory(16 * 1024);
        var profile = NewProfile(memory, 16 * 1024);
        var t0 = new DateTime(2024, 10, 27, 1, 0, 0);
        profile.Start(t0, new long[] { 0, 0, 0, 0 });
        profile.Append(t0.AddMinutes(15), new long[] { 10, 0, 0, 0 }, IntervalStatus.None);
        profile.Append(t0.AddMinutes(30), new long[] { 20, 0, 0, 0 }, IntervalStatus.None);
        // Clock set back by one hour: the next interval ends at 00:45.
        profile.Append(t0.AddMinutes(-15), new long[] { 25, 0, 0, 0 }, IntervalStatus.ClockSet);
        var entries = ReadAll(profile);
        Assert.Equal(new[] { t0.AddMinutes(15), t0.AddMinutes(30), t0.AddMinutes(-15) }, entries.Select(e => e.EndTime));
        Assert.Equal(new long[] { 10, 10, 5 }, entries.Select(e => e.Deltas[0]));
        Assert.Equal(IntervalStatus.ClockSet, entries[2].Status);
    }

    [Fact]
    public void Read_back_across_ring_wrap_returns_exactly_the_newest_intervals()
    {
        // 6 blocks of 256 bytes (the pointer takes 16 · 24 = 384 bytes); 5 readable.
        int region = 384 + 6 * 256;
        var memory = new RamNvMemory(region);
        var profile = NewProfile(memory, region);
        Assert.Equal(6, profile.BlockCount);
        var written = new List<Interval>();
        var t0 = new DateTime(2024, 2, 25);
        var values = new long[4];
        profile.Start(t0, values);
        var rng = new Random(5);
        long minute = StorageTime.ToMinutes(t0);
        for (int i = 0; i < 2000; i++) // ≈ 10 ring turns
        {
            minute += rng.Next(20) == 0 ? 15 * rng.Next(2, 10) : 15; // occasional gap
            for (int c = 0; c < 4; c++) values[c] += rng.Next(3) == 0 ? 0 : rng.Next(0, 3000);
            int status = rng.Next(10) == 0 ? IntervalStatus.PowerFailure : IntervalStatus.None;
            profile.Append(StorageTime.FromMinutes(minute), values, status);
            written.Add(new Interval(minute, (long[])values.Clone(), status));
        }
        var read = ReadAll(NewProfile(memory, region));
        Assert.True(read.Count > 100, $"only {read.Count} intervals readable");
        // The readable part is exactly the newest read.Count intervals written.
        var expected = written.Skip(written.Count - read.Count).ToList();
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equal(expected[i].EndMinute, read[i].EndMinute);
            Assert.Equal(expected[i].Values, read[i].Values);
            Assert.Equal(expected[i].Status, read[i].Status);
        }
        // And it spans at least the 4 full blocks before the current one.
        Assert.True(read.Count * 8 > 4 * (256 - LoadProfile.HeaderSize(4)) / 2);
    }

    [Fact]
    public void Any_sequence_of_intervals_reads_back_unchanged()
    {
        var gen = Gen.Select(Gen.Int[1, 60], Gen.Long[0, 100_000].Array[4], Gen.Int[0, IntervalStatus.All]).Array[1, 300];
        gen.Sample(steps =>
        {
            int region = 384 + 8 * 512;
            var memory = new RamNvMemory(region);
            var profile = NewProfile(memory, region, blockSize: 512, channels: 4, period: 5);
            var t0 = new DateTime(2030, 1, 1);
            var values = new long[4];
            profile.Start(t0, values);
            long minute = StorageTime.ToMinutes(t0);
            var written = new List<Interval>();
            foreach (var (gap, deltas, status) in steps)
            {
                minute += 5 * gap;
                for (int c = 0; c < 4; c++) values[c] += deltas[c];
                profile.Append(StorageTime.FromMinutes(minute), values, status);
                written.Add(new Interval(minute, (long[])values.Clone(), status));
            }
            var read = ReadAll(NewProfile(memory, region, blockSize: 512, channels: 4, period: 5));
            var expected = written.Skip(written.Count - read.Count).ToList();
            return read.Count > 0 && read.Select((e, i) => e.EndMinute == expected[i].EndMinute
                && e.Values.SequenceEqual(expected[i].Values) && e.Status == expected[i].Status).All(ok => ok);
        }, iter: 200);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var memory = new RamNvMemory(8192);
        Assert.Throws<ArgumentException>(() => new LoadProfile(memory, 0, 8192, 256, 4, 10)); // 10 min is not offered
        Assert.Throws<ArgumentException>(() => new LoadProfile(memory, 0, 8192, 256, 9, 15));
        var profile = NewProfile(memory, 8192);
        Assert.Throws<InvalidOperationException>(() => profile.Append(new DateTime(2024, 1, 1), new long[4], 0));
        profile.Start(new DateTime(2024, 1, 1), new long[] { 100, 0, 0, 0 });
        Assert.Throws<ArgumentException>(() => profile.Append(new DateTime(2024, 1, 1, 0, 15, 0), new long[] { 99, 0, 0, 0 }, 0));
        Assert.Throws<ArgumentException>(() => profile.Append(new DateTime(2024, 1, 1, 0, 15, 0), new long[] { 100, 0, 0, 0 }, 0x40));
        Assert.Throws<ArgumentException>(() => profile.Append(new DateTime(2024, 1, 1, 0, 15, 0), new long[3], 0));
    }
}
