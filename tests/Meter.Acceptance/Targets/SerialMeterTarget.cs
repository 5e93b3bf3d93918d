using Meter.OpticalClient.Transport;

namespace Meter.Acceptance.Targets;

/// <summary>
/// A real meter on a serial optical head (IEC 62056-21 head on a USB serial port): the optical port only, no bench.
/// One meter, one head: a test holds it from start to end, so tests that xunit runs in parallel take turns.
/// </summary>
public sealed class SerialMeterTarget : IMeterTarget
{
    private static readonly SemaphoreSlim OneTestAtATime = new(1, 1);
    private readonly string _device;
    private bool _disposed;

    /// <summary>Waits for the head, then holds it until <see cref="Dispose"/>.</summary>
    public SerialMeterTarget(string device, string password)
    {
        _device = device;
        Password = password;
        OneTestAtATime.Wait();
    }

    /// <inheritdoc />
    public string Description => "serial " + _device;

    /// <inheritdoc />
    public IOpticalTransport OpenOptical() => new SerialTransport(_device);

    /// <inheritdoc />
    public string Password { get; }

    /// <inheritdoc />
    public IMeterBench? Bench => null;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        OneTestAtATime.Release();
    }
}
