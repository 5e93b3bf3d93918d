using System.Text;

namespace Meter.OpticalClient.Protocol;

/// <summary>Shows protocol bytes readably in error messages: control characters as &lt;STX&gt;, &lt;CR&gt; …</summary>
public static class Printable
{
    /// <summary>The bytes as text with control characters named.</summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in bytes) Append(sb, (char)b);
        return sb.Append('"').ToString();
    }

    /// <summary>The text with control characters named.</summary>
    public static string Of(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text) Append(sb, c);
        return sb.Append('"').ToString();
    }

    private static void Append(StringBuilder sb, char c)
    {
        switch (c)
        {
            case (char)ControlCharacters.Soh: sb.Append("<SOH>"); break;
            case (char)ControlCharacters.Stx: sb.Append("<STX>"); break;
            case (char)ControlCharacters.Etx: sb.Append("<ETX>"); break;
            case (char)ControlCharacters.Eot: sb.Append("<EOT>"); break;
            case (char)ControlCharacters.Ack: sb.Append("<ACK>"); break;
            case (char)ControlCharacters.Nak: sb.Append("<NAK>"); break;
            case '\r': sb.Append("<CR>"); break;
            case '\n': sb.Append("<LF>"); break;
            default:
                if (c < 0x20 || c > 0x7E) sb.Append($"<{(int)c:X2}>"); else sb.Append(c);
                break;
        }
    }
}
