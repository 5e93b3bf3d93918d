using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Breaker;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Core.Tests.Breaker;

/// <summary>The disconnect state across restarts: saved with each transition, a cut at every byte of the save, the feedback check at start.</summary>
public class DisconnectPersistenceTests
{
    private static MeterStorage Open(RamNvMemory memory)
    {
        var storage = new MeterStorage(memory, RegisterRecord.Layout(15), new RegisterSavePolicy(Enumerable.Repeat(1L, RegisterRecord.Length).ToArray()));
        storage.Open(new DateTime(2026, 1, 1));
        return storage;
    }

    private static (DisconnectControl Control, DeviceStateRecord Record, RecordingDisconnectEvents Events) Boot(RamNvMemory memory, IBreaker breaker, long nowMs)
    {
        var record = new DeviceStateRecord(Open(memory).DeviceState);
        record.Restore();
        var events = new RecordingDisconnectEvents();
        var control = new DisconnectControl(breaker, record, events, 1);
        control.Start(nowMs);
        return (control, record, events);
    }

    [Fact]
    public void A_disconnection_survives_a_restart_and_the_breaker_stays_open()
    {
        var memory = new RamNvMemory(256 * 1024);
        var breaker = new SimulatedBreaker();
        var (control, _, _) = Boot(memory, breaker, 0);
        Assert.Equal(DisconnectResult.Done, control.RemoteDisconnect(DisconnectCause.OpticalPort));
        control.Tick(100);
        Assert.Equal(BreakerPosition.Open, breaker.Contacts);

        var (restarted, _, events) = Boot(memory, breaker, 0);
        restarted.Tick(100);
        Assert.Equal(DisconnectControlState.Disconnected, restarted.ControlState);
        Assert.Equal(BreakerPosition.Open, breaker.Contacts);
        Assert.Empty(events.Mismatches);
        Assert.Equal(1, breaker.Pulses); // no needless pulse at start
    }

    [Fact]
    public void Power_cut_at_every_byte_of_the_save_leaves_the_old_or_the_new_state_with_the_breaker_matching_it()
    {
        // Measure the bytes one transition writes.
        var probe = new RamNvMemory(256 * 1024);
        var (probeControl, _, _) = Boot(probe, new SimulatedBreaker(), 0);
        long before = probe.ByteWrites;
        probeControl.RemoteDisconnect(DisconnectCause.OpticalPort);
        long bytes = probe.ByteWrites - before;
        Assert.True(bytes > 16, $"a transition wrote {bytes} bytes");

        var seen = new HashSet<int>();
        for (long cut = 0; cut <= bytes; cut++)
        {
            var memory = new RamNvMemory(256 * 1024);
            var breaker = new SimulatedBreaker();
            var (control, _, _) = Boot(memory, breaker, 0);
            memory.CutAtByteWrite = memory.ByteWrites + cut;
            bool cutHappened = false;
            try { control.RemoteDisconnect(DisconnectCause.OpticalPort); }
            catch (PowerCutException) { cutHappened = true; }
            memory.CutAtByteWrite = -1;
            Assert.Equal(cut < bytes, cutHappened);

            var (restarted, _, _) = Boot(memory, breaker, 5000);
            restarted.Tick(6000);
            int state = restarted.ControlState;
            Assert.True(state == DisconnectControlState.Connected || state == DisconnectControlState.Disconnected, $"cut at byte {cut}: state {state}");
            if (!cutHappened) Assert.Equal(DisconnectControlState.Disconnected, state);
            Assert.Equal(state == DisconnectControlState.Connected ? BreakerPosition.Closed : BreakerPosition.Open, breaker.Contacts);
            Assert.Equal(0, restarted.Status & DisconnectControl.StatusFeedbackMismatch);
            seen.Add(state);
        }
        Assert.Equal(2, seen.Count); // early cuts keep the old state, late ones the new
    }

    [Fact]
    public void A_breaker_found_elsewhere_at_start_is_an_event_and_a_status_bit_until_it_is_driven_back()
    {
        var memory = new RamNvMemory(256 * 1024);
        var breaker = new SimulatedBreaker();
        var (control, _, _) = Boot(memory, breaker, 0);
        control.RemoteDisconnect(DisconnectCause.OpticalPort);
        control.Tick(100);
        breaker.ForceContacts(BreakerPosition.Closed); // closed by hand while the meter was off

        var (restarted, _, events) = Boot(memory, breaker, 0);
        Assert.Equal((BreakerPosition.Open, BreakerPosition.Closed), events.Mismatches.Single());
        Assert.NotEqual(0, restarted.Status & DisconnectControl.StatusFeedbackMismatch);
        restarted.Tick(100); // the start pulse opened it again
        Assert.Equal(BreakerPosition.Open, breaker.Contacts);
        Assert.Equal(0, restarted.Status & DisconnectControl.StatusFeedbackMismatch);
    }

    [Fact]
    public void Welded_contacts_are_reported_once_and_the_bit_holds_while_they_stay()
    {
        var breaker = new SimulatedBreaker { Stuck = true };
        var events = new RecordingDisconnectEvents();
        var control = new DisconnectControl(breaker, new DeviceStateRecord(null), events, 1);
        control.Start(0);
        control.RemoteDisconnect(DisconnectCause.Dlms);
        for (long t = 10; t <= 1000; t += 10) control.Tick(t);
        Assert.Equal((BreakerPosition.Open, BreakerPosition.Closed), events.Mismatches.Single());
        Assert.NotEqual(0, control.Status & DisconnectControl.StatusFeedbackMismatch);
    }

    [Fact]
    public void Without_a_breaker_the_control_stays_connected_and_refuses_commands()
    {
        var control = new DisconnectControl(null, new DeviceStateRecord(null), new RecordingDisconnectEvents(), 1);
        control.Start(0);
        Assert.Equal(DisconnectResult.NoBreaker, control.RemoteDisconnect(DisconnectCause.OpticalPort));
        control.RequestLocalDisconnect(DisconnectCause.Limiter);
        Assert.Equal(DisconnectControlState.Connected, control.ControlState);
        Assert.False(control.Fitted);
    }
}
