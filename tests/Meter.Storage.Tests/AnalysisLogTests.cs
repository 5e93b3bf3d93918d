using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The analysis logger's block ring (issue 20): entries read back exactly, the ring drops only the oldest, time gaps
/// and a clock set back, another channel set, and a power cut at every byte of its writes.
/// </summary>
public class AnalysisLogTests
{
    private static readonly DateTime T0 = new(2025, 6, 2, 0, 0, 0);
    private const int Channels = 8;

    private static AnalysisLog NewLog(RamNvMemory memory, int blocks = 4, int blockSize = 256, uint set = 0x1234, int channels = Channels) =>
        new(memory, 0, WearLevelledRecord.RegionSize(2, AnalysisLog.PointerSlots) + blocks * blockSize, blockSize, channels, set);

    private static RamNvMemory NewMemory(int blocks = 4, int blockSize = 256) =>
        new(WearLevelledRecord.RegionSize(2, AnalysisLog.PointerSlots) + blocks * blockSize);

    // Values like the default channels: 3 voltages in 0.1 V, frequency in 0.01 Hz, 3 THD and u2 in 0.01 %; negative ones too.
    private static long[] ValuesAt(int i) =>
        new long[] { 2300 + i % 7, 2290 - i % 5, 2310, 5000 + i % 3 - 1, 150 + i, -(i % 4), 0, 120 + 1_000_000L * (i % 2) };

    private static int StatusAt(int i) => i % 5 == 0 ? AnalysisLog.Flagged | IntervalStatus.DaylightSaving : i % 7 == 0 ? IntervalStatus.PowerFailure : 0;

    private static List<(DateTime End, int Status, long[] Values)> ReadAll(AnalysisLog log)
    {
        var reader = new AnalysisLogReader(log);
        var entry = new AnalysisEntry(log.ChannelCount);
        var list = new List<(DateTime, int, long[])>();
        while (reader.Next(entry)) list.Add((entry.EndTime, entry.Status, (long[])entry.Values.Clone()));
        return list;
    }

    [Fact]
    public void Entries_read_back_exactly_with_their_times_status_and_signed_values()
    {
        var memory = NewMemory(blocks: 16);
        var log = NewLog(memory, blocks: 16);
        Assert.False(log.Recover());
        for (int i = 1; i <= 20; i++) log.Append(T0.AddMinutes(10 * i), ValuesAt(i), StatusAt(i));

        var reopened = NewLog(memory, blocks: 16);
        Assert.True(reopened.Recover());
        Assert.Equal(StorageTime.ToMinutes(T0.AddMinutes(200)), reopened.LastMinute);
        var read = ReadAll(reopened);
        Assert.Equal(20, read.Count);
        for (int i = 1; i <= 20; i++)
        {
            Assert.Equal(T0.AddMinutes(10 * i), read[i - 1].End);
            Assert.Equal(StatusAt(i), read[i - 1].Status);
            Assert.Equal(ValuesAt(i), read[i - 1].Values);
        }
    }

    [Fact]
    public void A_consecutive_entry_of_230_volt_values_takes_two_bytes_a_value_and_one_status_byte()
    {
        var memory = NewMemory();
        var log = NewLog(memory, channels: 3);
        log.Append(T0.AddMinutes(10), new long[] { 2300, 2300, 2300 }, 0);
        int tail = log.CurrentTail;
        log.Append(T0.AddMinutes(20), new long[] { 2301, 2299, 2300 }, 0);
        // zigzag(2300) = 4600 < 2^14: two LEB128 bytes; implicit time.
        Assert.Equal(1 + 3 * 2, log.CurrentTail - tail);
        Assert.Equal(AnalysisLog.HeaderSize + 7, tail);
    }

    [Fact]
    public void Gaps_and_a_clock_set_back_keep_each_entry_at_its_own_time()
    {
        var memory = NewMemory(blocks: 8);
        var log = NewLog(memory, blocks: 8);
        log.Append(T0.AddMinutes(10), ValuesAt(1), 0);
        log.Append(T0.AddMinutes(70), ValuesAt(2), IntervalStatus.PowerFailure | IntervalStatus.Incomplete); // an outage: explicit time
        log.Append(T0.AddMinutes(80), ValuesAt(3), 0);
        log.Append(T0.AddMinutes(40), ValuesAt(4), IntervalStatus.ClockSet); // set back: a new block
        log.Append(T0.AddMinutes(50), ValuesAt(5), 0);
        var read = ReadAll(log);
        Assert.Equal(new[] { 10, 70, 80, 40, 50 }.Select(m => T0.AddMinutes(m)), read.Select(r => r.End));
        Assert.Equal(IntervalStatus.PowerFailure | IntervalStatus.Incomplete, read[1].Status);
        Assert.Equal(IntervalStatus.ClockSet, read[3].Status);
        Assert.Equal(2, log.CurrentBlockSequence);
        Assert.Equal(ReadAll(log).Select(r => r.End), ReadAll(Reopen(memory, 8)).Select(r => r.End));
    }

