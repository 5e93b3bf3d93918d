using Meter.Hal;

namespace Meter.Hal.Simulation.Breaker;

/// <summary>
/// A simulated bistable breaker: a command moves the contacts <see cref="SwitchingMilliseconds"/> after it
/// (the mechanism's switching time), the feedback shows the contacts (when fitted), and the position
/// survives a restart of the meter (a new meter over the same breaker). <see cref="Stuck"/> simulates
/// welded contacts that no pulse moves.
/// </summary>
public sealed class SimulatedBreaker : IBreaker
{
    private int _contacts;
    private int _target;
    private long _movesAtMs;
    private bool _pulsing;

    /// <summary>A breaker with its contacts at <paramref name="initialPosition"/> (<see cref="BreakerPosition"/> Open or Closed).</summary>
    public SimulatedBreaker(int initialPosition = BreakerPosition.Closed, int switchingMilliseconds = 20, bool hasFeedback = true)
    {
        if (initialPosition != BreakerPosition.Open && initialPosition != BreakerPosition.Closed)
            throw new ArgumentOutOfRangeException(nameof(initialPosition), "contacts are open or closed");
        if (switchingMilliseconds < 0) throw new ArgumentOutOfRangeException(nameof(switchingMilliseconds));
        _contacts = initialPosition;
        _target = initialPosition;
        SwitchingMilliseconds = switchingMilliseconds;
        HasFeedback = hasFeedback;
    }

    /// <summary>Time from a command to the contacts' move, ms.</summary>
    public int SwitchingMilliseconds { get; }

    /// <inheritdoc />
    public bool HasFeedback { get; }

    /// <summary>Welded contacts: commands pulse the coil but the contacts stay.</summary>
    public bool Stuck { get; set; }

    /// <summary>Where the contacts are (what the load sees), whatever the feedback.</summary>
    public int Contacts => _contacts;

    /// <summary>Coil pulses so far.</summary>
    public int Pulses { get; private set; }

    /// <summary>Moves the contacts by hand (a meter swapped in the field, a test of the start-up check).</summary>
    public void ForceContacts(int position)
    {
        _contacts = position;
        _target = position;
        _pulsing = false;
    }

    /// <inheritdoc />
    public int Position => HasFeedback ? _contacts : (_pulsing || Pulses > 0 ? _target : BreakerPosition.Unknown);

    /// <inheritdoc />
    public bool Switching => _pulsing;

    /// <inheritdoc />
    public void Open(long nowMs) => Command(BreakerPosition.Open, nowMs);

    /// <inheritdoc />
    public void Close(long nowMs) => Command(BreakerPosition.Closed, nowMs);

    /// <inheritdoc />
    public void Poll(long nowMs)
    {
        if (!_pulsing || nowMs < _movesAtMs) return;
        _pulsing = false;
        if (!Stuck) _contacts = _target;
    }

    private void Command(int position, long nowMs)
    {
        _target = position;
        _movesAtMs = nowMs + SwitchingMilliseconds;
        _pulsing = true;
        Pulses++;
        Poll(nowMs);
    }
}
