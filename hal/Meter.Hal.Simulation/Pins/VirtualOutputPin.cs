using Meter.Hal;

namespace Meter.Hal.Simulation.Pins;

/// <summary>
/// An output pin driven by the code under test (reset line, PM0/PM1, S0, LED …). Remembers its
/// level, counts edges and tells a listener (e.g. a simulated chip) about every change.
/// </summary>
public sealed class VirtualOutputPin : IOutputPin
{
    /// <summary>Creates the pin at <paramref name="initialLevel"/>.</summary>
    public VirtualOutputPin(bool initialLevel = false) => Level = initialLevel;

    /// <summary>Current level: <c>true</c> = high.</summary>
    public bool Level { get; private set; }

    /// <summary>Level changes so far.</summary>
    public int Edges { get; private set; }

    /// <summary>Called with the new level after each change.</summary>
    public event Action<bool>? LevelChanged;

    /// <inheritdoc />
    public void Write(bool high)
    {
        if (high == Level) return;
        Level = high;
        Edges++;
        LevelChanged?.Invoke(high);
    }
}
