using Meter.Hal.Ade7880;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class PendingSignalsTests
{
    [Fact]
    public void Raised_signals_are_taken_once_and_together()
    {
        var s = new PendingSignals();
        Assert.Equal(0, s.TakeAll());
        s.Raise(PendingSignals.EnergyReady);
        s.Raise(PendingSignals.ButtonPressed);
        s.Raise(PendingSignals.EnergyReady); // twice before taking: one cycle to run
        Assert.Equal(PendingSignals.EnergyReady | PendingSignals.ButtonPressed, s.TakeAll());
        Assert.Equal(0, s.TakeAll());
    }

    [Fact]
    public void Signals_raised_from_many_threads_are_never_lost()
    {
        // 4 threads raise 4 different bits 10 000 times each while a taker collects: every bit is seen.
        var s = new PendingSignals();
        int seen = 0;
        var raisers = Enumerable.Range(0, 4).Select(i => new Thread(() => { for (int k = 0; k < 10_000; k++) s.Raise(1 << i); })).ToList();
        raisers.ForEach(t => t.Start());
        while (raisers.Any(t => t.IsAlive)) seen |= s.TakeAll();
        seen |= s.TakeAll();
        Assert.Equal(0b1111, seen);
    }
}

public class HeartbeatWatchdogTests
{
    [Fact]
    public void A_thread_is_stalled_only_after_its_limit_has_passed_since_its_last_beat()
    {
        var w = new HeartbeatWatchdog(4);
        int meter = w.Watch("meter", 2000);
        int storage = w.Watch("storage", 10_000);
        Assert.Equal(-1, w.FirstStalled(50_000)); // nothing has beaten yet: not started, not stalled
        w.Beat(meter, 1000);
        w.Beat(storage, 1000);
        Assert.Equal(-1, w.FirstStalled(3000));    // 2000 ms since the beat: at the limit, still alive
        Assert.Equal(meter, w.FirstStalled(3001)); // 2001 ms: stalled
        w.Beat(meter, 10_500);
        Assert.Equal(-1, w.FirstStalled(11_000));  // storage: 10 000 ms, at its limit; meter 500 ms
        Assert.Equal(storage, w.FirstStalled(11_001));
        Assert.Equal("storage", w.NameOf(storage));
    }

    [Fact]
    public void The_32_bit_wrap_of_the_millisecond_counter_does_not_fake_a_stall()
    {
        // Beat at 2^32 - 500 ms, check at 2^32 + 1000 ms: 1500 ms apart across the wrap.
        var w = new HeartbeatWatchdog(1);
        int i = w.Watch("meter", 2000);
        long beforeWrap = (1L << 32) - 500;
        w.Beat(i, beforeWrap);
        Assert.Equal(-1, w.FirstStalled(beforeWrap + 1500));
        Assert.Equal(i, w.FirstStalled(beforeWrap + 2001));
    }

    [Fact]
    public void Bad_registrations_are_refused()
    {
        var w = new HeartbeatWatchdog(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Watch("x", 0));
        w.Watch("a", 10);
        Assert.Throws<InvalidOperationException>(() => w.Watch("b", 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Beat(1, 0));
    }
}

public class FaultCodeTests
{
    [Fact]
    public void Exceptions_map_to_the_part_that_failed()
    {
        Assert.Equal(FaultCode.Metering, FaultCode.Of(new Ade7880NotRespondingException("MISO stuck")));
        Assert.Equal(FaultCode.Program, FaultCode.Of(new ArgumentOutOfRangeException("x")));
        Assert.Equal(FaultCode.Program, FaultCode.Of(new NullReferenceException()));
        Assert.Equal(FaultCode.Memory, FaultCode.Of(new OutOfMemoryException()));
        Assert.Equal(FaultCode.Other, FaultCode.Of(new System.IO.IOException()));
        Assert.Equal(FaultCode.Other, FaultCode.Of(null!));
    }
}

public class MonotonicClockTests
{
    [Fact]
    public void Never_goes_back()
    {
        long a = MonotonicClock.NowMilliseconds;
        long b = MonotonicClock.NowMilliseconds;
        Assert.True(b >= a && a >= 0);
    }
}

public class FallingEdgeSignalTests
{
    private sealed class Pin : Meter.Hal.IInputPin
    {
        public bool Level = true;
        public bool Read() => Level;
        public event Meter.Hal.PinChangedHandler? Changed;
        public void Set(bool high) { Level = high; Changed?.Invoke(this, high); }
    }

    [Fact]
    public void Only_falling_edges_raise_the_signal()
    {
        var pin = new Pin();
        var signals = new PendingSignals();
        var irq = new FallingEdgeSignal(pin, signals, PendingSignals.EnergyReady);
        pin.Set(true);
        Assert.Equal(0, signals.TakeAll());
        pin.Set(false); // IRQ0 asserted
        Assert.Equal(PendingSignals.EnergyReady, signals.TakeAll());
        pin.Set(true);
        pin.Set(false);
        pin.Set(true);
        pin.Set(false);
        Assert.Equal(PendingSignals.EnergyReady, signals.TakeAll()); // two edges before the meter thread ran: one cycle
        Assert.Equal(3, irq.Edges);
    }
}
