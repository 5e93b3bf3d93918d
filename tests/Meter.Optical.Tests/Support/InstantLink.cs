using Meter.Hal;

namespace Meter.Optical.Tests.Support;

/// <summary>
/// A serial link without timing (every character arrives and leaves at once), for the fuzz
/// test: millions of frames in seconds. Conformance tests use the timed VirtualSerialPair.
/// </summary>
public sealed class InstantLink : ISerialLink, ISerialLineTime
{
    private readonly Queue<byte> _in = new();

    public List<byte> Output { get; } = new();

    public int BaudRate { get; set; } = 300;

    public int BytesToRead => _in.Count;

    public int BytesToWrite => 0;

    public bool CharactersTakeLineTime => false;

    public void Inject(byte[] bytes)
    {
        foreach (var b in bytes) _in.Enqueue(b);
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _in.Count > 0) buffer[offset + n++] = _in.Dequeue();
        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++) Output.Add(buffer[offset + i]);
    }

    public void DiscardInBuffer() => _in.Clear();
}
