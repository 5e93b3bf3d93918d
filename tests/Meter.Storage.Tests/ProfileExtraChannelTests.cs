using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The load profile's extra (5th) channel (LoadProfile.ChangeChannels, the pulse-input register): 5-channel blocks
/// with flag bit 6 for "channel 4 delta zero", a ring holding 4- and 5-channel blocks, power-fail safety.
/// </summary>
public class ProfileExtraChannelTests
{
    private const int Region = 16 * 1024;
    private static readonly DateTime T0 = new(2025, 3, 3, 0, 0, 0);

    private static LoadProfile Open(RamNvMemory memory, int region = Region, int blockSize = 256) => ProfileFixture.Open(memory, region, blockSize);

    private static List<ProfileEntry> ReadAll(LoadProfile profile) => ProfileFixture.ReadAll(profile);

    [Fact]
    public void A_five_channel_profile_reads_back_and_omits_a_zero_fifth_delta_by_flag_bit_6()
    {
        var memory = new RamNvMemory(Region);
        var profile = Open(memory);
        Assert.Equal(5, profile.MaximumChannelCount);
        profile.Start(T0, new long[] { 1000, 0, 300, 0, 7000 });
        Assert.Equal(5, profile.ChannelCount);
        Assert.Equal(LoadProfile.HeaderSize(5), profile.CurrentTail); // 56 bytes
        profile.Append(T0.AddMinutes(15), new long[] { 1120, 0, 340, 0, 7250 }, IntervalStatus.None);
        // flags (A-, R- zero) + 120 (1 byte) + 40 + 250 (2 bytes LEB128) = 5 bytes.
        Assert.Equal(LoadProfile.HeaderSize(5) + 5, profile.CurrentTail);
        int tail = profile.CurrentTail;
        profile.Append(T0.AddMinutes(30), new long[] { 1125, 0, 340, 0, 7250 }, IntervalStatus.None);
        // Only A+ moved: flags 0x4E (bits 1, 2, 3 and 6) + one delta byte; without bit 6 it would take 3.
        Assert.Equal(tail + 2, profile.CurrentTail);

        var entries = ReadAll(Open(memory));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(5, e.ChannelCount));
        Assert.Equal(new long[] { 120, 0, 40, 0, 250 }, entries[0].Deltas);
        Assert.Equal(new long[] { 5, 0, 0, 0, 0 }, entries[1].Deltas);
        Assert.Equal(new long[] { 1125, 0, 340, 0, 7250 }, entries[1].Values);
    }

    [Fact]
    public void A_ring_of_four_then_five_channel_blocks_reads_both_across_a_wrap_and_a_reboot()
    {
        const int region = 8 * 256; // six 256-byte blocks (five readable) after the pointer record: the ring wraps
        var memory = new RamNvMemory(region);
        var profile = Open(memory, region);
        profile.Start(T0, new long[] { 0, 0, 0, 0 });
        var expected = new List<long[]>();
        long aPlus = 0, pulses = 5000;
        int i = 1;
        for (; i <= 150; i++)
        {
            aPlus += 1000 + i;
            profile.Append(T0.AddMinutes(15 * i), new long[] { aPlus, 0, 0, 0 }, IntervalStatus.None);
            expected.Add(new long[] { 1000 + i, 0, 0, 0, 0 });
        }
        long seq = profile.CurrentBlockSequence;
        profile.ChangeChannels(5, new long[] { aPlus, 0, 0, 0, pulses });
        Assert.Equal(seq + 1, profile.CurrentBlockSequence);
        Assert.Equal(5, Open(memory, region).ChannelCount); // kept through a reboot
        for (; i <= 300; i++)
        {
            aPlus += 1000 + i;
            pulses += i % 3 == 0 ? 0 : 40 + i;
            profile.Append(T0.AddMinutes(15 * i), new long[] { aPlus, 0, 0, 0, pulses }, IntervalStatus.None);
            expected.Add(new long[] { 1000 + i, 0, 0, 0, i % 3 == 0 ? 0 : 40 + i });
        }

        var entries = ReadAll(Open(memory, region));
        Assert.Equal(6, profile.BlockCount);
        Assert.Contains(entries, e => e.ChannelCount == 4);
        Assert.Contains(entries, e => e.ChannelCount == 5);
        var tailOfExpected = expected.Skip(expected.Count - entries.Count).ToList();
        Assert.True(entries.Count < expected.Count, "the ring should have wrapped");
        for (int k = 0; k < entries.Count; k++)
        {
            Assert.Equal(tailOfExpected[k], entries[k].Deltas);
            int written = expected.Count - entries.Count + k + 1; // the interval's number, 1 = 00:15
            Assert.Equal(T0.AddMinutes(15 * written), entries[k].EndTime);
            Assert.Equal(written <= 150 ? 4 : 5, entries[k].ChannelCount);
        }
        Assert.Equal(pulses, entries[^1].Values[4]);
        Assert.Equal(aPlus, entries[^1].Values[0]);
        // A 4-slot entry cannot read a 5-channel block.
        var narrow = new LoadProfileReader(Open(memory, region));
        Assert.Throws<ArgumentException>(() => { while (narrow.Next(new ProfileEntry(4))) { } });

        // Back to 4 channels: a new block again, the 5-channel ones stay readable.
        var reopened = Open(memory, region);
        reopened.ChangeChannels(4, new long[] { aPlus, 0, 0, 0 });
        reopened.Append(T0.AddMinutes(15 * i), new long[] { aPlus + 9, 0, 0, 0 }, IntervalStatus.None);
        var after = ReadAll(Open(memory, region));
        Assert.Equal(4, after[^1].ChannelCount);
        Assert.Equal(new long[] { 9, 0, 0, 0, 0 }, after[^1].Deltas);
        Assert.Equal(5, after[^2].ChannelCount);
    }

    [Fact]
    public void Refuses_a_channel_change_it_cannot_make_and_changes_nothing()
    {
        var memory = new RamNvMemory(Region);
        var profile = Open(memory);
        Assert.Throws<InvalidOperationException>(() => profile.ChangeChannels(5, new long[5]));
        profile.Start(T0, new long[] { 10, 0, 0, 0 });
        profile.Append(T0.AddMinutes(15), new long[] { 20, 0, 0, 0 }, IntervalStatus.None);
        long seq = profile.CurrentBlockSequence;
        Assert.Throws<ArgumentException>(() => profile.ChangeChannels(6, new long[6]));
        Assert.Throws<ArgumentException>(() => profile.ChangeChannels(5, new long[4]));
        Assert.Throws<ArgumentException>(() => profile.ChangeChannels(5, new long[] { 19, 0, 0, 0, 0 })); // not the newest entry's A+
        Assert.Throws<ArgumentException>(() => profile.Append(T0.AddMinutes(30), new long[] { 30, 0, 0, 0, 1 }, IntervalStatus.None));
        Assert.Equal(seq, profile.CurrentBlockSequence);
        Assert.Equal(4, profile.ChannelCount);
        Assert.Throws<ArgumentException>(() => new LoadProfile(memory, 0, Region, 256, 4, 15).Start(T0, new long[6]));
    }

    /// <summary>
    /// Power cut before every byte a 5-channel Append and the switch to 5 channels write (the storage tests'
    /// byte-cut pattern): the reboot reads every older interval unchanged and either the old or the new state.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cut_at_every_byte_of_a_five_channel_write_loses_nothing_older(bool switchChannels)
    {
        var memory = new RamNvMemory(Region);
        var profile = Open(memory);
        profile.Start(T0, new long[] { 0, 0, 0, 0 });
        long[] values = { 0, 0, 0, 0 };
        for (int i = 1; i <= 51; i++) // 51 entries: the 5-channel block afterwards starts in the next block
        {
            values[0] += 200;
            values[2] += 90;
            profile.Append(T0.AddMinutes(15 * i), values, IntervalStatus.None);
        }
        profile.ChangeChannels(5, new long[] { values[0], 0, values[2], 0, 100 });
        profile.Append(T0.AddMinutes(15 * 52), new long[] { values[0] + 1, 0, values[2], 0, 130 }, IntervalStatus.None);
        long[] last = { values[0] + 1, 0, values[2], 0, 130 };
        var oldEntries = ReadAll(Open(memory));
        byte[] image = memory.Snapshot();
        DateTime at = T0.AddMinutes(15 * 53);
        long[] next = { last[0] + 70000, 0, last[2] + 3, 0, last[4] + 200000 }; // 3-byte deltas

        void Write(LoadProfile p)
        {
            if (switchChannels) p.ChangeChannels(5, new long[] { last[0], 0, last[2], 0, 0 }); // restart the extra channel at 0
            p.Append(at, switchChannels ? new long[] { next[0], 0, next[2], 0, 4 } : next, IntervalStatus.None);
        }

        var probe = RamNvMemory.FromImage(image);
        var probeProfile = Open(probe);
        long start = probe.ByteWrites;
        Write(probeProfile);
        long bytes = probe.ByteWrites - start;
        var newEntries = ReadAll(Open(probe));
        Assert.Equal(oldEntries.Count + 1, newEntries.Count);

        int oldSeen = 0, newSeen = 0;
        for (long k = 0; k < bytes; k++)
        {
            var cut = RamNvMemory.FromImage(image);
            var victim = Open(cut);
            cut.CutAtByteWrite = cut.ByteWrites + k;
            Assert.Throws<PowerCutException>(() => Write(victim));
            var rebooted = Open(cut);
            Assert.False(rebooted.LostOnRecovery);
            Assert.Equal(5, rebooted.ChannelCount);
            var read = ReadAll(rebooted);
            var expected = read.Count == oldEntries.Count ? oldEntries : newEntries;
            if (read.Count == oldEntries.Count) oldSeen++; else newSeen++;
            Assert.Equal(expected.Count, read.Count);
            for (int e = 0; e < expected.Count; e++)
            {
                Assert.Equal(expected[e].EndTime, read[e].EndTime);
                Assert.Equal(expected[e].Values, read[e].Values);
                Assert.Equal(expected[e].Deltas, read[e].Deltas);
            }
        }
        // Up to the commit's last byte the older profile stands.
        Assert.Equal(bytes, oldSeen);
        Assert.Equal(0, newSeen);
        Assert.True(bytes > 8, $"the write took only {bytes} bytes");
    }
}
