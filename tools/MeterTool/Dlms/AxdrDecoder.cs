using System.Buffers.Binary;

namespace Meter.Tool.Dlms;

/// <summary>
/// Decodes A-XDR Data (IEC 61334-6 A-XDR; Green Book xDLMS "Data"): lengths in the short form (&lt; 128) or the long
/// form (0x81..0x84 then that many length bytes), big-endian integers, bit-strings by bit count. Every read is checked
/// against the input: a truncated or malformed answer is a <see cref="DlmsException"/> naming the offset.
/// </summary>
public sealed class AxdrDecoder
{
    private const int MaxDepth = 16;
    private readonly byte[] _data;
    private readonly int _end;

    /// <summary>A decoder over <paramref name="data"/>[<paramref name="offset"/>..<paramref name="offset"/>+<paramref name="count"/>).</summary>
    public AxdrDecoder(byte[] data, int offset = 0, int count = -1)
    {
        _data = data;
        Position = offset;
        _end = count < 0 ? data.Length : offset + count;
    }

    /// <summary>Index of the next byte.</summary>
    public int Position { get; private set; }

    /// <summary>Bytes left.</summary>
    public int Remaining => _end - Position;

    /// <summary>Decodes one Data value.</summary>
    public AxdrValue Read() => Read(0);

    /// <summary>One byte.</summary>
    public byte Byte()
    {
        Need(1);
        return _data[Position++];
    }

    /// <summary><paramref name="count"/> bytes.</summary>
    public byte[] Bytes(int count)
    {
        Need(count);
        byte[] result = _data.AsSpan(Position, count).ToArray();
        Position += count;
        return result;
    }

    /// <summary>An A-XDR length (short or long form).</summary>
    public int Length()
    {
        int first = Byte();
        if (first < 0x80) return first;
        int n = first & 0x7F;
        if (n is 0 or > 4) throw new DlmsException($"A-XDR: length form 0x{first:X2} at offset {Position - 1} is not allowed");
        long value = 0;
        for (int i = 0; i < n; i++) value = (value << 8) | Byte();
        if (value > int.MaxValue) throw new DlmsException($"A-XDR: length {value} at offset {Position - n - 1} is too large");
        return (int)value;
    }

    /// <summary>A big-endian unsigned integer of <paramref name="size"/> bytes.</summary>
    public long Unsigned(int size)
    {
        Need(size);
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | _data[Position++];
        return value;
    }

    private AxdrValue Read(int depth)
    {
        if (depth > MaxDepth) throw new DlmsException($"A-XDR: nesting deeper than {MaxDepth} at offset {Position}");
        int at = Position;
        var tag = (AxdrTag)Byte();
        switch (tag)
        {
            case AxdrTag.NullData: return new AxdrValue(tag);
            case AxdrTag.Array:
            case AxdrTag.Structure:
            {
                int count = Length();
                if (count > Remaining) throw new DlmsException($"A-XDR: {tag} of {count} elements at offset {at} is longer than the answer");
                var items = new List<AxdrValue>(count);
                for (int i = 0; i < count; i++) items.Add(Read(depth + 1));
                return new AxdrValue(tag, count, Items: items);
            }
            case AxdrTag.Boolean: case AxdrTag.Unsigned: case AxdrTag.Enum: case AxdrTag.Bcd: return new AxdrValue(tag, Unsigned(1));
            case AxdrTag.Integer: return new AxdrValue(tag, (sbyte)Unsigned(1));
            case AxdrTag.Long: return new AxdrValue(tag, (short)Unsigned(2));
            case AxdrTag.LongUnsigned: return new AxdrValue(tag, Unsigned(2));
            case AxdrTag.DoubleLong: return new AxdrValue(tag, (int)Unsigned(4));
            case AxdrTag.DoubleLongUnsigned: return new AxdrValue(tag, Unsigned(4));
            case AxdrTag.Long64: case AxdrTag.Long64Unsigned:
            {
                Need(8);
                long value = BinaryPrimitives.ReadInt64BigEndian(_data.AsSpan(Position, 8));
                Position += 8;
                return new AxdrValue(tag, value);
            }
            case AxdrTag.Float32: return new AxdrValue(tag, Real: BitConverter.Int32BitsToSingle((int)Unsigned(4)));
            case AxdrTag.Float64: return new AxdrValue(tag, Real: BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Bytes(8))));
            case AxdrTag.OctetString: case AxdrTag.VisibleString: case AxdrTag.Utf8String: return new AxdrValue(tag, Bytes: Bytes(Length()));
            case AxdrTag.BitString: return new AxdrValue(tag, Bytes: Bytes((Length() + 7) / 8));
            case AxdrTag.DateTime: return new AxdrValue(tag, Bytes: Bytes(12));
            case AxdrTag.Date: return new AxdrValue(tag, Bytes: Bytes(5));
            case AxdrTag.Time: return new AxdrValue(tag, Bytes: Bytes(4));
            default: throw new DlmsException($"A-XDR: unknown or unsupported type tag {(int)tag} at offset {at}");
        }
    }

    private void Need(int count)
    {
        if (count < 0 || Position + count > _end)
            throw new DlmsException($"A-XDR: the answer ends at offset {_end}, {count} more bytes were expected at offset {Position}");
    }
}
