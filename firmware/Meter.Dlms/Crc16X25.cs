namespace Meter.Dlms
{
    /// <summary>
    /// CRC-16/X.25, the HCS and FCS of HDLC frame type 3 (IEC 62056-46 / Green Book 8.4,
    /// ISO/IEC 13239): polynomial x^16 + x^12 + x^5 + 1 (0x1021, processed reflected as 0x8408),
    /// initial value 0xFFFF, final value inverted; sent least significant byte first.
    /// </summary>
    public static class Crc16X25
    {
        /// <summary>Register value after a correct FCS has been run through the CRC too (before the final inversion):
        /// the receiver's "good FCS" check of ISO/IEC 13239</summary>
        public const int GoodResidue = 0xF0B8;

        /// <summary>Initial register value.</summary>
        public const int Initial = 0xFFFF;

        private static readonly ushort[] Table = BuildTable();

        private static ushort[] BuildTable()
        {
            var table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                int crc = i;
                for (int bit = 0; bit < 8; bit++)
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
                table[i] = (ushort)crc;
            }
            return table;
        }

        /// <summary>Runs one byte through the register (no final inversion).</summary>
        public static int Update(int register, byte value) => (register >> 8) ^ Table[(register ^ value) & 0xFF];

        /// <summary>The check sequence of <paramref name="count"/> bytes (final inversion applied), as sent on the wire.</summary>
        public static int Compute(byte[] buffer, int offset, int count)
        {
            int register = Initial;
            for (int i = 0; i < count; i++) register = Update(register, buffer[offset + i]);
            return register ^ 0xFFFF;
        }

        /// <summary>Computes the check sequence of buffer[offset .. offset+count) and writes it after them, LSB first.</summary>
        /// <returns>The index after the two check bytes.</returns>
        public static int Append(byte[] buffer, int offset, int count)
        {
            int crc = Compute(buffer, offset, count);
            int at = offset + count;
            buffer[at] = (byte)(crc & 0xFF);
            buffer[at + 1] = (byte)(crc >> 8);
            return at + 2;
        }

        /// <summary>True when buffer[offset .. offset+count) ends with its own correct check sequence.</summary>
        public static bool Check(byte[] buffer, int offset, int count)
        {
            int register = Initial;
            for (int i = 0; i < count; i++) register = Update(register, buffer[offset + i]);
            return register == GoodResidue;
        }
    }
}
