using System.Net.Sockets;

namespace Meter.OpticalClient.Transport;

/// <summary>
/// TCP link to the virtual meter's optical port. The bytes are those of the optical head;
/// baud changes are remembered (and reported by <see cref="BaudRate"/>) but have no physical effect.
/// </summary>
public sealed class TcpTransport : IOpticalTransport
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly string _endpoint;
    private readonly byte[] _one = new byte[1];

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> within <paramref name="connectTimeoutMs"/>.</summary>
    /// <exception cref="IOException">The connection failed (named in the message).</exception>
    public TcpTransport(string host, int port, int connectTimeoutMs = 5000)
    {
        _endpoint = host + ":" + port;
        _client = TcpConnector.Connect(host, port, connectTimeoutMs);
        _stream = _client.GetStream();
        BaudRate = 300;
    }

    /// <inheritdoc />
    public string Description => "tcp " + _endpoint;

    /// <inheritdoc />
    public int BaudRate { get; private set; }

    /// <inheritdoc />
    public void SetBaudRate(int baud) => BaudRate = baud;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    /// <inheritdoc />
    public int ReadByte(int timeoutMs)
    {
        // Poll rather than a stream read timeout: a timed-out socket read leaves the stream unusable.
        if (!_client.Client.Poll(Math.Max(1, timeoutMs) * 1000L > int.MaxValue ? int.MaxValue : Math.Max(1, timeoutMs) * 1000, SelectMode.SelectRead))
            return -1;
        int n = _stream.Read(_one, 0, 1);
        if (n == 0) throw new IOException($"{_endpoint} closed the connection");
        return _one[0] & 0x7F;
    }

    /// <inheritdoc />
    public string BusyHint =>
        "the virtual meter's optical port serves one client at a time and may be held by another client; "
        + "it drops a client that has been silent for 120 s (IEC 62056-21 inactivity time-out) and then serves the next one waiting: try again then";

    /// <inheritdoc />
    public void DiscardInput()
    {
        while (_client.Available > 0) _stream.ReadByte();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
