using Meter.Hal;

namespace Meter.Hal.Simulation.Pins;

/// <summary>
/// An input pin whose level the simulation sets (a simulated chip's IRQ output, a button, a
/// switch). Raises <see cref="Changed"/> synchronously on every level change, as the board's
/// GPIO event would (but without the dispatch latency).
/// </summary>
public sealed class VirtualInputPin : IInputPin
{
    private bool _level;

    /// <summary>Creates the pin at <paramref name="initialLevel"/> (e.g. high for an idle active-low IRQ).</summary>
    public VirtualInputPin(bool initialLevel = true) => _level = initialLevel;

    /// <inheritdoc />
    public event PinChangedHandler? Changed;

    /// <summary>Falling edges so far.</summary>
    public int FallingEdges { get; private set; }

    /// <inheritdoc />
    public bool Read() => _level;

    /// <summary>Drives the pin; raises <see cref="Changed"/> if the level changes.</summary>
    public void Set(bool high)
    {
        if (high == _level) return;
        _level = high;
        if (!high) FallingEdges++;
        Changed?.Invoke(this, high);
    }
}
