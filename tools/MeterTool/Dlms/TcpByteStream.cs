using System.Net.Sockets;
using Meter.OpticalClient.Transport;

namespace Meter.Tool.Dlms;

/// <summary>A TCP connection to a DLMS port (the wrapper or HDLC frames on TCP), 8-bit clean.</summary>
public sealed class TcpByteStream : IDlmsByteStream
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly string _endpoint;

    /// <summary>Connects within <paramref name="connectTimeoutMs"/>.</summary>
    /// <exception cref="IOException">The connection failed (named in the message).</exception>
    public TcpByteStream(string host, int port, int connectTimeoutMs = 5000)
    {
        _endpoint = host + ":" + port;
        _client = TcpConnector.Connect(host, port, connectTimeoutMs);
        _stream = _client.GetStream();
    }

    /// <inheritdoc />
    public string Description => "tcp " + _endpoint;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    /// <inheritdoc />
    public int ReadByte(int timeoutMs)
    {
        // Poll rather than a stream read timeout: a timed-out socket read leaves the stream unusable.
        if (_client.Available == 0 && !_client.Client.Poll((int)Math.Min(int.MaxValue, Math.Max(1, timeoutMs) * 1000L), SelectMode.SelectRead))
            return -1;
        int b = _stream.ReadByte();
        if (b < 0) throw new IOException($"{_endpoint} closed the connection");
        return b;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
