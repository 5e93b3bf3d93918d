namespace Meter.OpticalClient.Transport;

/// <summary>
/// A byte link to a meter's optical port: a serial optical head (real baud changes, 7E1) or a
/// TCP socket to the virtual meter (same bytes; baud changes are signalled only).
/// </summary>
public interface IOpticalTransport : IDisposable
{
    /// <summary>What the link is, for messages ("serial /dev/ttyUSB0", "tcp 127.0.0.1:6100").</summary>
    string Description { get; }

    /// <summary>Current baud rate.</summary>
    int BaudRate { get; }

    /// <summary>Switches the baud rate (IEC 62056-21 modes B/C); on TCP only recorded.</summary>
    void SetBaudRate(int baud);

    /// <summary>Sends <paramref name="bytes"/>; returns once they have left the port (as far as the link can tell).</summary>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Next received byte (7 bits), or -1 when none arrives within <paramref name="timeoutMs"/>.</summary>
    int ReadByte(int timeoutMs);

    /// <summary>Drops bytes received and not yet read.</summary>
    void DiscardInput();

    /// <summary>
    /// On a link other clients share (the virtual meter's TCP port): why an open link may get no
    /// answer at all and what to do, for the error message; null on a link of our own (a serial head).
    /// </summary>
    string? BusyHint => null;
}
