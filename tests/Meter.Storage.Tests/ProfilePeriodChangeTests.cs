using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// The integration period changed at run time (LoadProfile.ChangePeriod): each block carries its
/// period, entries decode with their block's period, the change is one power-fail-safe commit,
/// and a reboot keeps the newest block's period.
/// </summary>
public class ProfilePeriodChangeTests
{
    private const int Region = 16 * 1024;
    private static readonly DateTime T0 = new(2025, 3, 3, 0, 0, 0);

    private static LoadProfile Open(RamNvMemory memory, int blockSize = 256) => ProfileFixture.Open(memory, Region, blockSize);

    private static List<ProfileEntry> ReadAll(LoadProfile profile) => ProfileFixture.ReadAll(profile, profile.ChannelCount);

    private static long[] A(long aPlus) => new long[] { aPlus, 0, 0, 0 };

    // 15-min profile: 00:15 (A+ 100), 00:30 (250).
    private static LoadProfile FifteenMinuteHalfHour(RamNvMemory memory)
    {
        var profile = Open(memory);
        profile.Start(T0, A(0));
        profile.Append(T0.AddMinutes(15), A(100), IntervalStatus.None);
        profile.Append(T0.AddMinutes(30), A(250), IntervalStatus.None);
        return profile;
    }

    [Fact]
    public void Entries_decode_with_their_blocks_period_across_a_change_and_after_a_reboot()
    {
        var memory = new RamNvMemory(Region);
        var profile = FifteenMinuteHalfHour(memory);
        long seq = profile.CurrentBlockSequence;
        // 15 → 30 at 00:37: the running interval 00:30–00:37 is closed short (A+ 300).
        Assert.True(profile.ChangePeriod(T0.AddMinutes(37), A(300), IntervalStatus.Incomplete, 30));
        Assert.Equal(30, profile.PeriodMinutes);
        Assert.Equal(seq + 1, profile.CurrentBlockSequence);
        // First 30-min interval 00:37–01:00 (short), then 01:30 and 02:00 one period apart.
        profile.Append(T0.AddMinutes(60), A(500), IntervalStatus.Incomplete);
        int before = profile.CurrentTail;
        profile.Append(T0.AddMinutes(90), A(800), IntervalStatus.None);
        // Implicit time with the block's 30 min: flags byte + LEB128(300) (2 bytes), channels 2–4 flagged zero.
        Assert.Equal(3, profile.CurrentTail - before);
        profile.Append(T0.AddMinutes(120), A(1000), IntervalStatus.None);

        var rebooted = Open(memory);
        Assert.Equal(30, rebooted.PeriodMinutes); // the newest block's period survives the restart
        var read = ReadAll(rebooted);
        Assert.Equal(new[] { 15, 30, 37, 60, 90, 120 }.Select(m => T0.AddMinutes(m)), read.Select(e => e.EndTime));
        Assert.Equal(new long[] { 100, 150, 50, 200, 300, 200 }, read.Select(e => e.Deltas[0])); // differences of 0,100,250,300,500,800,1000
        Assert.Equal(new[] { 15, 15, 15, 30, 30, 30 }, read.Select(e => e.PeriodMinutes));
        Assert.Equal(new[] { 0, 0, IntervalStatus.Incomplete, IntervalStatus.Incomplete, 0, 0 }, read.Select(e => e.Status));

        // After the reboot the next interval is appended at 30 min too.
        rebooted.Append(T0.AddMinutes(150), A(1100), IntervalStatus.None);
        var again = ReadAll(Open(memory));
        Assert.Equal(T0.AddMinutes(150), again[^1].EndTime);
        Assert.Equal(100, again[^1].Deltas[0]);
        Assert.Equal(30, again[^1].PeriodMinutes);
    }

