namespace Meter.Dlms
{
    /// <summary>
    /// Reads A-XDR encoded Data (IEC 61334-6 A-XDR as used by IEC 62056-5-3 / Green Book xDLMS) from a caller's
    /// buffer with bounds checks. Bad input never throws: the first problem is kept in <see cref="Error"/>, the read
    /// returns 0/-1/false and every later read fails too, so a parser may check once at the end. One instance is
    /// reused for every request (<see cref="Reset"/>): nothing is allocated while reading.
    /// </summary>
    public sealed class AxdrReader
    {
        /// <summary>Deepest array/structure nesting <see cref="SkipData"/> accepts.</summary>
        public const int MaxDepth = 8;

        private byte[] _buffer = new byte[0];
        private int _position, _end;

        /// <summary>The first error met since <see cref="Reset"/>.</summary>
        public AxdrError Error { get; private set; }
        /// <summary>True after any error.</summary>
        public bool Failed => Error != AxdrError.None;
        /// <summary>The buffer being read.</summary>
        public byte[] Buffer => _buffer;
        /// <summary>Index of the next byte.</summary>
        public int Position => _position;
        /// <summary>Bytes left.</summary>
        public int Remaining => _end - _position;

        /// <summary>Reads <paramref name="count"/> bytes from <paramref name="offset"/>; clears the error.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            Error = AxdrError.None;
        }

        /// <summary>Records <paramref name="error"/> (the first one wins) and stops reading.</summary>
        public void Fail(AxdrError error)
        {
            if (Error == AxdrError.None) Error = error;
            _position = _end;
        }

        /// <summary>The next byte, or -1 (error <see cref="AxdrError.Truncated"/>).</summary>
        public int ReadByte()
        {
            if (_position >= _end)
            {
                Fail(AxdrError.Truncated);
                return -1;
            }
            return _buffer[_position++];
        }

        /// <summary>The next byte without consuming it, or -1 at the end (no error).</summary>
        public int Peek() => _position < _end ? _buffer[_position] : -1;

        /// <summary>A big-endian unsigned field of <paramref name="size"/> bytes (1..8; 8 bytes wrap into the sign).</summary>
        public long ReadBigEndian(int size)
        {
            if (Remaining < size)
            {
                Fail(AxdrError.Truncated);
                return 0;
            }
            long value = 0;
            for (int i = 0; i < size; i++) value = (value << 8) | _buffer[_position++];
            return value;
        }

        /// <summary>Skips <paramref name="count"/> bytes (error if fewer are left).</summary>
        public void Skip(int count)
        {
            if (count < 0 || Remaining < count) Fail(AxdrError.Truncated);
            else _position += count;
        }

        /// <summary>
        /// A-XDR length: one byte below 0x80, or 0x81..0x84 followed by that many big-endian bytes (0x80 and longer
        /// forms are refused, as are values above 65535 — no COSEM buffer here is that long); -1 on error.
        /// </summary>
        public int ReadLength()
        {
            int first = ReadByte();
            if (first < 0x80) return first; // also -1 when truncated
            int size = first & 0x7F;
            if (size == 0 || size > 4)
            {
                Fail(AxdrError.BadLength);
                return -1;
            }
            long value = ReadBigEndian(size);
            if (Failed) return -1;
            if (value > 0xFFFF)
            {
                Fail(AxdrError.BadLength);
                return -1;
            }
            return (int)value;
        }

        /// <summary>Reads a tag and checks it is <paramref name="tag"/>.</summary>
        public bool ExpectTag(int tag)
        {
            int actual = ReadByte();
            if (actual < 0) return false;
            if (actual != tag)
            {
                Fail(IsKnownType(actual) ? AxdrError.TypeMismatch : AxdrError.UnknownType);
                return false;
            }
            return true;
        }

        /// <summary>True for the Data choices this reader understands (see <see cref="AxdrType"/>).</summary>
        public static bool IsKnownType(int tag)
        {
            switch (tag)
            {
                case AxdrType.NullData: case AxdrType.Array: case AxdrType.Structure: case AxdrType.BitString:
                case AxdrType.OctetString: case AxdrType.VisibleString:
                    return true;
                default:
                    return AxdrType.FixedSize(tag) > 0;
            }
        }

        /// <summary>array: its element count, or -1.</summary>
        public int ReadArray() => ExpectTag(AxdrType.Array) ? ReadLength() : -1;

