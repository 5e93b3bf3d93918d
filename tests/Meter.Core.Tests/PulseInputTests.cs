using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The pulse input's counter (Meter.Core PulseInput) sampled as the device samples it, every 10 ms: the stated
/// maximum frequency (pulse and pause of 30 ms, 16.67 Hz) counts exactly at every phase of the poll for an hour;
/// shorter levels are not guaranteed (some are lost), and contact bounce inside the debounce counts once.
/// </summary>
public class PulseInputTests
{
    // A square wave of the period (first half active) from phase ms on, sampled every poll for the duration.
    private static long Count(long periodMs, long phaseMs, long durationMs, long pollMs = PulseInput.PollMilliseconds)
    {
        var input = new PulseInput();
        for (long t = 0; t < durationMs; t += pollMs)
            input.Sample(t >= phaseMs && (t - phaseMs) % periodMs < periodMs / 2, t);
        return input.Count;
    }

    [Fact]
    public void The_stated_maximum_is_a_30_ms_pulse_and_pause_16_67_Hz()
    {
        Assert.Equal(30, PulseInput.MinimumLevelMilliseconds);
        Assert.Equal(16666, PulseInput.MaximumMillihertz);
        Assert.Equal(60, PulseInputFeed.PeriodFor(1000.0 / 60));
        Assert.Throws<ArgumentException>(() => PulseInputFeed.PeriodFor(17));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void An_hour_at_the_maximum_frequency_counts_every_pulse_at_any_phase_of_the_poll(long phaseMs)
    {
        // 3 600 000 ms / 60 ms = 60 000 pulses; the last rises 50 ms + phase before the end and is accepted 20 ms later.
        Assert.Equal(60000, Count(60, phaseMs, 3600000));
    }

    [Fact]
    public void Pulses_shorter_than_the_minimum_level_are_lost_at_some_phases()
    {
        // 29 ms pulse and pause: an edge just after a poll is first seen 9.x ms late, and the level ends before the debounce.
        long fed = 3600000 / 58;
        long counted = Count(58, 3, 3600000);
        Assert.True(counted < fed, $"{counted} of {fed}");
    }

    [Fact]
    public void Contact_bounce_inside_the_debounce_counts_one_pulse()
    {
        var input = new PulseInput();
        // Sampled every ms: the contact closes at 100 with 3 bounces of 2 ms, holds to 160, opens with 2 bounces.
        bool Level(long t) => t switch
        {
            >= 100 and < 102 or >= 104 and < 106 or >= 108 and < 160 => true,
            >= 163 and < 165 => true,
            _ => false,
        };
        for (long t = 0; t < 400; t++) input.Sample(Level(t), t);
        Assert.Equal(1, input.Count);
    }
}
