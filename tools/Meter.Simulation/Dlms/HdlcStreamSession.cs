using Meter.Dlms;

namespace Meter.Simulation.Dlms;

/// <summary>
/// HDLC frames (IEC 62056-46) on one TCP connection, through Meter.Dlms's <see cref="HdlcServerLink"/> (a new link a
/// connection, so each client starts in NDM). TCP has no character timing: the inter-octet time-out is relaxed to
/// <see cref="TcpInterOctetTimeoutMs"/> (a frame split over TCP segments is not dropped), the frame length field
/// delimits frames as on a UART.
/// </summary>
public sealed class HdlcStreamSession : IDlmsStreamSession, IFrameSink
{
    /// <summary>The inter-octet time-out used on TCP, ms.</summary>
    public const int TcpInterOctetTimeoutMs = 1000;

    private readonly Action<byte[], int, int> _send;

    /// <summary>A link answering as logical device 1 at <paramref name="physicalAddress"/>.</summary>
    public HdlcStreamSession(IApduHandler handler, Action<byte[], int, int> send, int physicalAddress)
    {
        _send = send;
        var settings = new HdlcServerSettings
        {
            LogicalDevice = 1,
            PhysicalAddress = physicalAddress,
            MaxApduLength = 2048,
            InterOctetTimeoutMs = TcpInterOctetTimeoutMs,
        };
        Link = new HdlcServerLink(settings, handler, this);
    }

    /// <summary>The link (state, negotiated values), for tests.</summary>
    public HdlcServerLink Link { get; }

    /// <inheritdoc />
    public bool Receive(byte[] buffer, int offset, int count, long nowMs)
    {
        Link.Receive(buffer, offset, count, nowMs);
        return true;
    }

    /// <inheritdoc />
    public void Tick(long nowMs) => Link.Tick(nowMs);

    /// <inheritdoc />
    public void Send(byte[] buffer, int offset, int count) => _send(buffer, offset, count);
}
