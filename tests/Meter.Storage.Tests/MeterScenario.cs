using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

/// <summary>
/// A meter running minute by minute on a small NV memory: four energy registers (A+, A-, R+,
/// R- in Wh, displayed in 0.1 kWh) saved by the policy, a 15-min load profile, a monthly
/// billing logger plus a debiting stop by command every 2 hours, a daily logger 2 and an
/// event every 2 hours. Alongside it keeps an independent model of what has been committed
/// and what is being written, against which a rebooted storage is checked.
/// </summary>
internal sealed class MeterScenario
{
    public const long DisplayDigit = 100; // Wh: the display shows 0.1 kWh
    public static readonly long Step = RegisterSavePolicy.StepForDisplayDigit(DisplayDigit); // 50 Wh
    public const long MaxIncrementPerMinute = 9; // Wh a register may gain in one tick

    public sealed record Closed(DateTime At, int Reason, long[] Values);

    public static StorageLayout Layout() => new()
    {
        RegisterCount = 4,
        RegisterSlots = 4,
        BillingValueCount = 6,
        Logger2Depth = 5,
        Logger2ValueCount = 4,
        EventCapacity = 20,
        ProfileChannelCount = 4,
        ProfilePeriodMinutes = 15,
        ProfileBlockSize = 256,
    };

    /// <summary>Room for 4 profile blocks (3 readable, about 70 intervals each): the profile ring wraps within 3 days; then the tail.</summary>
    public static int MemorySize => Layout().ProfileAddress + WearLevelledRecord.RegionSize(2, LoadProfile.PointerSlots) + 4 * 256 + StorageLayout.TailSize;

    public static readonly PeriodSchedule BillingSchedule = PeriodSchedule.ForBilling(1, 1); // 1st of the month, monthly
    public static readonly PeriodSchedule Logger2Schedule = PeriodSchedule.ForLogger2(1); // daily

    public RamNvMemory Memory { get; }
    public MeterStorage Storage { get; private set; }
    public DateTime Now { get; private set; }
    public long[] Registers { get; } = new long[4];

    // The model.
    public long[] LastCommittedRegisters { get; private set; } = new long[4];
    public long[]? PendingRegisters { get; private set; }
    public List<(long Minute, long[] Values, int Status)> Profile { get; } = new();
    public (long Minute, long[] Values, int Status)? PendingProfile { get; private set; }
    public List<Closed> Billing { get; } = new();
    public Closed? PendingBilling { get; private set; }
    public List<Closed> Logger2 { get; } = new();
    public Closed? PendingLogger2 { get; private set; }
    public long[] EventCounts { get; } = new long[EventKind.Count + 1];
    public int PendingEventKind { get; private set; }
    public long BillingClosed { get; private set; }
    public long Logger2Closed { get; private set; }

    private MeterScenario(RamNvMemory memory, MeterStorage storage, DateTime now)
    {
        Memory = memory;
        Storage = storage;
        Now = now;
    }

    public static MeterStorage NewStorage(RamNvMemory memory) =>
        new(memory, Layout(), new RegisterSavePolicy(Enumerable.Repeat(Step, 4).ToArray()));

    /// <summary>A freshly formatted meter at <paramref name="start"/> with its first save and profile reference done.</summary>
    public static MeterScenario Fresh(DateTime start)
    {
        var memory = new RamNvMemory(MemorySize);
        var storage = NewStorage(memory);
        var report = storage.Open(start);
        if (!report.Formatted) throw new InvalidOperationException("expected a blank memory");
        var s = new MeterScenario(memory, storage, start);
        storage.SaveRegisters(s.Registers, force: true);
        storage.Profile.Start(start, s.Registers);
        return s;
    }

    /// <summary>A scenario continuing on a rebooted storage, its model rebuilt from what was recovered.</summary>
    public static MeterScenario Resume(RamNvMemory memory, MeterStorage opened, DateTime now)
    {
        var s = new MeterScenario(memory, opened, now);
        opened.Registers.CopyTo(s.Registers);
        opened.Registers.CopyTo(s.LastCommittedRegisters);
        foreach (var e in ReadProfile(opened)) s.Profile.Add((e.EndMinute, e.Values, e.Status));
        s.Billing.AddRange(ReadLogger(opened.Billing).AsEnumerable().Reverse());
        s.Logger2.AddRange(ReadLogger(opened.Logger2).AsEnumerable().Reverse());
        for (int k = 1; k <= EventKind.Count; k++) s.EventCounts[k] = opened.Events.CountOf(k);
        s.BillingClosed = opened.Billing.StopCounter;
        s.Logger2Closed = opened.Logger2.StopCounter;
        return s;
    }

