using System.Globalization;

namespace Meter.Tool.Dlms;

/// <summary>
/// COSEM logical names (IEC 62056-61 OBIS: six value groups A-B:C.D.E.F): parsed from "1-0:1.8.0.255",
/// "1-0:1.8.0*255", "1-0:1.8.0" or "1.8.0" (missing A and B → 1-0 for C groups 1..99 (electricity), 0-0 for the
/// abstract C codes 0, 96, 97, 98, and F → 255).
/// </summary>
public static class ObisCode
{
    /// <summary>The six bytes of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Not an OBIS code (the message quotes it).</exception>
    public static byte[] Parse(string text)
    {
        string rest = text.Trim();
        string? a = null, b = null;
        int colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            string[] ab = rest[..colon].Split('-');
            if (ab.Length != 2) throw Bad(text);
            (a, b) = (ab[0], ab[1]);
            rest = rest[(colon + 1)..];
        }
        string[] groups = rest.Replace('*', '.').Split('.');
        if (groups.Length is < 3 or > 4) throw Bad(text);
        int c = Group(groups[0], text);
        byte[] code = new byte[6];
        bool abstractCode = c is 0 or 96 or 97 or 98;
        code[0] = (byte)(a != null ? Group(a, text) : abstractCode ? 0 : 1);
        code[1] = (byte)(b != null ? Group(b, text) : 0);
        code[2] = (byte)c;
        code[3] = (byte)Group(groups[1], text);
        code[4] = (byte)Group(groups[2], text);
        code[5] = (byte)(groups.Length == 4 ? Group(groups[3], text) : 255);
        return code;
    }

    /// <summary>"A-B:C.D.E.F".</summary>
    public static string Format(byte[] code) =>
        code.Length == 6 ? $"{code[0]}-{code[1]}:{code[2]}.{code[3]}.{code[4]}.{code[5]}" : Convert.ToHexString(code);

    private static int Group(string text, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v <= 255 ? v : throw Bad(whole);

    private static ArgumentException Bad(string text) =>
        new($"\"{text}\" is not an OBIS code: give A-B:C.D.E[.F], e.g. 1-0:1.8.0 or 0-0:96.1.0.255 (each group 0..255)");
}
