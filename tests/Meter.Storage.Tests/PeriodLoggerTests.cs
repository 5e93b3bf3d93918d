using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class PeriodLoggerTests
{
    private static PeriodLogger NewLogger(RamNvMemory memory, int depth = 36, int values = 3)
    {
        var logger = new PeriodLogger(memory, 16, depth, values);
        logger.Recover();
        return logger;
    }

    [Fact]
    public void Keeps_the_36_newest_periods_across_the_ring_wrap()
    {
        var memory = new RamNvMemory(32 * 1024);
        var logger = NewLogger(memory);
        var t = new DateTime(2024, 1, 1);
        for (int i = 1; i <= 50; i++) logger.Close(t.AddMonths(i), CloseReason.Scheduled, new long[] { i, 10 * i, 100 * i });

        var rebooted = NewLogger(memory);
        Assert.Equal(36, rebooted.Count);
        Assert.Equal(50, rebooted.StopCounter); // debiting stop counter = periods closed
        var record = new PeriodRecord(3);
        for (int age = 0; age < 36; age++)
        {
            Assert.True(rebooted.TryRead(age, record));
            long n = 50 - age; // newest is period 50, oldest readable 50 − 35 = 15
            Assert.Equal(n, record.Sequence);
            Assert.Equal(new long[] { n, 10 * n, 100 * n }, record.Values);
            Assert.Equal(t.AddMonths((int)n), record.ClosedAt);
        }
        Assert.False(rebooted.TryRead(36, record));
    }

    [Fact]
    public void Closes_on_schedule_catching_up_after_an_outage_and_by_command()
    {
        var memory = new RamNvMemory(32 * 1024);
        var logger = NewLogger(memory, values: 1);
        var schedule = PeriodSchedule.ForBilling(1, 1); // 1st of each month
        var lastCheck = new DateTime(2024, 1, 20);
        // Power off from 20 Jan to 10 Mar 2024: two closings (1 Feb, 1 Mar) are due.
        var now = new DateTime(2024, 3, 10);
        int closed = 0;
        while (logger.CloseIfDue(schedule, lastCheck, now, new long[] { 777 })) closed++;
        Assert.Equal(2, closed);
        var record = new PeriodRecord(1);
        Assert.True(logger.TryRead(0, record));
        Assert.Equal(new DateTime(2024, 3, 1), record.ClosedAt);
        Assert.True(logger.TryRead(1, record));
        Assert.Equal(new DateTime(2024, 2, 1), record.ClosedAt);
        // Nothing more due until 1 Apr.
        Assert.False(logger.CloseIfDue(schedule, now, new DateTime(2024, 3, 31, 23, 59, 0), new long[] { 1 }));
        // Debiting stop by command.
        logger.Close(new DateTime(2024, 3, 15, 9, 30, 0), CloseReason.Command, new long[] { 800 });
        Assert.True(logger.TryRead(0, record));
        Assert.Equal(CloseReason.Command, record.Reason);
        Assert.Equal(3, logger.StopCounter);
        // Externally controlled: never due.
        Assert.False(logger.CloseIfDue(PeriodSchedule.ForBilling(0, 0), now, now.AddYears(1), new long[] { 1 }));
    }

    [Fact]
    public void Cut_while_closing_keeps_all_36_older_periods()
    {
        int slot = PeriodLogger.SlotSize(2);
        for (int cut = 0; cut < slot; cut += 3)
        {
            var memory = new RamNvMemory(16 * 1024);
            var logger = NewLogger(memory, values: 2);
            for (int i = 1; i <= 40; i++) logger.Close(new DateTime(2024, 1, 1).AddDays(i), CloseReason.Scheduled, new long[] { i, -i });
            memory.CutAtByteWrite = memory.ByteWrites + cut;
            Assert.Throws<PowerCutException>(() => logger.Close(new DateTime(2024, 3, 1), CloseReason.Command, new long[] { 41, -41 }));
            var rebooted = NewLogger(memory, values: 2);
            Assert.Equal(36, rebooted.Count);
            Assert.Equal(40, rebooted.StopCounter);
            var record = new PeriodRecord(2);
            Assert.True(rebooted.TryRead(35, record));
            Assert.Equal(5, record.Sequence); // 40 − 35: the oldest of the 36 is intact
        }
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var memory = new RamNvMemory(16 * 1024);
        var logger = NewLogger(memory, values: 2);
        Assert.Throws<ArgumentException>(() => logger.Close(new DateTime(2024, 1, 1), CloseReason.Scheduled, new long[3]));
        Assert.Throws<ArgumentException>(() => logger.Close(new DateTime(2024, 1, 1), 9, new long[2]));
        Assert.Throws<ArgumentException>(() => logger.Close(new DateTime(1999, 1, 1), CloseReason.Scheduled, new long[2]));
    }
}
