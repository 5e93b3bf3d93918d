using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class BusyWaitDelayTests
{
    /// <summary>A microsecond clock that steps by one µs at each read, as a fast free-running counter looks to a spinning loop.</summary>
    private sealed class SteppingClock : IMicrosecondTimer
    {
        public long Reads { get; private set; }
        public long NowMicroseconds => 5_000_000 + Reads++;
        public event TimerExpiredHandler? Expired { add { } remove { } }
        public void StartOneShot(long microseconds) => throw new NotSupportedException();
        public void Stop() { }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    public void A_wait_spins_until_more_than_the_requested_microseconds_have_passed_and_counts_them(int microseconds)
    {
        var clock = new SteppingClock();
        var delay = new BusyWaitDelay(clock);
        delay.Wait(microseconds);
        // Reads at t0, t0+1, …: the loop leaves at the first read more than `microseconds` after t0, never sooner.
        Assert.Equal(microseconds + 2, clock.Reads);
        Assert.Equal((1L, (long)microseconds), (delay.Waits, delay.RequestedMicroseconds));
    }

    [Fact]
    public void A_zero_wait_does_not_read_the_clock()
    {
        var clock = new SteppingClock();
        var delay = new BusyWaitDelay(clock);
        delay.Wait(0);
        Assert.Equal(0, clock.Reads);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Waits_that_would_block_the_meter_thread_are_refused(int microseconds)
    {
        var delay = new BusyWaitDelay(new SteppingClock());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => delay.Wait(microseconds));
        Assert.Contains("0 to 1000", e.Message);
    }
}
