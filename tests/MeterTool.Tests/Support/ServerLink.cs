using Meter.Hal;
using Meter.Optical;
using Meter.OpticalClient.Transport;

namespace MeterTool.Tests.Support;

/// <summary>
/// Connects MeterTool's client to the firmware's <see cref="OpticalServer"/> in one process,
/// in virtual time: the client's reads and pauses advance a millisecond clock and poll the
/// server; characters are instant. A character is only delivered when both sides run at the
/// same baud rate (a real line would garble it), so baud switching is checked too.
/// </summary>
public sealed class ServerLink : IOpticalTransport, ISerialLink, ISerialLineTime
{
    private readonly Queue<byte> _toServer = new();
    private readonly Queue<(byte Value, int Baud)> _toClient = new();
    private int _clientBaud = 300;

    /// <summary>The server under test (set after construction: it needs this link).</summary>
    public OpticalServer? Server { get; set; }

    /// <summary>Every byte the client sent, in order.</summary>
    public List<byte> ClientBytes { get; } = new();

    /// <summary>Virtual time, ms.</summary>
    public long NowMs { get; private set; }

    /// <summary>Pause primitive for the client's <c>ClientTimings.Sleep</c>: advances virtual time.</summary>
    public void Sleep(int ms)
    {
        for (int i = 0; i < ms; i++) Tick();
    }

    private void Tick()
    {
        NowMs++;
        Server!.Poll(NowMs);
    }

    // ---- client side ----
    string IOpticalTransport.Description => "in-process optical server";
    int IOpticalTransport.BaudRate => _clientBaud;
    void IOpticalTransport.SetBaudRate(int baud) => _clientBaud = baud;

    void IOpticalTransport.Write(ReadOnlySpan<byte> bytes)
    {
        // The server reads at its own rate: a mismatch would garble the characters.
        foreach (var b in bytes)
            if (_clientBaud == ServerBaud) { _toServer.Enqueue(b); ClientBytes.Add(b); }
            else throw new InvalidOperationException($"client sends at {_clientBaud} Bd while the meter listens at {ServerBaud} Bd");
        Server!.Poll(NowMs);
    }

    int IOpticalTransport.ReadByte(int timeoutMs)
    {
        for (int waited = 0; ; waited++)
        {
            if (_toClient.Count > 0)
            {
                var (value, baud) = _toClient.Dequeue();
                if (baud != _clientBaud)
                    throw new InvalidOperationException($"meter sent at {baud} Bd while the client listens at {_clientBaud} Bd");
                return value;
            }
            if (waited >= timeoutMs) return -1;
            Tick();
        }
    }

    void IOpticalTransport.DiscardInput() => _toClient.Clear();

    void IDisposable.Dispose() { }

    // ---- meter side ----
    private int ServerBaud { get; set; } = 300;
    int ISerialLink.BaudRate { get => ServerBaud; set => ServerBaud = value; }
    int ISerialLink.BytesToRead => _toServer.Count;
    int ISerialLink.BytesToWrite => 0;
    bool ISerialLineTime.CharactersTakeLineTime => false; // characters are instant: only the 20 ms echo guard

    int ISerialLink.Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _toServer.Count > 0) buffer[offset + n++] = _toServer.Dequeue();
        return n;
    }

    void ISerialLink.Write(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++) _toClient.Enqueue((buffer[offset + i], ServerBaud));
    }

    void ISerialLink.DiscardInBuffer() => _toServer.Clear();
}