    private static AnalysisLog Reopen(RamNvMemory memory, int blocks)
    {
        var log = NewLog(memory, blocks: blocks);
        log.Recover();
        return log;
    }

    [Fact]
    public void The_ring_drops_only_the_oldest_entries_and_keeps_blocks_minus_one()
    {
        var memory = NewMemory(blocks: 4);
        var log = NewLog(memory, blocks: 4);
        const int n = 200;
        for (int i = 1; i <= n; i++) log.Append(T0.AddMinutes(10 * i), ValuesAt(i), StatusAt(i));
        var read = ReadAll(Reopen(memory, 4));
        Assert.InRange(read.Count, 2 * 10, n - 1); // 3 readable blocks of 256 bytes, about 15 bytes an entry
        int first = n - read.Count + 1;
        for (int k = 0; k < read.Count; k++)
        {
            Assert.Equal(T0.AddMinutes(10 * (first + k)), read[k].End);
            Assert.Equal(ValuesAt(first + k), read[k].Values);
        }
        Assert.True(log.CurrentBlockSequence > 4, "the ring should wrap");
    }

    [Fact]
    public void Blocks_of_another_channel_set_are_not_read_and_the_new_set_starts_a_block()
    {
        var memory = NewMemory(blocks: 6);
        var old = NewLog(memory, blocks: 6, set: 1);
        for (int i = 1; i <= 3; i++) old.Append(T0.AddMinutes(10 * i), ValuesAt(i), 0);
        var changed = new AnalysisLog(memory, 0, WearLevelledRecord.RegionSize(2, AnalysisLog.PointerSlots) + 6 * 256, 256, 4, 2);
        Assert.False(changed.Recover());
        Assert.Empty(ReadAllOf(changed));
        changed.Append(T0.AddMinutes(40), new long[] { 1, -2, 3, -4 }, 0);
        Assert.Equal(2, changed.CurrentBlockSequence);
        var entry = Assert.Single(ReadAllOf(changed));
        Assert.Equal(new long[] { 1, -2, 3, -4 }, entry);
    }

    private static List<long[]> ReadAllOf(AnalysisLog log) => ReadAll(log).Select(r => r.Values).ToList();

    [Fact]
    public void Bad_values_and_status_are_refused_with_what_is_wrong()
    {
        var log = NewLog(NewMemory());
        Assert.Contains("one entry per analysis channel", Assert.Throws<ArgumentException>(() => log.Append(T0, new long[3], 0)).Message);
        Assert.Contains("status flag", Assert.Throws<ArgumentException>(() => log.Append(T0, ValuesAt(0), 0x40)).Message);
        Assert.Contains("1 to 24 channels", Assert.Throws<ArgumentException>(() => NewLog(NewMemory(), channels: 25)).Message);
    }

    [Fact]
    public void A_cut_at_every_byte_of_every_write_loses_nothing_older_and_leaves_the_old_or_the_new_entry()
    {
        // 3 readable blocks of 256 bytes with 8 channels: the entries cross block boundaries and the ring wraps.
        const int blocks = 4, blockSize = 256, n = 100;
        var memory = NewMemory(blocks, blockSize);
        var log = NewLog(memory, blocks, blockSize);
        var committed = new List<DateTime>();
        int cuts = 0;
        memory.BeforeWrite = (address, buffer, offset, count) =>
        {
            byte[] before = memory.Snapshot();
            for (int i = 0; i <= count; i++)
            {
                var torn = RamNvMemory.FromImage(before);
                for (int j = 0; j < i; j++) torn.Poke(address + j, buffer[offset + j]);
                var rebooted = NewLog(torn, blocks, blockSize);
                rebooted.Recover();
                var read = ReadAll(rebooted);
                var times = read.Select(r => r.End).ToList();
                // Either exactly the committed ones (as far back as the ring reaches) or those plus the entry being written.
                int next = committed.Count + 1;
                bool withNew = times.Count > 0 && times[^1] == T0.AddMinutes(10 * next);
                var expectedOld = withNew ? times.Take(times.Count - 1).ToList() : times;
                Assert.Equal(committed.TakeLast(expectedOld.Count), expectedOld);
                Assert.True(expectedOld.Count >= Math.Min(committed.Count, 2 * 12), $"cut lost older entries: {expectedOld.Count} of {committed.Count}");
                foreach (var r in read) Assert.Equal(ValuesAt((int)((r.End - T0).TotalMinutes / 10)), r.Values);
                cuts++;
            }
        };
        for (int k = 1; k <= n; k++)
        {
            log.Append(T0.AddMinutes(10 * k), ValuesAt(k), StatusAt(k));
            committed.Add(T0.AddMinutes(10 * k));
        }
        memory.BeforeWrite = null;
        Assert.True(log.CurrentBlockSequence > blocks, "the ring should wrap");
        Assert.True(cuts > n * 20);
    }
}
