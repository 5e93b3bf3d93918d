using System.Text;

namespace Meter.Tool.Dlms;

/// <summary>Encodes A-XDR Data (IEC 61334-6; Green Book "Data") for SET values, ACTION parameters and access selectors.</summary>
public sealed class AxdrEncoder
{
    private readonly List<byte> _bytes = [];

    /// <summary>What was written.</summary>
    public byte[] ToArray() => [.. _bytes];

    /// <summary>A raw byte (tags, APDU fields).</summary>
    public AxdrEncoder Byte(int value)
    {
        _bytes.Add((byte)value);
        return this;
    }

    /// <summary>Raw bytes.</summary>
    public AxdrEncoder Raw(IEnumerable<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>An A-XDR length: short form below 128, else 0x82 and two bytes (or 0x84 and four).</summary>
    public AxdrEncoder Length(int length)
    {
        if (length < 0x80) return Byte(length);
        if (length <= 0xFFFF) return Byte(0x82).Byte(length >> 8).Byte(length);
        return Byte(0x84).Byte(length >> 24).Byte(length >> 16).Byte(length >> 8).Byte(length);
    }

    /// <summary>A big-endian integer of <paramref name="size"/> bytes.</summary>
    public AxdrEncoder BigEndian(long value, int size)
    {
        for (int i = size - 1; i >= 0; i--) Byte((int)(value >> (8 * i)));
        return this;
    }

    /// <summary>structure with <paramref name="count"/> elements (the elements follow).</summary>
    public AxdrEncoder Structure(int count) => Byte((int)AxdrTag.Structure).Length(count);

    /// <summary>array with <paramref name="count"/> elements (the elements follow).</summary>
    public AxdrEncoder Array(int count) => Byte((int)AxdrTag.Array).Length(count);

    /// <summary>octet-string.</summary>
    public AxdrEncoder OctetString(byte[] value) => Byte((int)AxdrTag.OctetString).Length(value.Length).Raw(value);

    /// <summary>visible-string.</summary>
    public AxdrEncoder VisibleString(string value) => Byte((int)AxdrTag.VisibleString).Length(Encoding.ASCII.GetByteCount(value)).Raw(Encoding.ASCII.GetBytes(value));

    /// <summary>An integer type with its tag, checked against the type's range.</summary>
    public AxdrEncoder Integer(AxdrTag tag, long value)
    {
        (long min, long max, int size) = tag switch
        {
            AxdrTag.Boolean => (0L, 1L, 1),
            AxdrTag.Integer => (sbyte.MinValue, sbyte.MaxValue, 1),
            AxdrTag.Unsigned or AxdrTag.Enum => (0, byte.MaxValue, 1),
            AxdrTag.Long => (short.MinValue, short.MaxValue, 2),
            AxdrTag.LongUnsigned => (0, ushort.MaxValue, 2),
            AxdrTag.DoubleLong => (int.MinValue, int.MaxValue, 4),
            AxdrTag.DoubleLongUnsigned => (0, uint.MaxValue, 4),
            AxdrTag.Long64 => (long.MinValue, long.MaxValue, 8),
            AxdrTag.Long64Unsigned => (0, long.MaxValue, 8),
            _ => throw new ArgumentException($"{tag} is not an integer type"),
        };
        if (value < min || value > max) throw new ArgumentException($"{value} is outside {tag} ({min}..{max})");
        return Byte((int)tag).BigEndian(value, size);
    }
}
