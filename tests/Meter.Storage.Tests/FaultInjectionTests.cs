using System.Diagnostics;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;
using Xunit.Abstractions;

namespace Meter.Storage.Tests;

/// <summary>
/// Power cut at every byte write of a metering scenario. Default run: 3 days from 28 Feb 2024
/// (leap day, the monthly billing close on 1 Mar, 36+ debiting stops by command so the
/// billing ring wraps, daily logger 2, events wrapping the event ring, the profile ring
/// wrapping). Set METER_STO_FAULT_DAYS=N for a longer run.
/// </summary>
public class FaultInjectionTests
{
    private readonly ITestOutputHelper _output;

    public FaultInjectionTests(ITestOutputHelper output) => _output = output;

    private static int Days => int.TryParse(Environment.GetEnvironmentVariable("METER_STO_FAULT_DAYS"), out int d) && d > 0 ? d : 3;

    [Fact]
    public void Every_byte_write_of_days_of_metering_is_a_survivable_cut_point()
    {
        var scenario = MeterScenario.Fresh(new DateTime(2024, 2, 28, 0, 0, 0));
        var scratch = new RamNvMemory(scenario.Memory.Size);
        long cutPoints = 0, continued = 0, repairsSeen = 0, maxLoss = 0;
        var watch = Stopwatch.StartNew();

        scenario.Memory.BeforeWrite = (address, buffer, offset, count) =>
        {
            byte[] before = scenario.Memory.Snapshot();
            // The cut falls before byte i of this write: bytes 0 … i−1 reached the memory.
            for (int i = 0; i < count; i++)
            {
                scratch.LoadImage(before);
                for (int j = 0; j < i; j++) scratch.Poke(address + j, buffer[offset + j]);
                var rebooted = MeterScenario.NewStorage(scratch);
                var report = rebooted.Open(scenario.Now);
                maxLoss = Math.Max(maxLoss, scenario.VerifyRecovered(rebooted, report));
                if (report.RepairCount > 0) repairsSeen++;
                cutPoints++;

                // Now and then the rebooted meter runs on for 3 hours and reboots cleanly.
                if (cutPoints % 4001 == 0)
                {
                    var image = RamNvMemory.FromImage(scratch.Snapshot());
                    var resumedStorage = MeterScenario.NewStorage(image);
                    resumedStorage.Open(scenario.Now);
                    var resumed = MeterScenario.Resume(image, resumedStorage, scenario.Now);
                    for (int t = 0; t < 180; t++) resumed.Tick();
                    var again = MeterScenario.NewStorage(image);
                    var cleanReport = again.Open(resumed.Now);
                    Assert.Equal(0, cleanReport.RepairCount);
                    resumed.VerifyRecovered(again, cleanReport);
                    continued++;
                }
            }
        };

        int minutes = Days * 24 * 60;
        for (int m = 0; m < minutes; m++) scenario.Tick();
        scenario.Memory.BeforeWrite = null;

        // The scenario did what it claims.
        Assert.True(scenario.BillingClosed > 36, "billing ring should wrap");
        Assert.Contains(scenario.Billing, c => c.Reason == CloseReason.Scheduled && c.At == new DateTime(2024, 3, 1));
        Assert.Equal(Days, scenario.Logger2Closed);
        Assert.True(scenario.EventCounts.Sum() > 20, "event ring should wrap");
        var final = MeterScenario.NewStorage(scenario.Memory);
        var finalReport = final.Open(scenario.Now);
        Assert.Equal(0, finalReport.RepairCount);
        Assert.True(MeterScenario.ReadProfile(final).Count < scenario.Profile.Count, "profile ring should wrap");
        scenario.VerifyRecovered(final, finalReport);

        _output.WriteLine($"cut points tried: {cutPoints} over {Days} days ({scenario.Memory.ByteWrites} byte writes); " +
            $"reboots with repairs: {repairsSeen}; continued runs: {continued}; max register loss: {maxLoss} Wh " +
            $"(bound {MeterScenario.Step} + {MeterScenario.MaxIncrementPerMinute - 1} Wh < display digit {MeterScenario.DisplayDigit} Wh); {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(scenario.Memory.ByteWrites - MemoryBytesWrittenBeforeScenario(), cutPoints);
        Assert.True(repairsSeen > 0);
    }

    private static long MemoryBytesWrittenBeforeScenario()
    {
        // Fresh(): format + first register save + profile start, written before the hook was set.
        var s = MeterScenario.Fresh(new DateTime(2024, 2, 28));
        return s.Memory.ByteWrites;
    }

    [Fact]
    public void A_second_cut_at_every_byte_the_boot_repair_writes_is_survivable_too()
    {
        // Boot recovery writes as well (torn slots erased, event counters repaired, a
        // StorageRepair event per area). Take every 499th cut point of one day around the
        // monthly close, and cut again at every byte those repairs write: the next boot must
        // still find the state the first cut left.
        var scenario = MeterScenario.Fresh(new DateTime(2024, 2, 29, 12, 0, 0));
        long firstCuts = 0, secondCuts = 0, candidates = 0;
        scenario.Memory.BeforeWrite = (address, buffer, offset, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                if (candidates++ % 499 != 0) continue;
                byte[] torn = scenario.Memory.Snapshot();
                for (int j = 0; j < i; j++) torn[address + j] = buffer[offset + j];
                var probe = RamNvMemory.FromImage(torn);
                MeterScenario.NewStorage(probe).Open(scenario.Now);
                long repairBytes = probe.ByteWrites;
                firstCuts++;
                for (long k = 0; k < repairBytes; k++)
                {
                    var memory = RamNvMemory.FromImage(torn);
                    memory.CutAtByteWrite = k;
                    Assert.Throws<PowerCutException>(() => MeterScenario.NewStorage(memory).Open(scenario.Now));
                    var rebooted = MeterScenario.NewStorage(memory);
                    scenario.VerifyRecovered(rebooted, rebooted.Open(scenario.Now));
                    secondCuts++;
                }
            }
        };
        for (int m = 0; m < 24 * 60; m++) scenario.Tick();
        scenario.Memory.BeforeWrite = null;
        _output.WriteLine($"first cuts: {firstCuts}; second cuts inside their boot repairs: {secondCuts}");
        Assert.Contains(scenario.Billing, c => c.Reason == CloseReason.Scheduled && c.At == new DateTime(2024, 3, 1));
        Assert.True(secondCuts > firstCuts, "most first cuts should leave something to repair");
    }

