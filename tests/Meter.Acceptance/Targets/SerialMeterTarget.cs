using Meter.Tool.Transport;

namespace Meter.Acceptance.Targets;

/// <summary>A real meter on a serial optical head (IEC 62056-21 head on a USB serial port): the optical port only, no bench.</summary>
public sealed class SerialMeterTarget(string device, string password) : IMeterTarget
{
    /// <inheritdoc />
    public string Description => "serial " + device;

    /// <inheritdoc />
    public IOpticalTransport OpenOptical() => new SerialTransport(device);

    /// <inheritdoc />
    public string Password { get; } = password;

    /// <inheritdoc />
    public IMeterBench? Bench => null;

    /// <inheritdoc />
    public void Dispose() { }
}
