namespace Meter.Obis
{
    /// <summary>
    /// Integer to ASCII digits and back, written straight into byte buffers: the readout and
    /// programming paths build 7-bit frames without strings, formatting or floating point.
    /// </summary>
    public static class AsciiNumber
    {
        /// <summary>Writes <paramref name="value"/> (≥ 0) in decimal; returns the position after the last digit.</summary>
        public static int WriteUnsigned(long value, byte[] buffer, int position)
        {
            return WritePadded(value, 1, buffer, position);
        }

        /// <summary>
        /// Writes <paramref name="value"/> (≥ 0) in decimal with at least <paramref name="minDigits"/>
        /// digits (leading zeros); returns the position after the last digit.
        /// </summary>
        public static int WritePadded(long value, int minDigits, byte[] buffer, int position)
        {
            int digits = CountDigits(value);
            if (digits < minDigits) digits = minDigits;
            int p = position + digits;
            for (int i = p - 1; i >= position; i--)
            {
                buffer[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            return p;
        }

        /// <summary>Number of decimal digits of <paramref name="value"/> (≥ 0); 1 for zero.</summary>
        public static int CountDigits(long value)
        {
            int n = 1;
            while (value >= 10)
            {
                value /= 10;
                n++;
            }
            return n;
        }

        /// <summary>
        /// Parses exactly <paramref name="length"/> decimal digits into <paramref name="value"/>;
        /// false on an empty field, a non-digit or more than 18 digits (no overflow possible).
        /// </summary>
        public static bool TryParseDigits(byte[] text, int offset, int length, out long value)
        {
            value = 0;
            if (length <= 0 || length > 18) return false;
            for (int i = offset; i < offset + length; i++)
            {
                byte c = text[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        /// <summary>10 to the power <paramref name="exponent"/> (0..18).</summary>
        public static long PowerOfTen(int exponent)
        {
            long p = 1;
            for (int i = 0; i < exponent; i++) p *= 10;
            return p;
        }
    }
}
