namespace Meter.Storage
{
    /// <summary>
    /// CRC-32 as used by IEEE 802.3 and ISO-HDLC (reflected polynomial 0xEDB88320, initial value
    /// and final XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Protects every
    /// stored record: a torn write leaves a record whose CRC does not match.
    /// </summary>
    public static class Crc32
    {
        // Slicing-by-4/-by-8 (Kounavis & Berry, "A Systematic Approach to Building High Performance,
        // Software-based, CRC Generators", 2005): eight 256-entry tables in one array, entry
        // k × 256 + n = CRC of byte n followed by k zero bytes. Compute takes four bytes per loop
        // turn (tables 0–3), AppendInt64s eight (tables 0–7), with independent lookups instead of a
        // chain of dependent ones: on the host the ~500-byte register record (saved about once a
        // second) is CRC'd several times faster; on the device's interpreter the IL operations
        // per byte are about the same (8 KB of tables instead of 1 KB).
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

        /// <summary>The CRC register before the first byte (<see cref="AppendUInt32"/>, <see cref="Finish"/>).</summary>
        public const uint Seed = 0xFFFFFFFF;

        /// <summary>
        /// The CRC register <paramref name="register"/> after the four bytes of
        /// <paramref name="value"/>, least significant first (as <see cref="ByteCodec.WriteUInt32"/>
        /// stores it): CRC-32 of a record computed from its values instead of re-reading its bytes.
        /// </summary>
        public static uint AppendUInt32(uint register, uint value)
        {
            uint[] t = Table;
            uint c = register ^ value;
            return t[768 + (c & 0xFF)] ^ t[512 + ((c >> 8) & 0xFF)] ^ t[256 + ((c >> 16) & 0xFF)] ^ t[c >> 24];
        }

        /// <summary>
        /// The register after <paramref name="count"/> values of <paramref name="values"/> from
        /// <paramref name="offset"/>, eight bytes each, least significant first (as
        /// <see cref="ByteCodec.WriteInt64"/> stores them): slicing-by-8, eight lookups a value of
        /// which only the first four wait for the register (a host CPU overlaps the other four).
        /// </summary>
        public static uint AppendInt64s(uint register, long[] values, int offset, int count)
        {
            uint[] t = Table;
            uint crc = register;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                long value = values[i];
                uint low = crc ^ (uint)value;
                uint high = (uint)(value >> 32);
                crc = t[1792 + (low & 0xFF)] ^ t[1536 + ((low >> 8) & 0xFF)] ^ t[1280 + ((low >> 16) & 0xFF)] ^ t[1024 + (low >> 24)]
                    ^ t[768 + (high & 0xFF)] ^ t[512 + ((high >> 8) & 0xFF)] ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            }
            return crc;
        }

        /// <summary>
        /// The zero-shift operator for <paramref name="byteCount"/> bytes: what
        /// <paramref name="byteCount"/> zero bytes do to a register, as eight 16-entry tables, one
        /// per nibble (128 values). A CRC register is linear over GF(2) in its start value and its
        /// data (the seed and final XOR are outside it), so the register after A|B equals
        /// Shift(register after A, |B|) XOR (register after B from 0), the identity zlib's
        /// crc32_combine uses. <see cref="AppendInt64sTwoChains"/> uses it to run two halves of a
        /// record at once.
        /// </summary>
        public static uint[] ZeroShiftTable(int byteCount)
        {
            if (byteCount < 0)
            {
                throw new System.ArgumentException("byte count must not be negative");
            }
            uint[] t = Table;
            uint[] shift = new uint[128];
            for (int bit = 0; bit < 32; bit++)
            {
                uint c = 1u << bit;
                for (int n = 0; n < byteCount; n++)
                {
                    c = t[c & 0xFF] ^ (c >> 8);
                }
                // Linear: a nibble's entry is the XOR of its set bits' images.
                int nibble = bit >> 2;
                int weight = 1 << (bit & 3);
                for (int v = 0; v < 16; v++)
                {
                    if ((v & weight) != 0)
                    {
                        shift[nibble * 16 + v] ^= c;
                    }
                }
            }
            return shift;
        }

        /// <summary>The register <paramref name="register"/> after the zero bytes <paramref name="zeroShift"/> was made for (<see cref="ZeroShiftTable"/>).</summary>
        public static uint Shift(uint[] zeroShift, uint register)
        {
            return zeroShift[register & 0xF] ^ zeroShift[16 + ((register >> 4) & 0xF)]
                ^ zeroShift[32 + ((register >> 8) & 0xF)] ^ zeroShift[48 + ((register >> 12) & 0xF)]
                ^ zeroShift[64 + ((register >> 16) & 0xF)] ^ zeroShift[80 + ((register >> 20) & 0xF)]
                ^ zeroShift[96 + ((register >> 24) & 0xF)] ^ zeroShift[112 + (register >> 28)];
        }

        /// <summary>
        /// The same register as <see cref="AppendInt64s"/>, computed as two chains that a host CPU
        /// runs side by side: the first <c>count / 2</c> values from <paramref name="register"/>,
        /// the rest from 0, joined by <paramref name="secondHalfShift"/> =
        /// <see cref="ZeroShiftTable"/>(8 × (count − count / 2)), which the caller makes once for
        /// its fixed count. On the device's interpreter the work is the same as one chain plus
        /// eight lookups.
        /// </summary>
        public static uint AppendInt64sTwoChains(uint register, long[] values, int offset, int count, uint[] secondHalfShift)
        {
            uint[] t = Table;
            int half = count / 2;
            uint a = register;
            uint b = 0;
            int j = offset + half;
            int end = offset + half;
            for (int i = offset; i < end; i++, j++)
            {
                long va = values[i];
                long vb = values[j];
                uint lowA = a ^ (uint)va;
                uint highA = (uint)(va >> 32);
                uint lowB = b ^ (uint)vb;
                uint highB = (uint)(vb >> 32);
                a = t[1792 + (lowA & 0xFF)] ^ t[1536 + ((lowA >> 8) & 0xFF)] ^ t[1280 + ((lowA >> 16) & 0xFF)] ^ t[1024 + (lowA >> 24)]
                    ^ t[768 + (highA & 0xFF)] ^ t[512 + ((highA >> 8) & 0xFF)] ^ t[256 + ((highA >> 16) & 0xFF)] ^ t[highA >> 24];
                b = t[1792 + (lowB & 0xFF)] ^ t[1536 + ((lowB >> 8) & 0xFF)] ^ t[1280 + ((lowB >> 16) & 0xFF)] ^ t[1024 + (lowB >> 24)]
                    ^ t[768 + (highB & 0xFF)] ^ t[512 + ((highB >> 8) & 0xFF)] ^ t[256 + ((highB >> 16) & 0xFF)] ^ t[highB >> 24];
            }
            if ((count & 1) != 0)
            {
                b = AppendInt64s(b, values, offset + count - 1, 1);
            }
            return Shift(secondHalfShift, a) ^ b;
        }

        /// <summary>The CRC-32 of the bytes appended to <see cref="Seed"/> (final XOR).</summary>
        public static uint Finish(uint register)
        {
            return register ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[2048];
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
                for (int k = 1; k < 8; k++)
                {
                    uint previous = table[(k - 1) * 256 + n];
                    table[k * 256 + n] = (previous >> 8) ^ table[previous & 0xFF];
                }
            }
            return table;
        }
    }
}
