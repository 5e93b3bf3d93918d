namespace Meter.Storage
{
    /// <summary>
    /// Little-endian fixed-width integers and unsigned LEB128 variable-length integers in byte
    /// buffers. No allocation; the caller owns the buffers.
    /// </summary>
    public static class ByteCodec
    {
        /// <summary>Largest number of bytes an unsigned LEB128 64-bit value takes (ceil(64 / 7)).</summary>
        public const int MaxVarIntBytes = 10;

        /// <summary>Stores <paramref name="value"/> as 4 bytes, least significant first.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads 4 bytes, least significant first.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        /// <summary>Stores <paramref name="value"/> as 8 bytes, least significant first.</summary>
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteUInt32(buffer, offset, (uint)value);
            WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Reads 8 bytes, least significant first.</summary>
        public static long ReadInt64(byte[] buffer, int offset)
        {
            return (long)ReadUInt32(buffer, offset) | ((long)ReadUInt32(buffer, offset + 4) << 32);
        }

        /// <summary>
        /// Writes a non-negative <paramref name="value"/> as unsigned LEB128 (7 bits a byte, low
        /// group first, high bit set on every byte but the last). Returns the offset after it.
        /// </summary>
        public static int WriteVarUInt(byte[] buffer, int offset, long value)
        {
            if (value < 0)
            {
                throw new System.ArgumentException("a variable-length integer must not be negative");
            }
            while (value >= 0x80)
            {
                buffer[offset++] = (byte)(value | 0x80);
                value >>= 7;
            }
            buffer[offset++] = (byte)value;
            return offset;
        }

        /// <summary>Number of bytes <see cref="WriteVarUInt"/> uses for <paramref name="value"/>.</summary>
        public static int VarUIntLength(long value)
        {
            int n = 1;
            while (value >= 0x80)
            {
                value >>= 7;
                n++;
            }
            return n;
        }

        /// <summary>
        /// Reads an unsigned LEB128 value at <paramref name="offset"/>, not reading at or past
        /// <paramref name="end"/>. Returns the offset after it, or -1 if the encoding is truncated
        /// or longer than 63 bits (corrupt data).
        /// </summary>
        public static int ReadVarUInt(byte[] buffer, int offset, int end, out long value)
        {
            value = 0;
            int shift = 0;
            while (offset < end)
            {
                byte b = buffer[offset++];
                if (shift == 63 && b > 0)
                {
                    return -1;
                }
                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return offset;
                }
                shift += 7;
                if (shift > 63)
                {
                    return -1;
                }
            }
            return -1;
        }

        /// <summary>
        /// Writes a signed <paramref name="value"/> as zigzag LEB128 (0, −1, 1, −2 … → 0, 1, 2, 3 …: small magnitudes
        /// of either sign take few bytes). Returns the offset after it.
        /// </summary>
        public static int WriteVarInt(byte[] buffer, int offset, long value)
        {
            long zigzag = (value << 1) ^ (value >> 63);
            // Unsigned LEB128 of the zigzag bits (the top bit may be set for |value| ≥ 2^62: written as 10 bytes).
            ulong bits = (ulong)zigzag;
            while (bits >= 0x80)
            {
                buffer[offset++] = (byte)(bits | 0x80);
                bits >>= 7;
            }
            buffer[offset++] = (byte)bits;
            return offset;
        }

        /// <summary>Reads a zigzag LEB128 value written by <see cref="WriteVarInt"/>; the offset after it, or −1 when truncated or too long.</summary>
        public static int ReadVarInt(byte[] buffer, int offset, int end, out long value)
        {
            value = 0;
            ulong bits = 0;
            for (int shift = 0; shift < 70 && offset < end; shift += 7)
            {
                byte b = buffer[offset++];
                if (shift == 63 && b > 1)
                {
                    return -1;
                }
                bits |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    value = (long)(bits >> 1) ^ -(long)(bits & 1);
                    return offset;
                }
            }
            return -1;
        }
    }
}
