namespace Meter.Simulation.Dlms;

/// <summary>One TCP connection's protocol on a DLMS port: the wrapper or HDLC frames, feeding the meter's COSEM server.</summary>
public interface IDlmsStreamSession
{
    /// <summary>Bytes that arrived at <paramref name="nowMs"/>; false when the stream cannot go on (the connection is then closed).</summary>
    bool Receive(byte[] buffer, int offset, int count, long nowMs);

    /// <summary>Time passes without bytes (link time-outs).</summary>
    void Tick(long nowMs);
}
