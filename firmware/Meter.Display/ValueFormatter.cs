using Meter.Hal;
using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// Writes a reading into the value and unit fields of a frame. Energy (Wh, varh, VAh) is
    /// shown in kilo units with the configured decimals (7.0, 6.1, 7.2, 6.3), truncated (a meter
    /// never shows more energy than it measured) and rolling over like a mechanical register:
    /// only the lowest 7 or 9 digits are shown. Power (W, var, VA) is shown in kW, kvar, kVA
    /// with 3 decimals; other quantities in their own unit with as many decimals as their scaler
    /// resolves. A value other than energy that does not fit shows dashes.
    /// Exact integer arithmetic throughout; nothing is allocated.
    /// </summary>
    /// <remarks>
    /// The value field is right-aligned: its last position is the last decimal. Leading zeros
    /// are blanked down to the digit before the decimal point. A negative value keeps its minus
    /// sign just before its first digit; when the sign would not fit in the 9 positions the
    /// magnitude rolls over to 8 digits so that it does.
    /// </remarks>
    public static class ValueFormatter
    {
        private const int Positions = LcdFrame.ValueLength;

        /// <summary>True for the energy units that follow the decimals setting and the CT ratio.</summary>
        public static bool IsEnergy(ObisUnit unit) =>
            unit == ObisUnit.WattHour || unit == ObisUnit.VarHour || unit == ObisUnit.VoltAmpereHour;

        /// <summary>True for the power units shown in kilo units with 3 decimals.</summary>
        public static bool IsPower(ObisUnit unit) =>
            unit == ObisUnit.Watt || unit == ObisUnit.Var || unit == ObisUnit.VoltAmpere;

        /// <summary>The <see cref="LcdUnits"/> symbols lit for a value of <paramref name="unit"/> (energy and power in kilo units).</summary>
        public static int UnitSymbols(ObisUnit unit)
        {
            switch (unit)
            {
                case ObisUnit.WattHour: return LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour;
                case ObisUnit.VarHour: return LcdUnits.Kilo | LcdUnits.Var | LcdUnits.Hour;
                case ObisUnit.VoltAmpereHour: return LcdUnits.Kilo | LcdUnits.VoltAmpere | LcdUnits.Hour;
                case ObisUnit.Watt: return LcdUnits.Kilo | LcdUnits.Watt;
                case ObisUnit.Var: return LcdUnits.Kilo | LcdUnits.Var;
                case ObisUnit.VoltAmpere: return LcdUnits.Kilo | LcdUnits.VoltAmpere;
                case ObisUnit.Volt: return LcdUnits.Volt;
                case ObisUnit.Ampere: return LcdUnits.Ampere;
                case ObisUnit.Hertz: return LcdUnits.Hertz;
                case ObisUnit.Percent: return LcdUnits.Percent;
                case ObisUnit.CubicMetre: return LcdUnits.CubicMetre;
                case ObisUnit.Litre: return LcdUnits.Litre;
                default: return LcdUnits.None;
            }
        }

        /// <summary>
        /// Shows <paramref name="value"/> × 10^<paramref name="scaler"/> <paramref name="unit"/>
        /// in the value and unit fields of <paramref name="frame"/>.
        /// </summary>
        public static void WriteValue(long value, int scaler, ObisUnit unit, DisplayFormat format, LcdFrame frame)
        {
            if (format == null) throw new System.ArgumentNullException("format");
            if (frame == null) throw new System.ArgumentNullException("frame");
            if (scaler < -9 || scaler > 9) throw new System.ArgumentOutOfRangeException("scaler", "COSEM scaler must be within -9..9");
            ClearValueField(frame);
            bool negative = value < 0;
            if (IsEnergy(unit)) WriteEnergy(value, negative, scaler, format, frame);
            else if (IsPower(unit)) WriteOther(value, negative, scaler - 3, 3, frame); // W → kW, 3 decimals
            else WriteOther(value, negative, scaler, scaler < 0 ? -scaler : 0, frame);
            frame.Units = UnitSymbols(unit);
        }

        /// <summary>Shows dashes in the value field: the reading is not available.</summary>
        public static void WriteUnavailable(LcdFrame frame)
        {
            ClearValueField(frame);
            for (int i = 0; i < Positions; i++) frame.Value[i] = '-';
        }

        /// <summary>
        /// Shows "Err" and the error code (decimal, its lowest 6 digits) right-aligned:
        /// "Err    12". Unit field blank.
        /// </summary>
        public static void WriteErrorCode(int code, LcdFrame frame)
        {
            if (code < 0) throw new System.ArgumentOutOfRangeException("code", "error code must not be negative");
            ClearValueField(frame);
            frame.Value[0] = 'E';
            frame.Value[1] = 'r';
            frame.Value[2] = 'r';
            WriteDigits(code % 1000000, 1, 0, frame);
        }

        /// <summary>
        /// Shows the status code in hexadecimal (at least 2 digits, its lowest 8), right-aligned as
        /// the optical readout writes 0-0:96.5.0: "       01". Unit field blank.
        /// </summary>
        public static void WriteStatusCode(int code, LcdFrame frame)
        {
            if (code < 0) throw new System.ArgumentOutOfRangeException("code", "status code must not be negative");
            ClearValueField(frame);
            int position = Positions - 1;
            int written = 0;
            while ((code != 0 || written < 2) && written < 8)
            {
                int digit = code & 0xF;
                frame.Value[position--] = digit < 10 ? (char)('0' + digit) : HexLetters[digit - 10];
                code >>= 4;
                written++;
            }
        }

        // 7-segment forms of the hex digits A..F (b and d lower case, as SevenSegmentFont draws them).
        private static readonly char[] HexLetters = new char[] { 'A', 'b', 'C', 'd', 'E', 'F' };

        // Energy: shown = floor(|v| × 10^(scaler − 3 + d) × primary / secondary) mod 10^k.
        private static void WriteEnergy(long value, bool negative, int scaler, DisplayFormat format, LcdFrame frame)
        {
            int decimals = format.EnergyDecimals;
            int digits = format.IntegerDigits + decimals;
            if (negative && digits > Positions - 1) digits = Positions - 1; // room for the sign
            int exponent = scaler - 3 + decimals; // Wh → kWh, then d decimals
            long multiplier = format.CtPrimaryAmperes;
            long divisor = format.CtSecondaryAmperes;
            if (exponent >= 0) multiplier *= PowerOfTen(exponent);
            else divisor *= PowerOfTen(-exponent);
            long modulus = PowerOfTen(digits);
            long shown = ScaledModulo(value, multiplier, divisor, modulus);
            WriteDigits(shown, decimals + 1, decimals, frame);
            if (negative && shown != 0) PlaceSign(frame);
        }

        // Other quantities: shown = |v| × 10^(exponent + decimals) (decimals at most 8), no roll-over: too long shows dashes.
        private static void WriteOther(long value, bool negative, int scaler, int decimals, LcdFrame frame)
        {
            if (decimals > Positions - 1) decimals = Positions - 1;
            int exponent = scaler + decimals;
            long multiplier = exponent > 0 ? PowerOfTen(exponent) : 1;
            long divisor = exponent < 0 ? PowerOfTen(-exponent) : 1;
            long limit = PowerOfTen(negative ? Positions - 1 : Positions);
            long quotient = value / divisor;
            long remainder = value % divisor;
            if (quotient <= -limit || quotient >= limit)
            {
                WriteUnavailable(frame);
                return;
            }
            if (quotient < 0) quotient = -quotient;
            if (remainder < 0) remainder = -remainder;
            long shown = quotient * multiplier + remainder * multiplier / divisor;
            if (shown >= limit)
            {
                WriteUnavailable(frame);
                return;
            }
            WriteDigits(shown, decimals + 1, decimals, frame);
            if (negative && shown != 0) PlaceSign(frame);
        }

        /// <summary>
        /// floor(|value| × multiplier / divisor) mod modulus, exactly and without overflow for
        /// any long value, multiplier ≤ 10^13, divisor ≤ 5·10^12 and modulus ≤ 10^9:
        /// |v| = q·D + r gives |v|·M/D = q·M + r·M/D, and q·M is reduced modulo the modulus first.
        /// </summary>
        private static long ScaledModulo(long value, long multiplier, long divisor, long modulus)
        {
            long quotient = value / divisor;
            long remainder = value % divisor;
            long quotientMod = quotient % modulus; // |.| < modulus: safe to negate even for long.MinValue
            if (quotientMod < 0) quotientMod = -quotientMod;
            if (remainder < 0) remainder = -remainder;
            long high = quotientMod * (multiplier % modulus) % modulus;
            long low = remainder * multiplier / divisor % modulus;
            return (high + low) % modulus;
        }

        // Writes number right-aligned, at least minDigits digits, point before the last 'decimals' digits.
        private static void WriteDigits(long number, int minDigits, int decimals, LcdFrame frame)
        {
            int position = Positions - 1;
            int written = 0;
            while ((number > 0 || written < minDigits) && position >= 0)
            {
                frame.Value[position] = (char)('0' + (int)(number % 10));
                number /= 10;
                position--;
                written++;
            }
            if (decimals > 0) frame.ValuePoints = 1 << (Positions - 1 - decimals);
        }

        private static void PlaceSign(LcdFrame frame)
        {
            int first = 0;
            while (first < Positions && frame.Value[first] == ' ') first++;
            if (first > 0) frame.Value[first - 1] = '-';
        }

        private static void ClearValueField(LcdFrame frame)
        {
            for (int i = 0; i < Positions; i++) frame.Value[i] = ' ';
            frame.ValuePoints = 0;
            frame.Units = LcdUnits.None;
        }

        private static long PowerOfTen(int exponent)
        {
            long result = 1;
            for (int i = 0; i < exponent; i++) result *= 10;
            return result;
        }
    }
}
