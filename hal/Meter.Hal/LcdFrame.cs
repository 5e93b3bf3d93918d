namespace Meter.Hal
{
    /// <summary>
    /// One picture of the meter's display, as the display model produces it and every LCD
    /// driver renders it: the value field, the OBIS identification field, the unit field, the
    /// quadrant, tariff and phase indicators and the status symbols (the fields of the Kamstrup
    /// 351/382/OMNIPOWER display, see the seeds' "Display" sections). Flashing is already
    /// resolved: a frame holds what is lit at one instant, so drivers need no timing.
    /// </summary>
    /// <remarks>
    /// Characters are 7-bit ASCII: digits, space, '-', and the few letters a 7-segment digit
    /// can show (e.g. "Err"). Allocated once and refilled; drivers copy what they keep.
    /// </remarks>
    public sealed class LcdFrame
    {
        /// <summary>Positions of the value field (the OMNIPOWER's 9-digit value field).</summary>
        public const int ValueLength = 9;

        /// <summary>Positions of the identification field (7-digit OBIS identification).</summary>
        public const int IdLength = 7;

        private readonly char[] _value = new char[ValueLength];
        private readonly char[] _id = new char[IdLength];

        /// <summary>Creates a blank frame.</summary>
        public LcdFrame()
        {
            Clear();
        }

        /// <summary>The value field, left to right; ' ' is an unlit position.</summary>
        public char[] Value => _value;

        /// <summary>Decimal points of the value field: bit i lit = point after position i.</summary>
        public int ValuePoints { get; set; }

        /// <summary>The identification field, left to right; ' ' is an unlit position.</summary>
        public char[] Id => _id;

        /// <summary>Points of the identification field: bit i lit = point after position i.</summary>
        public int IdPoints { get; set; }

        /// <summary>Lit unit symbols, a combination of <see cref="LcdUnits"/> flags.</summary>
        public int Units { get; set; }

        /// <summary>Lit quadrant indicator: 0 = none, 1..4 = quadrant I..IV.</summary>
        public int Quadrant { get; set; }

        /// <summary>Shown tariff: 0 = none, 1..9 = tariff number.</summary>
        public int Tariff { get; set; }

        /// <summary>Lit status and phase symbols, a combination of <see cref="LcdSymbols"/> flags.</summary>
        public int Symbols { get; set; }

        /// <summary>Blanks every field.</summary>
        public void Clear()
        {
            for (int i = 0; i < ValueLength; i++) _value[i] = ' ';
            for (int i = 0; i < IdLength; i++) _id[i] = ' ';
            ValuePoints = 0;
            IdPoints = 0;
            Units = 0;
            Quadrant = 0;
            Tariff = 0;
            Symbols = 0;
        }

        /// <summary>Makes this frame an exact copy of <paramref name="other"/>.</summary>
        public void CopyFrom(LcdFrame other)
        {
            for (int i = 0; i < ValueLength; i++) _value[i] = other._value[i];
            for (int i = 0; i < IdLength; i++) _id[i] = other._id[i];
            ValuePoints = other.ValuePoints;
            IdPoints = other.IdPoints;
            Units = other.Units;
            Quadrant = other.Quadrant;
            Tariff = other.Tariff;
            Symbols = other.Symbols;
        }

        /// <summary>True when every field of <paramref name="other"/> equals this frame's.</summary>
        public bool SameAs(LcdFrame other)
        {
            if (other == null) return false;
            for (int i = 0; i < ValueLength; i++)
                if (_value[i] != other._value[i]) return false;
            for (int i = 0; i < IdLength; i++)
                if (_id[i] != other._id[i]) return false;
            return ValuePoints == other.ValuePoints && IdPoints == other.IdPoints && Units == other.Units
                && Quadrant == other.Quadrant && Tariff == other.Tariff && Symbols == other.Symbols;
        }

        /// <summary>True when symbol flag(s) <paramref name="symbol"/> (see <see cref="LcdSymbols"/>) are all lit.</summary>
        public bool Has(int symbol) => (Symbols & symbol) == symbol;
    }
}