    [Fact]
    public void Real_power_cut_exceptions_thrown_mid_write_over_four_hours_leave_a_consistent_meter()
    {
        // Replay style: the cut is a PowerCutException thrown from inside the write, and the
        // meter is rebooted from the memory as left. 4 hours around the monthly billing close.
        var start = new DateTime(2024, 2, 29, 22, 0, 0);
        var reference = MeterScenario.Fresh(start);
        byte[] baseImage = reference.Memory.Snapshot();
        long baseWrites = reference.Memory.ByteWrites;
        for (int t = 0; t < 240; t++) reference.Tick();
        long total = reference.Memory.ByteWrites - baseWrites;

        // Every 7th byte in CI; every byte with METER_STO_FAULT_DAYS set.
        int stride = Environment.GetEnvironmentVariable("METER_STO_FAULT_DAYS") is null ? 7 : 1;
        long tried = 0;
        for (long cut = 0; cut < total; cut += stride)
        {
            var run = MeterScenario.Fresh(start);
            run.Memory.LoadImage(baseImage);
            run.Memory.CutAtByteWrite = run.Memory.ByteWrites + cut;
            bool wasCut = false;
            try
            {
                for (int t = 0; t < 240; t++) run.Tick();
            }
            catch (PowerCutException)
            {
                wasCut = true;
            }
            Assert.True(wasCut);
            var rebooted = MeterScenario.NewStorage(run.Memory);
            var report = rebooted.Open(run.Now);
            run.VerifyRecovered(rebooted, report);
            tried++;
        }
        _output.WriteLine($"replayed cut points: {tried} of {total} byte writes (stride {stride})");
    }

    [Fact]
    public void A_cut_while_formatting_formats_again_at_the_next_boot()
    {
        var probe = new RamNvMemory(MeterScenario.MemorySize);
        MeterScenario.NewStorage(probe).Open(new DateTime(2024, 1, 1));
        long formatWrites = probe.ByteWrites;
        for (long cut = 0; cut < formatWrites; cut += 211)
        {
            var memory = new RamNvMemory(MeterScenario.MemorySize) { CutAtByteWrite = cut };
            Assert.Throws<PowerCutException>(() => MeterScenario.NewStorage(memory).Open(new DateTime(2024, 1, 1)));
            var report = MeterScenario.NewStorage(memory).Open(new DateTime(2024, 1, 1));
            Assert.True(report.Formatted);
            Assert.False(report.RegistersFound);
        }
    }
}