    /// <summary>Energy metered in the minute ending at <paramref name="minute"/>: deterministic, with idle and export phases.</summary>
    public static void Increments(long minute, long[] into)
    {
        ulong h = (ulong)minute * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        int hourOfDay = (int)(minute / 60 % 24);
        bool sunny = hourOfDay is >= 10 and < 15;
        into[0] = sunny ? (long)(h % 2) : (long)(h % 8); // A+
        into[1] = sunny ? (long)(h >> 8) % 10 : 0; // A- (export at midday), up to 9
        into[2] = (long)((h >> 16) % 4); // R+
        into[3] = (h >> 24) % 11 == 0 ? 1 : 0; // R- now and then
    }

    private readonly long[] _inc = new long[4];

    /// <summary>One minute of metering and everything it triggers.</summary>
    public void Tick()
    {
        var previous = Now;
        Now = Now.AddMinutes(1);
        long minute = StorageTime.ToMinutes(Now);
        Increments(minute, _inc);
        for (int i = 0; i < 4; i++) Registers[i] += _inc[i];

        // Every logger action falls on a quarter hour: save first, so that no logger ever holds
        // register values the register record does not.
        PendingRegisters = (long[])Registers.Clone();
        if (Storage.SaveRegisters(Registers, force: minute % 15 == 0)) LastCommittedRegisters = PendingRegisters;
        PendingRegisters = null;

        if (minute % 15 == 0)
        {
            int status = Now.Day % 2 == 0 ? IntervalStatus.DaylightSaving : IntervalStatus.None;
            PendingProfile = (minute, (long[])Registers.Clone(), status);
            Storage.Profile.Append(Now, Registers, status);
            Profile.Add(PendingProfile.Value);
            PendingProfile = null;
        }

        long[] billingValues = { Registers[0], Registers[1], Registers[2], Registers[3], minute / 60, 0 };
        // The scheduled close is stamped with its boundary (00:00 on the 1st).
        PendingBilling = new Closed(BillingSchedule.NextClosing(previous), CloseReason.Scheduled, billingValues);
        if (Storage.Billing.CloseIfDue(BillingSchedule, previous, Now, billingValues)) { Billing.Add(PendingBilling); BillingClosed++; }
        PendingBilling = null;
        if (minute % 120 == 60)
        {
            PendingBilling = new Closed(Now, CloseReason.Command, billingValues);
            Storage.Billing.Close(Now, CloseReason.Command, billingValues);
            Billing.Add(PendingBilling);
            BillingClosed++;
            PendingBilling = null;
        }

        long[] dailyValues = (long[])Registers.Clone();
        PendingLogger2 = new Closed(Logger2Schedule.NextClosing(previous), CloseReason.Scheduled, dailyValues);
        if (Storage.Logger2.CloseIfDue(Logger2Schedule, previous, Now, dailyValues)) { Logger2.Add(PendingLogger2); Logger2Closed++; }
        PendingLogger2 = null;

        if (minute % 120 == 30)
        {
            // Three kinds in turn; VoltageQuality also commits the counter extension (layout 6), and the derived
            // Restart count (checked: 0) must not take it.
            int kind = minute % 360 == 30 ? EventKind.ParameterChange : minute % 360 == 150 ? EventKind.Tamper : EventKind.VoltageQuality;
            PendingEventKind = kind;
            Storage.Events.Log(Now, kind, 1, minute, minute + 1);
            EventCounts[kind]++;
            PendingEventKind = 0;
        }
    }

    public static List<ProfileEntry> ReadProfile(MeterStorage storage)
    {
        var reader = new LoadProfileReader(storage.Profile);
        var list = new List<ProfileEntry>();
        while (true)
        {
            var e = new ProfileEntry(storage.Profile.ChannelCount);
            if (!reader.Next(e)) break;
            list.Add(e);
        }
        if (reader.SkippedBlocks != 0) throw new InvalidOperationException($"{reader.SkippedBlocks} profile blocks unreadable");
        return list;
    }

