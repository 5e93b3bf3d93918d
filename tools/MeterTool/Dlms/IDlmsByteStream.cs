namespace Meter.Tool.Dlms;

/// <summary>8-bit bytes to and from a meter's DLMS port (a TCP socket or a serial port, 8N1).</summary>
public interface IDlmsByteStream : IDisposable
{
    /// <summary>What the stream is, for messages ("tcp 127.0.0.1:4059").</summary>
    string Description { get; }

    /// <summary>Sends the bytes.</summary>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Next byte, or -1 when none arrives within <paramref name="timeoutMs"/>.</summary>
    int ReadByte(int timeoutMs);
}
