namespace Meter.Obis
{
    /// <summary>
    /// COSEM Register (IEC 62056-62 class_id 3): an integer value with scaler and unit, e.g.
    /// active energy import 1.8.0 as a count of Wh (scaler 0). Shown in a readout with a
    /// fixed number of decimals, optionally in kilo units, truncated (an energy register never
    /// shows more than was measured): 1234567 Wh → "001234.567*kWh".
    /// </summary>
    public class RegisterObject : ObisObject
    {
        private readonly int _scaler;
        private readonly ObisUnit _unit;
        private long _minimum = long.MinValue;
        private long _maximum = long.MaxValue;

        /// <summary>
        /// A register whose source value v means v × 10^<paramref name="scaler"/> <paramref name="unit"/>
        /// (scaler −9..9).
        /// </summary>
        /// <exception cref="System.ArgumentException">Scaler outside −9..9.</exception>
        public RegisterObject(ObisCode code, ObisUnit unit, int scaler, IObisValueSource source)
            : this(code, ObisInterfaceClass.Register, unit, scaler, source)
        {
        }

        /// <summary>For derived classes (extended and demand registers).</summary>
        protected RegisterObject(ObisCode code, ObisInterfaceClass classId, ObisUnit unit, int scaler, IObisValueSource source)
            : base(code, classId, source)
        {
            if (scaler < -9 || scaler > 9) throw new System.ArgumentException("scaler must be within -9..9");
            _scaler = scaler;
            _unit = unit;
            Decimals = 3;
            IntegerDigits = 1;
        }

        /// <summary>Decimal exponent of the value (COSEM scaler).</summary>
        public virtual int Scaler => _scaler;

        /// <summary>Unit of the value (COSEM unit).</summary>
        public virtual ObisUnit Unit => _unit;

        /// <summary>Show the value in kilo units (Wh → kWh).</summary>
        public virtual bool Kilo { get; set; }

        /// <summary>Digits after the decimal point in the data set (0..9).</summary>
        public int Decimals { get; set; }

        /// <summary>Minimum digits before the decimal point (leading zeros), 1..12.</summary>
        public int IntegerDigits { get; set; }

        /// <summary>Sets the range of values (in source units) a write may store.</summary>
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
            if (!SourceFor(code).TryReadInteger(code, out value)) return -1;
            int p = WriteScaled(value, buffer, position);
            if (p < 0) return -1;
            if (Unit != ObisUnit.Count)
            {
                buffer[p++] = (byte)'*';
                p = ObisUnitText.Write(Unit, Kilo, buffer, p);
            }
            return p;
        }

        /// <summary>Shown value = v × 10^(scaler − prefix + decimals), truncated toward zero.</summary>
        private int WriteScaled(long value, byte[] buffer, int position)
        {
            int decimals = Clamp(Decimals, 0, 9);
            int exponent = Scaler - (Kilo ? 3 : 0) + decimals;
            bool negative = value < 0;
            if (value == long.MinValue) return -1;
            long magnitude = negative ? -value : value;
            if (exponent >= 0)
            {
                if (exponent > 18) return -1;
                long factor = AsciiNumber.PowerOfTen(exponent);
                if (magnitude > long.MaxValue / factor) return -1;
                magnitude *= factor;
            }
            else
            {
                if (exponent < -18) magnitude = 0;
                else magnitude /= AsciiNumber.PowerOfTen(-exponent);
            }
            int p = position;
            if (negative && magnitude != 0) buffer[p++] = (byte)'-';
            long unitFactor = AsciiNumber.PowerOfTen(decimals);
            p = AsciiNumber.WritePadded(magnitude / unitFactor, Clamp(IntegerDigits, 1, 12), buffer, p);
            if (decimals > 0)
            {
                buffer[p++] = (byte)'.';
                p = AsciiNumber.WritePadded(magnitude % unitFactor, decimals, buffer, p);
            }
            return p;
        }

        /// <summary>
        /// Accepts "[-]digits[.digits][*unit]" in the shown unit (e.g. "1234.5*kWh" for a Wh
        /// register shown in kWh); the unit, when given, must be the shown one, and the value
        /// must be representable exactly in the register's scaler.
        /// </summary>
        protected override ObisWriteResult WriteValidated(byte[] text, int offset, int length)
        {
            int end = offset + length;
            int star = end;
            for (int i = offset; i < end; i++)
                if (text[i] == '*') { star = i; break; }
            if (star < end && !UnitMatches(text, star + 1, end)) return ObisWriteResult.InvalidFormat;
            int p = offset;
            bool negative = false;
            if (p < star && text[p] == '-') { negative = true; p++; }
            long raw = 0;
            int digits = 0, fractionDigits = 0;
            bool point = false;
            for (; p < star; p++)
            {
                byte c = text[p];
                if (c == '.' && !point) { point = true; continue; }
                if (c < '0' || c > '9') return ObisWriteResult.InvalidFormat;
                if (digits == 18) return ObisWriteResult.OutOfRange;
                raw = raw * 10 + (c - '0');
                digits++;
                if (point) fractionDigits++;
            }
            if (digits == 0) return ObisWriteResult.InvalidFormat;
            // stored = shown × 10^(prefix − scaler), shown = raw × 10^−fractionDigits
            int exponent = (Kilo ? 3 : 0) - Scaler - fractionDigits;
            long value;
            if (exponent >= 0)
            {
                if (exponent > 18) return ObisWriteResult.OutOfRange;
                long factor = AsciiNumber.PowerOfTen(exponent);
                if (raw > long.MaxValue / factor) return ObisWriteResult.OutOfRange;
                value = raw * factor;
            }
            else
            {
                long divisor = exponent < -18 ? 0 : AsciiNumber.PowerOfTen(-exponent);
                if (divisor == 0 || raw % divisor != 0) return ObisWriteResult.InvalidFormat; // finer than the register resolves
                value = raw / divisor;
            }
            if (negative) value = -value;
            if (value < _minimum || value > _maximum) return ObisWriteResult.OutOfRange;
            return Target.WriteInteger(Code, value);
        }

        private bool UnitMatches(byte[] text, int from, int end)
        {
            var buffer = new byte[24];
            int n = ObisUnitText.Write(Unit, Kilo, buffer, 0);
            if (n != end - from) return false;
            for (int i = 0; i < n; i++)
                if (buffer[i] != text[from + i]) return false;
            return true;
        }

        private static int Clamp(int value, int low, int high) => value < low ? low : value > high ? high : value;
    }
}