    [Fact]
    public void A_change_in_the_newest_entrys_minute_writes_no_entry_and_the_new_block_starts_at_it()
    {
        var memory = new RamNvMemory(Region);
        var profile = FifteenMinuteHalfHour(memory);
        // 00:30:40, just after the 00:30 entry: nothing to close at minute resolution.
        Assert.False(profile.ChangePeriod(T0.AddSeconds(30 * 60 + 40), A(260), IntervalStatus.Incomplete, 5));
        Assert.Equal(T0.AddMinutes(30), StorageTime.FromMinutes(profile.LastMinute));
        profile.Append(T0.AddMinutes(35), A(290), IntervalStatus.None);
        profile.Append(T0.AddMinutes(40), A(300), IntervalStatus.None);
        var read = ReadAll(Open(memory));
        Assert.Equal(new[] { 15, 30, 35, 40 }.Select(m => T0.AddMinutes(m)), read.Select(e => e.EndTime));
        Assert.Equal(new long[] { 100, 150, 40, 10 }, read.Select(e => e.Deltas[0])); // 290 − 250 holds the 40 s before the change
        Assert.Equal(new[] { 15, 15, 5, 5 }, read.Select(e => e.PeriodMinutes));
    }

    [Fact]
    public void A_full_block_puts_the_closing_entry_first_in_the_new_block()
    {
        var memory = new RamNvMemory(Region);
        var profile = Open(memory);
        profile.Start(T0, A(0));
        // Header 16 + 8·4 = 48 bytes; entries of 4 bytes (deltas 200, 0, 90, 0): 52 fill the 256-byte block exactly.
        var values = new long[4];
        for (int i = 1; i <= 52; i++)
        {
            values[0] += 200;
            values[2] += 90;
            profile.Append(T0.AddMinutes(15 * i), values, IntervalStatus.None);
        }
        Assert.Equal(256, profile.CurrentTail);
        long seq = profile.CurrentBlockSequence;
        values[0] += 7;
        Assert.True(profile.ChangePeriod(T0.AddMinutes(15 * 52 + 4), values, IntervalStatus.Incomplete, 60));
        Assert.Equal(seq + 1, profile.CurrentBlockSequence);
        Assert.True(profile.CurrentTail > LoadProfile.HeaderSize(4)); // the closing entry is in the new block
        values[0] += 56;
        profile.Append(T0.AddMinutes(15 * 52 + 60), values, IntervalStatus.Incomplete); // 13:00 + 60 min boundary
        var read = ReadAll(Open(memory));
        Assert.Equal(54, read.Count);
        Assert.Equal(T0.AddMinutes(15 * 52 + 4), read[52].EndTime);
        Assert.Equal(7, read[52].Deltas[0]);
        Assert.Equal(60, read[52].PeriodMinutes); // decoded in the new block (explicit time)
        Assert.Equal(T0.AddMinutes(15 * 52 + 60), read[53].EndTime);
        Assert.Equal(56, read[53].Deltas[0]);
        Assert.Equal(15, read[51].PeriodMinutes);
    }

    [Fact]
    public void A_lost_profile_starts_again_with_the_default_period()
    {
        var memory = new RamNvMemory(Region);
        var profile = FifteenMinuteHalfHour(memory);
        profile.ChangePeriod(T0.AddMinutes(40), A(300), IntervalStatus.Incomplete, 60);
        Assert.Equal(60, Open(memory).PeriodMinutes);
        // Corrupt the newest block's header (a real fault, not a torn write): the profile is lost.
        // Blocks follow the 384-byte pointer record (16 slots · 24 bytes); block seq lies at 384 + (seq mod BlockCount)·256.
        int address = 384 + (int)(profile.CurrentBlockSequence % profile.BlockCount) * 256 + 8;
        memory.Poke(address, (byte)(memory.Snapshot()[address] ^ 0x5A));
        var lost = Open(memory);
        Assert.True(lost.LostOnRecovery);
        Assert.Equal(15, lost.PeriodMinutes);
        Assert.Equal(15, lost.DefaultPeriodMinutes);
    }

    [Fact]
    public void Rejects_a_period_the_seeds_do_not_offer_and_changes_nothing()
    {
        var memory = new RamNvMemory(Region);
        var profile = FifteenMinuteHalfHour(memory);
        byte[] image = memory.Snapshot();
        Assert.Throws<ArgumentException>(() => profile.ChangePeriod(T0.AddMinutes(37), A(300), IntervalStatus.Incomplete, 10));
        Assert.Throws<ArgumentException>(() => profile.ChangePeriod(T0.AddMinutes(37), A(200), IntervalStatus.Incomplete, 30)); // register decreased
        Assert.Equal(image, memory.Snapshot());
        Assert.Equal(15, profile.PeriodMinutes);
        Assert.Throws<InvalidOperationException>(() => Open(new RamNvMemory(Region)).ChangePeriod(T0, A(0), 0, 30));
    }

