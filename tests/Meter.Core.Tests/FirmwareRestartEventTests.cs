using Meter.Boards;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// A firmware restart (firmware/Meter.App Restart.AfterFault, which calls EventRouting.LogRestart
/// before the ESP32 reboots) is a Restart event with the fault code as detail, never a supply loss.
/// </summary>
public class FirmwareRestartEventTests
{
    // Meter.Hal.Device FaultCode.Watchdog: the software watchdog found a stalled thread.
    private const int Watchdog = 4;

    [Fact]
    public void A_watchdog_restart_logs_one_restart_event_and_no_power_down()
    {
        string state = MeterRig.TempState();
        try
        {
            long utcAtRestart;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromSeconds(30));
                var m = first.Meter;
                long before = m.Storage.Events.TotalLogged;
                utcAtRestart = m.UtcSeconds;
                m.Events.LogRestart(Watchdog);
                Assert.Equal(before + 1, m.Storage.Events.TotalLogged); // exactly one event
                var e = new EventRecord();
                Assert.True(m.Storage.Events.TryRead(0, e));
                Assert.Equal((EventKind.Restart, Watchdog, 0L, utcAtRestart), (e.Kind, e.Detail, e.OldValue, e.NewValue));
                Assert.Equal(1, m.Storage.Events.CountOf(EventKind.Restart));
                Assert.Equal(0, m.Storage.Events.CountOf(EventKind.PowerDown));
                // Power.RebootDevice: nothing more is written and no mains-fail signal comes (the supply stays on).
                first.CutPower();
            }
            // The meter starts again from its NV memory.
            using var second = MeterRig.Start("balanced", state);
            var events = second.Meter.Storage.Events;
            Assert.Equal(1, events.CountOf(EventKind.Restart));
            Assert.Equal(0, events.CountOf(EventKind.PowerDown));
            var all = new List<EventRecord>();
            for (int age = 0; age < events.Count; age++)
            {
                var r = new EventRecord();
                Assert.True(events.TryRead(age, r));
                all.Add(r);
            }
            Assert.Single(all, r => r.Kind == EventKind.Restart && r.Detail == Watchdog);
            Assert.DoesNotContain(all, r => r.Kind == EventKind.PowerDown);
            // The start after it is the usual power-up event of the whole meter (detail 0).
            Assert.Equal(0, all.First(r => r.Kind == EventKind.PowerUp).Detail);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_fault_while_the_start_refuses_the_NV_memory_logs_nothing_into_it()
    {
        // Main catches the exception of ElectricityMeter.Start and calls Restart.AfterFault, which logs the restart
        // through EventRouting.LogRestart. The storage was never opened (here: a memory formatted with another event
        // capacity, which Start refuses and must leave untouched), so the event log's sequence is not recovered: a write
        // would overwrite the foreign layout's bytes at every reboot. What keeps it out: the storage is opened before
        // the meter's clock is read, so the event is stamped 1970, which the event log refuses (EventRouting.Refused).
        var start = new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);
        var memory = new RamNvMemory(SimulatedBoard.NvBytes);
        var foreign = new StorageLayout { RegisterCount = RegisterRecord.Length, DemandValueCount = DemandRecord.Length, EventCapacity = 100 };
        var steps = new long[foreign.RegisterCount];
        for (int i = 0; i < steps.Length; i++) steps[i] = 1000;
        new MeterStorage(memory, foreign, new RegisterSavePolicy(steps)).Format();
        byte[] before = memory.Snapshot();

        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, start).WithNvMemory(memory).WithoutInputs().Build();
        var meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware());
        var refusal = Assert.Throws<InvalidOperationException>(() => meter.Start(0, start));
        Assert.Contains("different layout", refusal.Message);

        meter.Events.LogRestart(Watchdog); // what Restart.AfterFault does next
        Assert.Equal(1, meter.Events.Refused);
        Assert.Equal(before, memory.Snapshot());
    }
}