        /// <summary>structure: its element count, or -1.</summary>
        public int ReadStructure() => ExpectTag(AxdrType.Structure) ? ReadLength() : -1;

        /// <summary>null-data.</summary>
        public bool ReadNull() => ExpectTag(AxdrType.NullData);

        /// <summary>boolean (any non-zero byte is TRUE).</summary>
        public bool ReadBoolean() => ExpectTag(AxdrType.Boolean) && ReadByte() > 0;

        /// <summary>
        /// Any integer type or enum (integer, long, double-long, long64, unsigned, long-unsigned,
        /// double-long-unsigned, long64-unsigned, enum), sign-extended as its type says. A long64-unsigned above
        /// long.MaxValue fails with <see cref="AxdrError.ValueOutOfRange"/>.
        /// </summary>
        public long ReadInteger()
        {
            int tag = ReadByte();
            if (tag < 0) return 0;
            int size = AxdrType.FixedSize(tag);
            if (size == 0 || tag == AxdrType.Boolean)
            {
                Fail(IsKnownType(tag) ? AxdrError.TypeMismatch : AxdrError.UnknownType);
                return 0;
            }
            long raw = ReadBigEndian(size);
            if (Failed) return 0;
            switch (tag)
            {
                case AxdrType.Integer: return (sbyte)raw;
                case AxdrType.Long: return (short)raw;
                case AxdrType.DoubleLong: return (int)raw;
                case AxdrType.Long64Unsigned:
                    if (raw < 0) { Fail(AxdrError.ValueOutOfRange); return 0; }
                    return raw;
                default: return raw; // unsigned types and long64 need no sign extension here
            }
        }

        /// <summary>An integer of exactly the type <paramref name="tag"/>.</summary>
        public long ReadInteger(int tag)
        {
            if (Peek() != tag)
            {
                ExpectTag(tag); // records the mismatch or truncation
                return 0;
            }
            return ReadInteger();
        }

        /// <summary>
        /// Header of an octet-string or visible-string (<paramref name="tag"/>): its length, checked against the
        /// bytes left; the content starts at <see cref="Position"/> (skip it with <see cref="Skip"/>). -1 on error.
        /// </summary>
        public int ReadStringHeader(int tag)
        {
            if (!ExpectTag(tag)) return -1;
            int length = ReadLength();
            if (length < 0) return -1;
            if (length > Remaining)
            {
                Fail(AxdrError.Truncated);
                return -1;
            }
            return length;
        }

        /// <summary>Copies an octet-string or visible-string into <paramref name="destination"/>; its length or -1
        /// (<see cref="AxdrError.ValueOutOfRange"/> when longer than <paramref name="capacity"/>).</summary>
        public int ReadString(int tag, byte[] destination, int offset, int capacity)
        {
            int length = ReadStringHeader(tag);
            if (length < 0) return -1;
            if (length > capacity)
            {
                Fail(AxdrError.ValueOutOfRange);
                return -1;
            }
            System.Array.Copy(_buffer, _position, destination, offset, length);
            _position += length;
            return length;
        }

        /// <summary>
        /// Skips one complete Data value of any supported type, checking every length against the input and the
        /// nesting against <see cref="MaxDepth"/>; false (with the error) if it is malformed.
        /// </summary>
        public bool SkipData() => SkipData(0);

        private bool SkipData(int depth)
        {
            int tag = ReadByte();
            if (tag < 0) return false;
            switch (tag)
            {
                case AxdrType.NullData:
                    return true;
                case AxdrType.Array:
                case AxdrType.Structure:
                {
                    if (depth >= MaxDepth) { Fail(AxdrError.NestingTooDeep); return false; }
                    int count = ReadLength();
                    if (count < 0) return false;
                    if (count > Remaining) { Fail(AxdrError.Truncated); return false; } // each element takes a byte at least
                    for (int i = 0; i < count; i++)
                        if (!SkipData(depth + 1)) return false;
                    return true;
                }
                case AxdrType.OctetString:
                case AxdrType.VisibleString:
                {
                    int length = ReadLength();
                    if (length < 0) return false;
                    Skip(length);
                    return !Failed;
                }
                case AxdrType.BitString:
                {
                    int bits = ReadLength();
                    if (bits < 0) return false;
                    Skip((bits + 7) / 8);
                    return !Failed;
                }
                default:
                {
                    int size = AxdrType.FixedSize(tag);
                    if (size == 0) { Fail(AxdrError.UnknownType); return false; }
                    Skip(size);
                    return !Failed;
                }
            }
        }
    }
}