    /// <summary>Readable periods, newest first; fails if any of them cannot be read.</summary>
    public static List<Closed> ReadLogger(PeriodLogger logger)
    {
        var list = new List<Closed>();
        var r = new PeriodRecord(logger.ValueCount);
        for (int age = 0; age < logger.Count; age++)
        {
            if (!logger.TryRead(age, r)) throw new InvalidOperationException($"period {age} back unreadable");
            list.Add(new Closed(r.ClosedAt, r.Reason, (long[])r.Values.Clone()));
        }
        return list;
    }

    /// <summary>
    /// Checks a storage rebooted from a copy of the memory taken now (possibly mid-write)
    /// against the model: every area readable, each holding the last committed state or the
    /// one being written, and the register loss within the bound. Returns the register loss.
    /// </summary>
    public long VerifyRecovered(MeterStorage rebooted, StorageRecoveryReport report)
    {
        if (report.Formatted) throw new Xunit.Sdk.XunitException("memory was reformatted after a cut");
        Assert.False(report.ProfileLost);
        Assert.True(report.RegistersFound);

        // Registers: the last committed values, or the ones being committed.
        var rec = new long[4];
        rebooted.Registers.CopyTo(rec);
        bool isLast = rec.SequenceEqual(LastCommittedRegisters);
        bool isPending = PendingRegisters != null && rec.SequenceEqual(PendingRegisters);
        Assert.True(isLast || isPending, $"registers [{string.Join(",", rec)}] are neither committed [{string.Join(",", LastCommittedRegisters)}] nor pending");
        long maxLoss = 0;
        for (int i = 0; i < 4; i++)
        {
            long loss = Registers[i] - rec[i];
            Assert.InRange(loss, 0, Step + MaxIncrementPerMinute - 1); // < step + energy during one write
            Assert.True(loss < DisplayDigit);
            maxLoss = Math.Max(maxLoss, loss);
        }

        // Profile: a suffix of the committed intervals, or of committed + the one being written.
        var read = ReadProfile(rebooted);
        var expected = new List<(long Minute, long[] Values, int Status)>(Profile);
        if (PendingProfile.HasValue && read.Count > 0 && read[^1].EndMinute == PendingProfile.Value.Minute) expected.Add(PendingProfile.Value);
        Assert.True(read.Count <= expected.Count);
        Assert.True(read.Count >= Math.Min(expected.Count, 100), $"only {read.Count} of {expected.Count} intervals readable");
        int skip = expected.Count - read.Count;
        for (int i = 0; i < read.Count; i++)
        {
            var (m, v, st) = expected[skip + i];
            if (read[i].EndMinute != m || !read[i].Values.SequenceEqual(v) || read[i].Status != st)
                throw new Xunit.Sdk.XunitException($"profile interval {i} differs from the model");
        }

        CheckLogger(rebooted.Billing, Billing, BillingClosed, PendingBilling, 36);
        CheckLogger(rebooted.Logger2, Logger2, Logger2Closed, PendingLogger2, 5);

        // Event counters: exact, the event being written counted at most once.
        for (int k = 1; k <= EventKind.Count; k++)
        {
            if (k == EventKind.StorageRepair) continue;
            long got = rebooted.Events.CountOf(k);
            long want = EventCounts[k];
            Assert.True(got == want || (k == PendingEventKind && got == want + 1), $"event kind {k}: {got} vs model {want}");
        }
        var er = new EventRecord();
        for (int age = 0; age < rebooted.Events.Count; age++) Assert.True(rebooted.Events.TryRead(age, er));
        return maxLoss;
    }

    private static void CheckLogger(PeriodLogger logger, List<Closed> committed, long closed, Closed? pending, int depth)
    {
        var read = ReadLogger(logger); // newest first
        var expected = new List<Closed>(committed);
        if (pending != null && logger.StopCounter == closed + 1)
        {
            expected.Add(pending);
            closed++;
        }
        Assert.Equal(closed, logger.StopCounter);
        Assert.Equal(Math.Min(depth, closed), read.Count);
        Assert.True(read.Count <= expected.Count);
        for (int age = 0; age < read.Count; age++)
        {
            var want = expected[expected.Count - 1 - age];
            if (read[age].At != want.At || read[age].Reason != want.Reason || !read[age].Values.SequenceEqual(want.Values))
                throw new Xunit.Sdk.XunitException($"period {age} back differs from the model");
        }
    }
}
