using System.Globalization;
using System.Text;

namespace Meter.Tool.Dlms;

/// <summary>One decoded A-XDR Data value: its tag and either a number, bytes, text or child values.</summary>
public sealed record AxdrValue(AxdrTag Tag, long Number = 0, byte[]? Bytes = null, IReadOnlyList<AxdrValue>? Items = null, double Real = 0)
{
    /// <summary>True for the integer tags (and enum, boolean).</summary>
    public bool IsInteger => Tag is AxdrTag.Boolean or AxdrTag.DoubleLong or AxdrTag.DoubleLongUnsigned or AxdrTag.Integer or AxdrTag.Long
        or AxdrTag.Unsigned or AxdrTag.LongUnsigned or AxdrTag.Long64 or AxdrTag.Long64Unsigned or AxdrTag.Enum or AxdrTag.Bcd;

    /// <summary>The children of an array or structure (empty for others).</summary>
    public IReadOnlyList<AxdrValue> Children => Items ?? [];

    /// <summary>The integer value; a clear error for another type.</summary>
    public long AsInteger(string what) =>
        IsInteger ? Number : throw new DlmsException($"{what}: expected an integer, the meter sent {Tag}");

    /// <summary>The bytes of an octet string; a clear error for another type.</summary>
    public byte[] AsOctets(string what) =>
        Tag == AxdrTag.OctetString ? Bytes! : throw new DlmsException($"{what}: expected an octet-string, the meter sent {Tag}");

    /// <summary>Readable text: numbers, strings, date-times (12-byte octet strings), hex for other octets, {…} and […] for structures and arrays.</summary>
    public override string ToString() => Tag switch
    {
        AxdrTag.NullData => "null",
        AxdrTag.Boolean => Number != 0 ? "true" : "false",
        AxdrTag.VisibleString or AxdrTag.Utf8String => Encoding.UTF8.GetString(Bytes!),
        AxdrTag.OctetString when CosemDateTime.TryDecode(Bytes!, out var dt) => dt.ToString(),
        AxdrTag.OctetString when Bytes!.Length == 6 => ObisCode.Format(Bytes!),
        AxdrTag.OctetString or AxdrTag.BitString or AxdrTag.Date or AxdrTag.Time or AxdrTag.DateTime => Convert.ToHexString(Bytes!),
        AxdrTag.Float32 or AxdrTag.Float64 => Real.ToString("R", CultureInfo.InvariantCulture),
        AxdrTag.Structure => "{" + string.Join(", ", Children) + "}",
        AxdrTag.Array => "[" + string.Join(", ", Children) + "]",
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };
}
