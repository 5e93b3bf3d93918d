namespace Meter.Storage
{
    /// <summary>
    /// CRC-32 as used by IEEE 802.3 and ISO-HDLC (reflected polynomial 0xEDB88320, initial value
    /// and final XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Protects every
    /// stored record: a torn write leaves a record whose CRC does not match.
    /// </summary>
    public static class Crc32
    {
        // Slicing-by-4 (Kounavis & Berry, "A Systematic Approach to Building High Performance,
        // Software-based, CRC Generators", 2005): four 256-entry tables in one array, entry
        // k × 256 + n = CRC of byte n followed by k zero bytes. Four bytes per loop turn with
        // four independent lookups instead of a chain of four dependent ones: on the host the
        // ~500-byte register record (saved about once a second) is CRC'd ~3× faster; on the
        // device's interpreter the IL operations per byte are about the same (1 KB → 4 KB table).
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint[] t = Table;
            uint crc = 0xFFFFFFFF;
            int i = offset;
            int end = offset + count;
            int end4 = offset + (count & ~3);
            while (i < end4)
            {
                crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
                crc = t[768 + (crc & 0xFF)] ^ t[512 + ((crc >> 8) & 0xFF)] ^ t[256 + ((crc >> 16) & 0xFF)] ^ t[crc >> 24];
                i += 4;
            }
            while (i < end)
            {
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
                i++;
            }
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[1024];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            for (int n = 0; n < 256; n++)
            {
                for (int k = 1; k < 4; k++)
                {
                    uint previous = table[(k - 1) * 256 + n];
                    table[k * 256 + n] = (previous >> 8) ^ table[previous & 0xFF];
                }
            }
            return table;
        }
    }
}
