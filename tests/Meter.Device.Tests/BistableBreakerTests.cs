using Meter.Hal;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

/// <summary>The two-coil bistable breaker driver: pulse width, never both coils, feedback.</summary>
public class BistableBreakerTests
{
    private sealed class Coil : IOutputPin
    {
        public bool High;
        public List<bool> Writes { get; } = new();
        public void Write(bool high) { High = high; Writes.Add(high); }
    }

    private sealed class Feedback : IInputPin
    {
        public bool Level = true;
        public bool Read() => Level;
        public event PinChangedHandler? Changed { add { } remove { } }
    }

    [Fact]
    public void A_command_energises_its_coil_for_exactly_the_pulse_width()
    {
        var open = new Coil();
        var close = new Coil();
        var breaker = new BistableBreaker(open, close, null, 50);
        Assert.Equal(BreakerPosition.Unknown, breaker.Position);
        breaker.Open(1000);
        Assert.True(open.High);
        breaker.Poll(1049);
        Assert.True(open.High);
        Assert.True(breaker.Switching);
        breaker.Poll(1050);
        Assert.False(open.High);
        Assert.False(breaker.Switching);
        Assert.Equal(BreakerPosition.Open, breaker.Position); // no feedback: the commanded position
        Assert.DoesNotContain(true, close.Writes);
    }

    [Fact]
    public void A_command_during_a_pulse_releases_the_other_coil_first()
    {
        var open = new Coil();
        var close = new Coil();
        var breaker = new BistableBreaker(open, close, null, 50);
        breaker.Open(0);
        breaker.Close(10);
        Assert.False(open.High);
        Assert.True(close.High);
    }

    [Fact]
    public void The_feedback_gives_the_position_low_is_closed()
    {
        var feedback = new Feedback { Level = false };
        var breaker = new BistableBreaker(new Coil(), new Coil(), feedback, 50);
        Assert.True(breaker.HasFeedback);
        Assert.Equal(BreakerPosition.Closed, breaker.Position);
        breaker.Open(0); // the contacts have not moved: the feedback says so
        Assert.Equal(BreakerPosition.Closed, breaker.Position);
        feedback.Level = true;
        Assert.Equal(BreakerPosition.Open, breaker.Position);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_pulse_width_outside_1_to_1000_ms_is_refused(int ms)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BistableBreaker(new Coil(), new Coil(), null, ms));
        Assert.Contains("1..1000 ms", e.Message);
    }
}
