using Meter.Boards;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The voltage-quality record and the event-counter extension in the tail of the assembled meter's memory
/// (layout version 7): they fit every memory the project uses, and a version-5 memory is upgraded in place
/// with its energy registers untouched.
/// </summary>
public class VoltageQualityStorageTests
{
    private static StorageLayout MeterLayout() => new()
    {
        RegisterCount = RegisterRecord.Length,
        DemandValueCount = DemandRecord.Length,
    };

    [Fact]
    public void The_tail_fits_the_slack_of_every_memory_the_meter_runs_on()
    {
        StorageLayout layout = MeterLayout();
        // Profile at 37 152 (README); pointer record 16·(4 + 2·8 + 4) = 384; 1 KiB blocks. On any whole-KiB memory
        // (262 144 − 37 152 − 384) mod 1024 = 224 608 mod 1024 = 352 ≥ the 320-byte tail: no block is lost.
        Assert.Equal(37152, layout.ProfileAddress);
        int[] sizes =
        {
            SimulatedBoard.NvBytes,                                    // VirtualMeter, Meter.Core / end-to-end tests, benchmarks
            BoardCatalog.ByName("reference").NvMemory.SizeBytes,       // MB85RS2MT on the reference board
            BoardCatalog.ByName("devkitc-eval-ade7880").NvMemory.SizeBytes,
        };
        foreach (int size in sizes)
        {
            Assert.Equal(352, layout.UpgradableSlack(size));
            Assert.True(layout.UpgradableSlack(size) >= StorageLayout.TailSize);
            // Same block count with and without the tail.
            Assert.Equal((size - 37152 - 384) / 1024, (layout.ProfileRegionSize(size) - 384) / 1024);
        }
    }

    [Fact]
    public void A_meter_of_layout_version_5_is_upgraded_in_place_and_keeps_registers_billing_and_events()
    {
        string state = MeterRig.TempState();
        try
        {
            long[] registers;
            long powerUps;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromMinutes(20));
                first.Stop();
                registers = MeterRig.Snapshot(first.Meter);
                powerUps = first.Meter.Storage.Events.CountOf(EventKind.PowerUp);
            }
            StorageLayout layout = MeterLayout();
            // Turn it into what the version-5 firmware leaves: the format record says 5, the tail was never written.
            using (var nv = new FileNvMemory(state, SimulatedBoard.NvBytes))
            {
                var values = new long[StorageLayout.FormatValueCount];
                var format = RecoveredFormat(nv, values);
                Assert.Equal(7, values[1]);
                values[1] = 5;
                format.Commit(values);
                var blank = Enumerable.Repeat((byte)0xFF, StorageLayout.TailSize).ToArray();
                nv.Write(layout.EventExtensionAddress(nv.Size), blank, 0, blank.Length);
            }
            using (var second = MeterRig.Start("balanced", state))
            {
                ElectricityMeter m = second.Meter;
                Assert.Equal(5, m.Recovery.UpgradedFromVersion);
                Assert.Equal(0, m.Recovery.RepairCount);
                Assert.Equal(registers, MeterRig.Snapshot(m));
                Assert.Equal(powerUps + 1, m.Storage.Events.CountOf(EventKind.PowerUp));
                Assert.Equal(0, m.VoltageQuality.CountOf(1, VoltageQualityDetail.Dip));
                second.Stop();
            }
            using (var nv = new FileNvMemory(state, SimulatedBoard.NvBytes))
            {
                var values = new long[StorageLayout.FormatValueCount];
                var format = RecoveredFormat(nv, values);
                Assert.Equal(7, values[1]);
            }
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    // The format record as stored (value 1 = the layout version), recovered into values.
    private static WearLevelledRecord RecoveredFormat(Meter.Hal.INvMemory nv, long[] values)
    {
        var format = new WearLevelledRecord(nv, 0, StorageLayout.FormatValueCount, StorageLayout.FormatSlots);
        Assert.True(format.Recover());
        format.CopyTo(values);
        return format;
    }
}
