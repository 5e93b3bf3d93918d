using Meter.OpticalClient.Transport;

namespace Meter.Acceptance.Targets;

/// <summary>The meter under test: how to reach its optical port, its password, and the bench around it if there is one.</summary>
public interface IMeterTarget : IDisposable
{
    /// <summary>What it is, for messages ("virtual meter", "serial /dev/ttyUSB0").</summary>
    string Description { get; }

    /// <summary>A new connection to the optical port (the head put on the meter).</summary>
    IOpticalTransport OpenOptical();

    /// <summary>The level-1 password (P1).</summary>
    string Password { get; }

    /// <summary>The bench, or null when nothing but the optical port is reachable (a real board).</summary>
    IMeterBench? Bench { get; }
}
