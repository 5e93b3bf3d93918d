using System.Text;

namespace Meter.OpticalClient.Protocol;

/// <summary>
/// The identification message "/XXXZ Ident CR LF" a meter sends after the request
/// (IEC 62056-21:2002 §6.3.2, §6.3.14).
/// </summary>
/// <param name="ManufacturerId">Three-letter FLAG manufacturer ID, e.g. "KAM".</param>
/// <param name="BaudCharacter">The Z character (declares mode and highest rate).</param>
/// <param name="Mode">Mode A, B or C, from <paramref name="BaudCharacter"/>.</param>
/// <param name="MaximumBaud">Highest rate the meter offers (300 in mode A).</param>
/// <param name="Ident">Identification text as sent, enhanced "\W" pairs included.</param>
/// <param name="EnhancedCodes">The W characters of the "\W" pairs (e.g. '2' = mode E / HDLC available).</param>
public sealed record Identification(string ManufacturerId, char BaudCharacter, ProtocolMode Mode, int MaximumBaud,
    string Ident, IReadOnlyList<char> EnhancedCodes)
{
    /// <summary>Maximum identification length after Z (§6.3.2).</summary>
    public const int MaximumIdentLength = 16;

    /// <summary>
    /// Minimum reaction time the meter allows: 20 ms when the third manufacturer letter is
    /// lower case, else 200 ms (IEC 62056-21:2002 §6.3.2 note, §5.3).
    /// </summary>
    public int MinimumReactionTimeMs => char.IsLower(ManufacturerId[2]) ? 20 : 200;

    /// <summary>True when the meter advertises binary mode (HDLC, mode E) with "\2".</summary>
    public bool SupportsModeE => EnhancedCodes.Contains('2');

    /// <summary>
    /// Parses a whole identification message, completion characters included. Throws
    /// <see cref="MeterProtocolException"/> of kind <see cref="ProtocolErrorKind.MalformedIdentification"/>
    /// naming the first problem.
    /// </summary>
    public static Identification Parse(ReadOnlySpan<byte> message)
    {
        string text = Encoding.ASCII.GetString(message);
        static MeterProtocolException Bad(string why, string text) =>
            new(ProtocolErrorKind.MalformedIdentification, "identification",
                $"malformed identification {Printable.Of(text)}: {why}");

        if (text.Length < 7) throw Bad("shorter than \"/XXXZ\" + CR LF", text);
        if (text[0] != '/') throw Bad("does not start with '/'", text);
        if (!text.EndsWith("\r\n", StringComparison.Ordinal)) throw Bad("not ended by CR LF", text);
        string manufacturer = text.Substring(1, 3);
        foreach (char c in manufacturer)
            if (!char.IsAsciiLetter(c)) throw Bad($"manufacturer ID \"{manufacturer}\" is not three letters", text);
        char z = text[4];
        if (z < 0x21 || z > 0x7E || z == '/' || z == '!') throw Bad($"baud character '{Printable.Of(z.ToString())}' is not printable or is '/' or '!'", text);
        string ident = text[5..^2];
        if (ident.Length > MaximumIdentLength) throw Bad($"identification text is {ident.Length} characters, the standard allows {MaximumIdentLength}", text);
        var codes = new List<char>();
        for (int i = 0; i < ident.Length; i++)
        {
            char c = ident[i];
            if (c < 0x20 || c > 0x7E || c == '/' || c == '!') throw Bad($"identification text holds '{Printable.Of(c.ToString())}'", text);
            if (c == '\\')
            {
                // Enhanced identification "\W" (IEC 62056-21:2002 §6.3.2 items 23/24).
                if (i + 1 >= ident.Length) throw Bad("'\\' without its enhanced-identification character", text);
                codes.Add(ident[++i]);
            }
        }

        ProtocolMode mode;
        int maxBaud;
        if (z is >= '0' and <= '9')
        {
            mode = ProtocolMode.C;
            maxBaud = BaudRates.FromModeC(z) ?? throw Bad($"baud character '{z}' is reserved (mode C uses '0'..'6')", text);
        }
        else if (z is >= 'A' and <= 'I')
        {
            mode = ProtocolMode.B;
            maxBaud = BaudRates.FromModeB(z) ?? throw Bad($"baud character '{z}' is reserved (mode B uses 'A'..'F')", text);
        }
        else
        {
            mode = ProtocolMode.A;
            maxBaud = BaudRates.Initial;
        }
        return new Identification(manufacturer, z, mode, maxBaud, ident, codes);
    }
}
