namespace Meter.Dlms
{
    /// <summary>
    /// HDLC address fields (IEC 62056-46 / Green Book 8.4): 7 address bits a byte, bit 0 the extension
    /// bit (0 = more bytes follow, 1 = last byte). The client address is one byte; the server address is one byte
    /// (upper HDLC address only), two bytes (upper, lower: 7 bits each) or four bytes (upper, lower: 14 bits each).
    /// The upper HDLC address selects the logical device, the lower one the physical device.
    /// </summary>
    public static class HdlcAddress
    {
        /// <summary>Most address bytes a field may have.</summary>
        public const int MaxSize = 4;

        /// <summary>Largest upper or lower address in a field of <paramref name="size"/> bytes; -1 for an invalid size.</summary>
        public static int MaxPart(int size) => size == 1 || size == 2 ? 0x7F : size == 4 ? 0x3FFF : -1;

        /// <summary>Number of address bytes needed for the given parts: 1 when there is no lower address (lower &lt; 0),
        /// 2 when both fit in 7 bits, otherwise 4.</summary>
        public static int SizeFor(int upper, int lower)
        {
            if (lower < 0) return upper <= 0x7F ? 1 : 4;
            return upper <= 0x7F && lower <= 0x7F ? 2 : 4;
        }

        /// <summary>Writes an address field of <paramref name="size"/> bytes (lower ignored when size is 1).</summary>
        /// <returns>The index after the field.</returns>
        public static int Write(byte[] buffer, int offset, int upper, int lower, int size)
        {
            int max = MaxPart(size);
            if (max < 0) throw new System.ArgumentOutOfRangeException(nameof(size), "HDLC address: 1, 2 or 4 bytes");
            if (upper < 0 || upper > max || (size > 1 && (lower < 0 || lower > max)))
                throw new System.ArgumentOutOfRangeException(nameof(upper), "HDLC address part too large for the field size");
            switch (size)
            {
                case 1:
                    buffer[offset] = (byte)((upper << 1) | 1);
                    return offset + 1;
                case 2:
                    buffer[offset] = (byte)(upper << 1);
                    buffer[offset + 1] = (byte)((lower << 1) | 1);
                    return offset + 2;
                default:
                    buffer[offset] = (byte)((upper >> 7) << 1);
                    buffer[offset + 1] = (byte)((upper & 0x7F) << 1);
                    buffer[offset + 2] = (byte)((lower >> 7) << 1);
                    buffer[offset + 3] = (byte)(((lower & 0x7F) << 1) | 1);
                    return offset + 4;
            }
        }

        /// <summary>Length of the address field starting at <paramref name="offset"/>: up to the byte with the extension
        /// bit set; 0 when none within <see cref="MaxSize"/> bytes (or before <paramref name="end"/>).</summary>
        public static int FieldLength(byte[] buffer, int offset, int end)
        {
            for (int i = 0; i < MaxSize && offset + i < end; i++)
                if ((buffer[offset + i] & 1) != 0) return i + 1;
            return 0;
        }

        /// <summary>Upper HDLC address of a field of 1, 2 or 4 bytes.</summary>
        public static int Upper(byte[] buffer, int offset, int size)
            => size == 4 ? ((buffer[offset] >> 1) << 7) | (buffer[offset + 1] >> 1) : buffer[offset] >> 1;

        /// <summary>Lower HDLC address of a field of 2 or 4 bytes; -1 for a one-byte field (no lower address).</summary>
        public static int Lower(byte[] buffer, int offset, int size)
        {
            if (size == 2) return buffer[offset + 1] >> 1;
            if (size == 4) return ((buffer[offset + 2] >> 1) << 7) | (buffer[offset + 3] >> 1);
            return -1;
        }
    }
}
