using Meter.Hal;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class MinimumWidthPulsePinTests
{
    private sealed class FakeTimer : IMicrosecondTimer
    {
        public long NowMicroseconds { get; set; }
        public long? DueAt { get; private set; }
        public event TimerExpiredHandler? Expired;
        public void StartOneShot(long microseconds) => DueAt = NowMicroseconds + microseconds;
        public void Stop() => DueAt = null;

        /// <summary>Moves time on, firing the one-shot if it falls due.</summary>
        public void Advance(long microseconds)
        {
            NowMicroseconds += microseconds;
            if (DueAt is long due && NowMicroseconds >= due) { DueAt = null; Expired?.Invoke(); }
        }
    }

    private sealed class RecordingPin : IOutputPin
    {
        public readonly List<(long At, bool High)> Writes = new();
        public FakeTimer? Clock;
        public void Write(bool high) => Writes.Add((Clock?.NowMicroseconds ?? 0, high));
    }

    private static (RecordingPin Pin, FakeTimer Timer, MinimumWidthPulsePin S0) Build()
    {
        var timer = new FakeTimer { NowMicroseconds = 1_000_000 };
        var pin = new RecordingPin { Clock = timer };
        var s0 = new MinimumWidthPulsePin(pin, timer, 30);
        pin.Writes.Clear(); // the constructor's initial low
        return (pin, timer, s0);
    }

    [Fact]
    public void A_low_asked_for_after_the_width_goes_out_at_once()
    {
        var (pin, timer, s0) = Build();
        s0.Write(true);
        timer.Advance(35_000); // the meter tick ends the pulse after 35 ms
        s0.Write(false);
        Assert.Equal(new[] { (1_000_000L, true), (1_035_000L, false) }, pin.Writes);
        Assert.Equal(0, s0.DeferredLows);
    }

    [Fact]
    public void A_low_asked_for_early_waits_for_the_timer_so_the_pulse_lasts_30_ms()
    {
        var (pin, timer, s0) = Build();
        s0.Write(true);
        timer.Advance(12_000); // low asked for after 12 ms: 18 ms still to go
        s0.Write(false);
        Assert.Single(pin.Writes);
        Assert.Equal(1_030_000L, timer.DueAt);
        timer.Advance(17_999);
        Assert.Single(pin.Writes);
        timer.Advance(1);
        Assert.Equal(new[] { (1_000_000L, true), (1_030_000L, false) }, pin.Writes);
        Assert.Equal(1, s0.DeferredLows);
    }

    [Fact]
    public void High_again_before_a_deferred_low_keeps_the_pin_high()
    {
        var (pin, timer, s0) = Build();
        s0.Write(true);
        timer.Advance(5_000);
        s0.Write(false);
        s0.Write(true); // e.g. the no-load indication comes on
        timer.Advance(100_000);
        Assert.Equal(new[] { (1_000_000L, true) }, pin.Writes);
        Assert.Null(timer.DueAt);
    }

    [Fact]
    public void A_steady_high_level_is_not_cut_short()
    {
        var (pin, timer, s0) = Build();
        s0.Write(true);
        timer.Advance(10_000_000); // 10 s of no-load indication
        s0.Write(true);
        Assert.Equal(new[] { (1_000_000L, true) }, pin.Writes);
        s0.Write(false);
        Assert.Equal((11_000_000L, false), pin.Writes[^1]);
    }

    [Fact]
    public void Repeated_writes_of_the_same_level_are_not_passed_on()
    {
        var (pin, timer, s0) = Build();
        s0.Write(false);
        s0.Write(true);
        s0.Write(true);
        timer.Advance(40_000);
        s0.Write(false);
        s0.Write(false);
        Assert.Equal(2, pin.Writes.Count);
    }
}