    /// <summary>
    /// Power cut before every byte the change writes (the existing fault-injection style: the
    /// cut byte and all after it keep their old value): the reboot finds the old profile with its
    /// 15-min period, never a mixture, and goes on appending; the completed change is the new one.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cut_at_every_byte_of_the_change_leaves_the_old_or_the_new_period(bool fullBlock)
    {
        var memory = new RamNvMemory(Region);
        var profile = Open(memory);
        profile.Start(T0, A(0));
        var values = new long[4];
        int intervals = fullBlock ? 52 : 5; // 52 four-byte entries fill the block: the closing entry then goes to the new block
        for (int i = 1; i <= intervals; i++)
        {
            values[0] += 200;
            values[2] += 90;
            profile.Append(T0.AddMinutes(15 * i), values, IntervalStatus.None);
        }
        var oldEntries = ReadAll(Open(memory));
        byte[] image = memory.Snapshot();
        DateTime at = T0.AddMinutes(15 * intervals + 8);
        long[] closing = { values[0] + 33, 0, values[2] + 5, 0 };

        // How many bytes the change writes, measured on a copy.
        var probe = RamNvMemory.FromImage(image);
        var probeProfile = Open(probe);
        long start = probe.ByteWrites;
        probeProfile.ChangePeriod(at, closing, IntervalStatus.Incomplete, 30);
        long bytes = probe.ByteWrites - start;
        var newEntries = ReadAll(Open(probe));
        Assert.Equal(oldEntries.Count + 1, newEntries.Count);

        int oldSeen = 0, newSeen = 0;
        for (long k = 0; k < bytes; k++)
        {
            var cut = RamNvMemory.FromImage(image);
            var victim = Open(cut);
            cut.CutAtByteWrite = cut.ByteWrites + k;
            Assert.Throws<PowerCutException>(() => victim.ChangePeriod(at, closing, IntervalStatus.Incomplete, 30));
            var rebooted = Open(cut);
            Assert.False(rebooted.LostOnRecovery);
            var read = ReadAll(rebooted);
            var expected = rebooted.PeriodMinutes == 15 ? oldEntries : newEntries;
            if (rebooted.PeriodMinutes == 15) oldSeen++; else { Assert.Equal(30, rebooted.PeriodMinutes); newSeen++; }
            Assert.Equal(expected.Select(e => e.EndTime), read.Select(e => e.EndTime));
            Assert.Equal(expected.Select(e => e.Values[0]), read.Select(e => e.Values[0]));
            Assert.Equal(expected.Select(e => e.PeriodMinutes), read.Select(e => e.PeriodMinutes));

            // The meter runs on: the next interval (old period: the one the change would have cut) reads back.
            DateTime next = rebooted.PeriodMinutes == 15 ? T0.AddMinutes(15 * intervals + 15) : T0.AddMinutes(15 * intervals + 30);
            long[] later = { closing[0] + 100, 0, closing[2], 0 };
            rebooted.Append(next, later, IntervalStatus.PowerFailure);
            var after = ReadAll(Open(cut));
            Assert.Equal(expected.Count + 1, after.Count);
            Assert.Equal(next, after[^1].EndTime);
            Assert.Equal(later[0], after[^1].Values[0]);
        }
        // Any cut inside the change, up to the pointer slot's last CRC byte, leaves the old profile: the
        // closing entry, end marker and new header lie past the committed data until that commit.
        Assert.Equal(bytes, oldSeen);
        Assert.Equal(0, newSeen);
        Assert.True(bytes > LoadProfile.HeaderSize(4), $"the change wrote only {bytes} bytes");
        // Completed, it is the new profile (30 min), which also runs on.
        var done = Open(probe);
        Assert.Equal(30, done.PeriodMinutes);
        done.Append(T0.AddMinutes(15 * intervals + 30), new[] { closing[0] + 100, 0, closing[2], 0 }, IntervalStatus.Incomplete);
        var doneRead = ReadAll(Open(probe));
        Assert.Equal(newEntries.Count + 1, doneRead.Count);
        Assert.Equal(100, doneRead[^1].Deltas[0]);
    }
}
