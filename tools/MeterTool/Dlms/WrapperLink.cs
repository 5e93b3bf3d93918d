namespace Meter.Tool.Dlms;

/// <summary>
/// The IEC 62056-47 wrapper client: each APDU goes with an 8-byte header (version 0x0001, source wPort = our client
/// SAP, destination wPort = the server's logical device, APDU length; big-endian). The answer must come back with
/// the wPorts swapped.
/// </summary>
public sealed class WrapperLink : IApduLink
{
    private readonly IDlmsByteStream _stream;
    private readonly int _client;
    private readonly int _server;
    private readonly int _timeoutMs;

    /// <summary>A link for client SAP <paramref name="client"/> to logical device <paramref name="server"/>.</summary>
    public WrapperLink(IDlmsByteStream stream, int client, int server, int timeoutMs)
    {
        _stream = stream;
        _client = client;
        _server = server;
        _timeoutMs = timeoutMs;
    }

    /// <inheritdoc />
    public Action<int>? BytesReceived { get; set; }

    /// <summary>The header for an APDU of <paramref name="length"/> bytes from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static byte[] Header(int source, int destination, int length) =>
        [0x00, 0x01, (byte)(source >> 8), (byte)source, (byte)(destination >> 8), (byte)destination, (byte)(length >> 8), (byte)length];

    /// <inheritdoc />
    public byte[] Exchange(byte[] apdu)
    {
        if (apdu.Length > 0xFFFF) throw new DlmsException($"wrapper: an APDU of {apdu.Length} bytes does not fit the 16-bit length");
        _stream.Write([.. Header(_client, _server, apdu.Length), .. apdu]);
        byte[] header = Read(8, "wrapper header");
        int version = (header[0] << 8) | header[1];
        int source = (header[2] << 8) | header[3], destination = (header[4] << 8) | header[5];
        int length = (header[6] << 8) | header[7];
        if (version != 1) throw new DlmsException($"wrapper: the answer has version {version}, not 1 (IEC 62056-47) — is this a DLMS wrapper port?");
        if (source != _server || destination != _client)
            throw new DlmsException($"wrapper: the answer goes from wPort {source} to {destination}, expected {_server} to {_client}");
        return Read(length, "wrapper APDU");
    }

    private byte[] Read(int count, string what)
    {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int b = _stream.ReadByte(_timeoutMs);
            if (b < 0) throw new DlmsException($"{what}: no answer from {_stream.Description} within {_timeoutMs} ms ({i} of {count} bytes came)");
            data[i] = (byte)b;
            if (count > 256 && (i & 0xFF) == 0) BytesReceived?.Invoke(i);
        }
        return data;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
