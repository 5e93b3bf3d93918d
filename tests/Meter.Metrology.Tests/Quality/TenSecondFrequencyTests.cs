using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

public class TenSecondFrequencyTests
{
    [Fact]
    public void A_value_completes_at_the_clocks_10_s_tick_from_the_periods_sampled_in_the_interval()
    {
        var f = new TenSecondFrequency(256_000);
        // Interval [1000, 1010): five periods of 5120 (50 Hz) and five of 5000 (51.2 Hz).
        for (long t = 1000; t < 1010; t++) Assert.False(f.Add(t, t < 1005 ? 5120 : 5000));
        Assert.True(f.Add(1010, 5120));
        // 10 cycles over 5·5120 + 5·5000 = 50,600 ticks of 256 kHz: 256,000 × 10 / 50,600 = 50.5929 Hz.
        Assert.Equal(50_593, f.Millihertz);
        Assert.Equal(1000, f.IntervalStart);
    }

    [Fact]
    public void An_interval_starts_at_a_multiple_of_10_s_even_when_sampling_starts_inside_it()
    {
        var f = new TenSecondFrequency(256_000);
        Assert.False(f.Add(1007, 5120));
        Assert.False(f.Add(1009, 5120));
        Assert.True(f.Add(1013, 5000));
        Assert.Equal(1000, f.IntervalStart);
        Assert.Equal(50_000, f.Millihertz);
        Assert.True(f.Add(1020, 0)); // a dead phase adds nothing but still closes the interval before
        Assert.Equal(51_200, f.Millihertz);
        Assert.False(f.Add(1030, 5120)); // [1020, 1030) had no period: no value
    }
}
