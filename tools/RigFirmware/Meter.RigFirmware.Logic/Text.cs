namespace Meter.RigFirmware
{
    /// <summary>
    /// The few string operations the rig logic needs, written with what nanoFramework's mscorlib is known to have
    /// (tools/nano-api.txt: Length, the indexer, Substring(start, length), Concat, new string(char[]), Int32.ToString).
    /// </summary>
    public static class Text
    {
        /// <summary>True when <paramref name="s"/> begins with <paramref name="prefix"/>.</summary>
        public static bool Begins(string s, string prefix)
        {
            if (s.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != prefix[i]) return false;
            return true;
        }

        /// <summary>The rest of <paramref name="s"/> from <paramref name="start"/>.</summary>
        public static string From(string s, int start)
        {
            return s.Substring(start, s.Length - start);
        }

        /// <summary>Index of the first <paramref name="c"/> in <paramref name="s"/>, or −1.</summary>
        public static int Find(string s, char c)
        {
            for (int i = 0; i < s.Length; i++)
                if (s[i] == c) return i;
            return -1;
        }

        /// <summary>Decimal digits of a non-negative <paramref name="value"/>, at least <paramref name="width"/> of them (leading zeros).</summary>
        public static string Digits(long value, int width)
        {
            int n = 1;
            for (long v = value / 10; v > 0; v /= 10) n++;
            if (n < width) n = width;
            char[] chars = new char[n];
            for (int i = n - 1; i >= 0; i--)
            {
                chars[i] = (char)('0' + (int)(value % 10));
                value /= 10;
            }
            return new string(chars);
        }
    }
}
