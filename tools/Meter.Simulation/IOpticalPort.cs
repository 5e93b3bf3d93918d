using Meter.Hal;

namespace Meter.Simulation;

/// <summary>The virtual meter's optical port: an <see cref="ISerialLink"/> the host pumps from its loop.</summary>
public interface IOpticalPort : ISerialLink, ISerialLineTime, IDisposable
{
    /// <summary>Where a client connects (shown to the user).</summary>
    string Endpoint { get; }

    /// <summary>Moves what arrived into the receive queue (non-blocking).</summary>
    void Pump();
}
