using Meter.Hal;

namespace Meter.Hal.Simulation.Ade7880;

/// <summary>An <see cref="IDelay"/> that advances a simulated chip's virtual time instead of sleeping.</summary>
public sealed class VirtualDelay : IDelay
{
    private readonly SimulatedAde7880 _chip;

    /// <summary>Creates the delay over <paramref name="chip"/>'s clock.</summary>
    public VirtualDelay(SimulatedAde7880 chip) => _chip = chip;

    /// <summary>Total virtual time waited, µs.</summary>
    public long WaitedUs { get; private set; }

    /// <inheritdoc />
    public void Wait(int microseconds)
    {
        WaitedUs += microseconds;
        _chip.Advance(microseconds);
    }
}
