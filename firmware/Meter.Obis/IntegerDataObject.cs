namespace Meter.Obis
{
    /// <summary>
    /// COSEM Data (IEC 62056-62 class_id 1) holding an integer without unit: counters (billing
    /// period counter 0.1.0), parameters (integration period 0.8.0, pulse figure), status and
    /// error words (shown in hexadecimal, e.g. F.F "(00000000)").
    /// </summary>
    public sealed class IntegerDataObject : ObisObject
    {
        private long _minimum;
        private long _maximum = long.MaxValue;

        /// <summary>An integer Data object shown with at least <paramref name="digits"/> digits.</summary>
        public IntegerDataObject(ObisCode code, int digits, IObisValueSource source)
            : base(code, ObisInterfaceClass.Data, source)
        {
            Digits = digits < 1 ? 1 : digits > 18 ? 18 : digits;
        }

        /// <summary>Minimum number of digits shown (leading zeros).</summary>
        public int Digits { get; }

        /// <summary>Show in upper-case hexadecimal (status words); decimal otherwise.</summary>
        public bool Hexadecimal { get; set; }

        /// <summary>Sets the range a write may store (default 0..long.MaxValue).</summary>
        public void SetWriteRange(long minimum, long maximum)
        {
            if (minimum > maximum) throw new System.ArgumentException("minimum above maximum");
            _minimum = minimum;
            _maximum = maximum;
        }

        /// <inheritdoc />
        protected override int WriteValueText(ObisCode code, byte[] buffer, int position)
        {
            long value;
            if (!Source.TryReadInteger(code, out value)) return -1;
            int p = position;
            if (Hexadecimal) return WriteHex(value, buffer, p);
            if (value < 0)
            {
                if (value == long.MinValue) return -1;
                buffer[p++] = (byte)'-';
                value = -value;
            }
            return AsciiNumber.WritePadded(value, Digits, buffer, p);
        }

        private int WriteHex(long value, byte[] buffer, int position)
        {
            int nibbles = 1;
            for (int i = 15; i > 0; i--)
                if (((value >> (4 * i)) & 0xF) != 0) { nibbles = i + 1; break; }
            if (nibbles < Digits) nibbles = Digits > 16 ? 16 : Digits;
            for (int i = nibbles - 1; i >= 0; i--)
            {
                int nibble = (int)((value >> (4 * i)) & 0xF);
                buffer[position++] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            }
            return position;
        }

        /// <summary>Accepts decimal digits (optionally "-"), within the write range.</summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            bool negative = length > 0 && text[offset] == '-';
            int start = negative ? offset + 1 : offset;
            int count = negative ? length - 1 : length;
            if (count <= 0) return ObisWriteResult.InvalidFormat;
            for (int i = start; i < start + count; i++)
                if (text[i] < '0' || text[i] > '9') return ObisWriteResult.InvalidFormat;
            long value;
            if (!AsciiNumber.TryParseDigits(text, start, count, out value)) return ObisWriteResult.OutOfRange;
            if (negative) value = -value;
            if (value < _minimum || value > _maximum) return ObisWriteResult.OutOfRange;
            return Target.WriteInteger(Code, value);
        }
    }
}
