namespace Meter.Core.Tests;

/// <summary>The debounce of one sampled input, hand-worked with a 500 ms debounce.</summary>
public class DebouncedInputTests
{
    [Fact]
    public void A_level_counts_once_it_held_for_the_debounce_and_is_dated_at_its_onset()
    {
        var input = new DebouncedInput(500, initial: false);
        Assert.False(input.Sample(true, 1000, 100)); // onset
        Assert.False(input.Sample(true, 1499, 100)); // 499 ms: not yet
        Assert.True(input.Sample(true, 1500, 101));  // 500 ms: accepted
        Assert.True(input.IsOn);
        Assert.Equal(100, input.ChangedAtUtcSeconds);
        Assert.False(input.Sample(true, 9000, 108)); // no change, nothing to report
    }

    [Fact]
    public void A_bounce_restarts_the_debounce_from_the_next_onset()
    {
        var input = new DebouncedInput(500, initial: false);
        Assert.False(input.Sample(true, 0, 10));
        Assert.False(input.Sample(false, 300, 10)); // back before 500 ms: a bounce
        Assert.False(input.Sample(true, 400, 10));  // new onset at 400
        Assert.False(input.Sample(true, 800, 11));  // 400 ms from the new onset (800 from the first)
        Assert.True(input.Sample(true, 900, 11));
        Assert.Equal(10, input.ChangedAtUtcSeconds);
        Assert.False(input.Sample(false, 1000, 11));
        Assert.True(input.Sample(false, 1600, 12)); // the way back is debounced the same
        Assert.False(input.IsOn);
        Assert.Equal(11, input.ChangedAtUtcSeconds);
    }

    [Fact]
    public void Reset_takes_a_restored_level_without_a_change_and_a_negative_debounce_is_refused()
    {
        var input = new DebouncedInput(500, initial: false);
        Assert.False(input.Sample(true, 0, 0));
        input.Reset(true); // restored as on: the pending change is dropped
        Assert.True(input.IsOn);
        Assert.False(input.Sample(true, 1000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DebouncedInput(-1, false));
    }
}
