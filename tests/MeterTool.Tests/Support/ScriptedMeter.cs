using System.Text;
using Meter.OpticalClient.Transport;

namespace MeterTool.Tests.Support;

/// <summary>
/// An in-memory transport playing a scripted meter: each step expects exactly the bytes the
/// client must send, then queues the meter's answer. A read with nothing queued is a timeout
/// (returned at once, so timeout tests take no time). Baud changes and pauses are recorded.
/// </summary>
public sealed class ScriptedMeter : IOpticalTransport
{
    private readonly Queue<(byte[] Expect, byte[] Reply)> _steps = new();
    private readonly Queue<byte> _toClient = new();
    private readonly List<byte> _pending = new();

    /// <summary>Every byte the client wrote.</summary>
    public List<byte> Written { get; } = new();
    /// <summary>Baud rates set, in order, with the count of bytes written before each.</summary>
    public List<(int Baud, int AfterBytesWritten)> BaudChanges { get; } = new();
    /// <summary>Read timeouts the client asked for, in order.</summary>
    public List<int> ReadTimeouts { get; } = new();

    /// <summary>Bytes the meter sends spontaneously (before any request).</summary>
    public ScriptedMeter Sends(byte[] bytes)
    {
        foreach (var b in bytes) _toClient.Enqueue(b);
        return this;
    }

    /// <summary>Adds a step: the client must send <paramref name="expect"/>; the meter answers <paramref name="reply"/>.</summary>
    public ScriptedMeter On(byte[] expect, byte[] reply)
    {
        _steps.Enqueue((expect, reply));
        return this;
    }

    /// <summary>True when every step has been played.</summary>
    public bool Finished => _steps.Count == 0 && _pending.Count == 0;

    public string Description => "scripted meter";
    public int BaudRate { get; private set; } = 300;

    public void SetBaudRate(int baud)
    {
        BaudRate = baud;
        BaudChanges.Add((baud, Written.Count));
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Written.AddRange(bytes.ToArray());
        _pending.AddRange(bytes.ToArray());
        while (_steps.Count > 0 && _pending.Count >= _steps.Peek().Expect.Length)
        {
            var (expect, reply) = _steps.Dequeue();
            var got = _pending.GetRange(0, expect.Length).ToArray();
            if (!got.SequenceEqual(expect))
                throw new InvalidOperationException($"scripted meter expected {Show(expect)} but the client sent {Show(got)}");
            _pending.RemoveRange(0, expect.Length);
            foreach (var b in reply) _toClient.Enqueue(b);
        }
        if (_steps.Count == 0 && _pending.Count > 0)
            throw new InvalidOperationException($"scripted meter: unexpected bytes {Show(_pending.ToArray())}");
    }

    public int ReadByte(int timeoutMs)
    {
        ReadTimeouts.Add(timeoutMs);
        return _toClient.Count > 0 ? _toClient.Dequeue() : -1;
    }

    public void DiscardInput() { }

    public void Dispose() { }

    /// <summary>ASCII bytes of <paramref name="s"/>.</summary>
    public static byte[] A(string s) => Encoding.ASCII.GetBytes(s);

    /// <summary>"STX text ETX BCC" with the BCC computed here (XOR after STX through ETX).</summary>
    public static byte[] DataMessage(string text) => Framed([0x02], text, 0x03);

    /// <summary>Concatenation.</summary>
    public static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Framed(byte[] start, string text, byte end)
    {
        var body = Cat(A(text), [end]);
        byte bcc = 0;
        foreach (var b in body) bcc ^= b;
        return Cat(start, body, [bcc]);
    }

    private static string Show(byte[] b) => Meter.OpticalClient.Protocol.Printable.Of(b);
}
