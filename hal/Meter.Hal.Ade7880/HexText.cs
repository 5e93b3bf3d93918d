namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Formats numbers as "0x…" hex text for exception messages without String.Format, which
    /// nanoFramework implements only in part. Used off the hot path (errors only).
    /// </summary>
    internal static class HexText
    {
        /// <summary>Returns <paramref name="value"/> as "0x" followed by <paramref name="digits"/> upper-case hex digits.</summary>
        public static string Format(uint value, int digits)
        {
            char[] text = new char[digits + 2];
            text[0] = '0';
            text[1] = 'x';
            for (int i = digits - 1; i >= 0; i--)
            {
                int nibble = (int)(value & 0xF);
                text[2 + i] = (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
                value >>= 4;
            }
            return new string(text);
        }
    }
}
