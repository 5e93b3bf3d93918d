namespace Meter.Dlms
{
    /// <summary>
    /// Writes A-XDR encoded Data (IEC 61334-6 A-XDR as used by IEC 62056-5-3 / Green Book xDLMS) into a caller's
    /// buffer region. Writing past the region's capacity writes nothing more and sets <see cref="Overflow"/> (checked
    /// once at the end), so a long value can be detected and refused without exceptions. Reused for every request.
    /// </summary>
    public sealed class AxdrWriter
    {
        private byte[] _buffer = new byte[0];
        private int _start, _position, _limit;

        /// <summary>Writes into <paramref name="buffer"/> from <paramref name="offset"/>, at most
        /// <paramref name="capacity"/> bytes; clears <see cref="Overflow"/>.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _limit = offset + capacity;
            Overflow = false;
        }

        /// <summary>A value did not fit: the output is incomplete.</summary>
        public bool Overflow { get; private set; }
        /// <summary>The buffer written to.</summary>
        public byte[] Buffer => _buffer;
        /// <summary>Index of the next byte.</summary>
        public int Position => _position;
        /// <summary>Bytes written since <see cref="Reset"/>.</summary>
        public int Length => _position - _start;

        /// <summary>Bytes still free.</summary>
        public int Remaining => _limit - _position;

        /// <summary>Goes back to <paramref name="position"/> (a value that did not fit is dropped) and clears
        /// <see cref="Overflow"/>.</summary>
        public void Rewind(int position)
        {
            if (position >= _start && position <= _position) _position = position;
            Overflow = false;
        }

        /// <summary>One raw byte.</summary>
        public void WriteByte(int value)
        {
            if (_position >= _limit) { Overflow = true; return; }
            _buffer[_position++] = (byte)value;
        }

        /// <summary>Raw bytes.</summary>
        public void WriteBytes(byte[] source, int offset, int count)
        {
            if (count > _limit - _position) { Overflow = true; _position = _limit; return; }
            System.Array.Copy(source, offset, _buffer, _position, count);
            _position += count;
        }

        /// <summary>A big-endian field of <paramref name="size"/> bytes.</summary>
        public void WriteBigEndian(long value, int size)
        {
            for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) WriteByte((int)(value >> shift));
        }

        /// <summary>A-XDR length: short form below 128, else 0x81/0x82/0x84 and the big-endian bytes.</summary>
        public void WriteLength(int length)
        {
            if (length < 0x80) WriteByte(length);
            else if (length <= 0xFF) { WriteByte(0x81); WriteByte(length); }
            else if (length <= 0xFFFF) { WriteByte(0x82); WriteBigEndian(length, 2); }
            else { WriteByte(0x84); WriteBigEndian(length, 4); }
        }

        public void WriteNull() => WriteByte(AxdrType.NullData);

        /// <summary>array header; the <paramref name="count"/> elements follow.</summary>
        public void WriteArray(int count) { WriteByte(AxdrType.Array); WriteLength(count); }

        /// <summary>structure header; the <paramref name="count"/> elements follow.</summary>
        public void WriteStructure(int count) { WriteByte(AxdrType.Structure); WriteLength(count); }

        public void WriteBoolean(bool value) { WriteByte(AxdrType.Boolean); WriteByte(value ? 0xFF : 0x00); }

        /// <summary>bit-string of <paramref name="bitCount"/> bits taken from <paramref name="bits"/>, first bit =
        /// MSB of the first byte.</summary>
        public void WriteBitString(byte[] bits, int offset, int bitCount)
        {
            WriteByte(AxdrType.BitString);
            WriteLength(bitCount);
            WriteBytes(bits, offset, (bitCount + 7) / 8);
        }

        public void WriteDoubleLong(int value) { WriteByte(AxdrType.DoubleLong); WriteBigEndian(value, 4); }
        public void WriteDoubleLongUnsigned(uint value) { WriteByte(AxdrType.DoubleLongUnsigned); WriteBigEndian(value, 4); }
        public void WriteInteger(sbyte value) { WriteByte(AxdrType.Integer); WriteByte(value); }
        public void WriteLong(short value) { WriteByte(AxdrType.Long); WriteBigEndian(value, 2); }
        public void WriteUnsigned(byte value) { WriteByte(AxdrType.Unsigned); WriteByte(value); }
        public void WriteLongUnsigned(ushort value) { WriteByte(AxdrType.LongUnsigned); WriteBigEndian(value, 2); }
        public void WriteLong64(long value) { WriteByte(AxdrType.Long64); WriteBigEndian(value, 8); }
        public void WriteLong64Unsigned(ulong value) { WriteByte(AxdrType.Long64Unsigned); WriteBigEndian((long)value, 8); }
        public void WriteEnum(byte value) { WriteByte(AxdrType.Enum); WriteByte(value); }

        /// <summary>octet-string.</summary>
        public void WriteOctetString(byte[] source, int offset, int count)
        {
            WriteByte(AxdrType.OctetString);
            WriteLength(count);
            WriteBytes(source, offset, count);
        }

        /// <summary>visible-string from bytes (ASCII).</summary>
        public void WriteVisibleString(byte[] source, int offset, int count)
        {
            WriteByte(AxdrType.VisibleString);
            WriteLength(count);
            WriteBytes(source, offset, count);
        }

        /// <summary>visible-string from a string's characters (ASCII expected; others become '?'); allocates
        /// nothing.</summary>
        public void WriteVisibleString(string text)
        {
            WriteByte(AxdrType.VisibleString);
            WriteLength(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                WriteByte(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }

        /// <summary>
        /// COSEM date-time as octet-string of 12 (Blue Book, "Date and time formats"): year (0xFFFF not specified),
        /// month, day, day of week (1 = Monday, 0xFF not specified), hour, minute, second, hundredths, deviation in
        /// minutes (0x8000 not specified), clock status.
        /// </summary>
        public void WriteDateTime(int year, int month, int day, int dayOfWeek, int hour, int minute, int second,
            int hundredths, int deviation, int clockStatus)
        {
            WriteByte(AxdrType.OctetString);
            WriteByte(AxdrType.DateTimeLength);
            WriteBigEndian(year, 2);
            WriteByte(month);
            WriteByte(day);
            WriteByte(dayOfWeek);
            WriteByte(hour);
            WriteByte(minute);
            WriteByte(second);
            WriteByte(hundredths);
            WriteBigEndian(deviation, 2);
            WriteByte(clockStatus);
        }
    }
}
