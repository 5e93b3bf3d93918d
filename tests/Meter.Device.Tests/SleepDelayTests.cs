using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class SleepDelayTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]        // 1 µs still needs a whole 1 ms sleep: never shorter than asked
    [InlineData(999, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(10000000, 10000)]
    public void Waits_are_rounded_up_to_whole_milliseconds(int microseconds, int milliseconds)
    {
        Assert.Equal(milliseconds, SleepDelay.MillisecondsFor(microseconds));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10000001)]
    public void Out_of_range_waits_are_refused(int microseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SleepDelay.MillisecondsFor(microseconds));
    }
}
