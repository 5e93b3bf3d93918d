namespace Meter.Hal.Ds3234
{
    /// <summary>Packed BCD as the DS3234 stores its time fields (tens in the high nibble).</summary>
    internal static class Bcd
    {
        /// <summary>Encodes 0–99 as packed BCD.</summary>
        public static byte Encode(int value)
        {
            return (byte)(((value / 10) << 4) | (value % 10));
        }

        /// <summary>Decodes packed BCD; returns -1 when a nibble is not a decimal digit.</summary>
        public static int Decode(int bcd)
        {
            int tens = (bcd >> 4) & 0x0F;
            int units = bcd & 0x0F;
            if (tens > 9 || units > 9)
            {
                return -1;
            }

            return tens * 10 + units;
        }
    }
}
