using System.Globalization;
using System.Text;

namespace Meter.Tool.Dlms;

/// <summary>
/// A value typed on the command line encoded as A-XDR Data of the same type as the attribute's current value (read
/// first): integers in their range, strings, date-times "yyyy-MM-dd HH:mm:ss" (deviation and status kept from the
/// current value), other octet-strings as text or "0x" hex.
/// </summary>
public static class DlmsValueText
{
    /// <summary>The encoded value.</summary>
    /// <exception cref="ArgumentException">The text does not fit the attribute's type (the message says which).</exception>
    public static byte[] Encode(AxdrValue current, string text)
    {
        var e = new AxdrEncoder();
        if (current.IsInteger && current.Tag != AxdrTag.Bcd)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
                throw new ArgumentException($"value \"{text}\": this attribute is {current.Tag}, give a whole number");
            return e.Integer(current.Tag, number).ToArray();
        }
        switch (current.Tag)
        {
            case AxdrTag.VisibleString:
                if (text.Any(c => c < 0x20 || c > 0x7E)) throw new ArgumentException($"value \"{text}\": a visible-string takes printable ASCII only");
                return e.VisibleString(text).ToArray();
            case AxdrTag.Utf8String:
                return e.Byte((int)AxdrTag.Utf8String).Length(Encoding.UTF8.GetByteCount(text)).Raw(Encoding.UTF8.GetBytes(text)).ToArray();
            case AxdrTag.OctetString when CosemDateTime.TryDecode(current.Bytes!, out var now):
                if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                    throw new ArgumentException($"value \"{text}\": this attribute is a date-time, give \"yyyy-MM-dd HH:mm:ss\" (the meter's local time)");
                return e.OctetString((now with { Local = t }).Encode()).ToArray();
            case AxdrTag.OctetString:
                return e.OctetString(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Hex(text) : Encoding.ASCII.GetBytes(text)).ToArray();
            default:
                throw new ArgumentException($"this attribute is {current.Tag}; MeterTool writes integers, strings and date-times only");
        }
    }

    private static byte[] Hex(string text)
    {
        try { return Convert.FromHexString(text[2..]); }
        catch (FormatException) { throw new ArgumentException($"value \"{text}\": not hex digits after 0x"); }
    }
}
