namespace Meter.Hal.Simulation.Serial;

/// <summary>
/// One end of a <see cref="VirtualSerialPair"/>: an <see cref="ISerialLink"/> whose characters
/// take exactly 10 bit times (start + 7 data + parity + stop, IEC 62056-21 7E1) at the end's
/// current baud rate, in the pair's virtual time. In <see cref="SerialCharacterFormat.EightNoneOne"/> (start + 8 data
/// + stop, also 10 bits) 8-bit bytes travel; a 7E1 end keeps only 7 bits of what it sends or receives.
/// </summary>
public sealed class VirtualSerialEnd : ISerialLink, ISerialCharacterFormat
{
    private readonly VirtualSerialPair _pair;
    private readonly Queue<byte> _received = new();
    private readonly Queue<SerialCharacter> _inFlight = new();
    private int _baudRate;
    private long _lineFreeAtNs;

    internal VirtualSerialEnd(VirtualSerialPair pair, string name, int baudRate)
    {
        _pair = pair;
        Name = name;
        _baudRate = baudRate;
    }

    /// <summary>The end's name in the transcript ("meter" or "probe").</summary>
    public string Name { get; }

    /// <summary>The other end of the pair.</summary>
    public VirtualSerialEnd Peer { get; internal set; } = null!;

    /// <summary>Characters dropped on reception because they were sent at another baud rate.</summary>
    public int FramingErrors { get; private set; }

    /// <summary>Every baud-rate change of this end: (virtual time in ns, new rate).</summary>
    public List<(long AtNs, int Baud)> BaudChanges { get; } = new();

    /// <inheritdoc />
    public SerialCharacterFormat CharacterFormat { get; set; }

    private byte Mask => CharacterFormat == SerialCharacterFormat.EightNoneOne ? (byte)0xFF : (byte)0x7F;

    /// <inheritdoc />
    public int BaudRate
    {
        get => _baudRate;
        set
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, "baud rate must be positive");
            _pair.Pump();
            if (BytesToWrite > 0)
                throw new InvalidOperationException(
                    $"{Name}: baud rate changed to {value} while {BytesToWrite} characters are still being sent at {_baudRate}");
            _baudRate = value;
            BaudChanges.Add((_pair.NowNs, value));
        }
    }

    /// <inheritdoc />
    public int BytesToRead
    {
        get { _pair.Pump(); return _received.Count; }
    }

    /// <inheritdoc />
    public int BytesToWrite
    {
        get { _pair.Pump(); return _inFlight.Count; }
    }

    /// <summary>Virtual time (ns) at which the last queued character's stop bit ends.</summary>
    public long LineFreeAtNs => Math.Max(_lineFreeAtNs, _pair.NowNs);

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset + count > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), "offset/count outside the buffer");
        _pair.Pump();
        int n = 0;
        while (n < count && _received.Count > 0) buffer[offset + n++] = _received.Dequeue();
        return n;
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset + count > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count), "offset/count outside the buffer");
        _pair.Pump();
        long characterNs = VirtualSerialPair.CharacterDurationNs(_baudRate);
        for (int i = 0; i < count; i++)
        {
            long start = Math.Max(_lineFreeAtNs, _pair.NowNs);
            long end = start + characterNs;
            _lineFreeAtNs = end;
            // 7 data bits: an eighth bit cannot travel in a 7E1 character.
            _inFlight.Enqueue(new SerialCharacter(Name, (byte)(buffer[offset + i] & Mask), start, end, _baudRate, false));
        }
    }

    /// <summary>Writes ASCII text (convenience for tests and tools).</summary>
    public void Write(string ascii)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(ascii);
        Write(bytes, 0, bytes.Length);
    }

    /// <summary>Reads everything received so far.</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[BytesToRead];
        Read(bytes, 0, bytes.Length);
        return bytes;
    }

    /// <inheritdoc />
    public void DiscardInBuffer()
    {
        _pair.Pump();
        _received.Clear();
    }

    /// <summary>Earliest end time of a character in flight, or long.MaxValue.</summary>
    internal long NextArrivalNs => _inFlight.Count > 0 ? _inFlight.Peek().EndNs : long.MaxValue;

    /// <summary>Moves every character whose stop bit has ended by <paramref name="nowNs"/> to the peer.</summary>
    internal void DeliverDue(long nowNs)
    {
        while (_inFlight.Count > 0 && _inFlight.Peek().EndNs <= nowNs)
        {
            var c = _inFlight.Dequeue();
            bool sameRate = Peer._baudRate == c.Baud;
            if (sameRate) Peer._received.Enqueue((byte)(c.Value & Peer.Mask));
            else Peer.FramingErrors++;
            _pair.Record(c with { Delivered = sameRate });
        }
    }
}
