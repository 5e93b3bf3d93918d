using Meter.Dlms;

namespace Meter.Simulation.Dlms;

/// <summary>
/// The IEC 62056-47 wrapper on one TCP connection: each APDU (8-byte header: version 1, source wPort = the client SAP,
/// destination wPort = the server's logical device) goes to the meter's <see cref="IApduHandler"/>; the answer goes
/// back with the wPorts swapped. Decoding uses Meter.Dlms's <see cref="WrapperDecoder"/>; buffers are sized once.
/// </summary>
public sealed class WrapperStreamSession : IDlmsStreamSession
{
    private readonly IApduHandler _handler;
    private readonly Action<byte[], int, int> _send;
    private readonly int _logicalDevice;
    private readonly WrapperDecoder _decoder;
    private readonly byte[] _answer;

    /// <summary>A session for APDUs up to <paramref name="maxApduLength"/> bytes each way, addressed to <paramref name="logicalDevice"/>.</summary>
    public WrapperStreamSession(IApduHandler handler, Action<byte[], int, int> send, int logicalDevice = WrapperHeader.ManagementLogicalDevice, int maxApduLength = 2048)
    {
        _handler = handler;
        _send = send;
        _logicalDevice = logicalDevice;
        _decoder = new WrapperDecoder(maxApduLength);
        _answer = new byte[WrapperHeader.Length + maxApduLength];
    }

    /// <summary>APDUs dropped because they were addressed to another wPort than the logical device.</summary>
    public int MisaddressedApdus { get; private set; }

    /// <summary>Why the stream was refused (bad version, empty or too long APDU), after <see cref="Receive"/> returned false.</summary>
    public WrapperError LastError => _decoder.LastError;

    /// <inheritdoc />
    public bool Receive(byte[] buffer, int offset, int count, long nowMs)
    {
        for (int i = 0; i < count; i++)
        {
            WrapperDecodeStatus status = _decoder.Push(buffer[offset + i]);
            if (status == WrapperDecodeStatus.Failed) return false; // no way to find the next header again in a byte stream
            if (status == WrapperDecodeStatus.ApduReady) Answer();
        }
        return true;
    }

    /// <inheritdoc />
    public void Tick(long nowMs)
    {
    }

    private void Answer()
    {
        // IEC 62056-47: the destination wPort names the application process; this meter has logical device 1 only.
        if (_decoder.DestinationPort != _logicalDevice)
        {
            MisaddressedApdus++;
            return;
        }
        int length = _handler.HandleApdu(_decoder.SourcePort, _decoder.Apdu, 0, _decoder.ApduLength,
            _answer, WrapperHeader.Length, _answer.Length - WrapperHeader.Length);
        if (length <= 0) return;
        WrapperHeader.Write(_answer, 0, _logicalDevice, _decoder.SourcePort, length);
        _send(_answer, 0, WrapperHeader.Length + length);
    }
}
