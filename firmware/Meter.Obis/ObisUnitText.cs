namespace Meter.Obis
{
    /// <summary>
    /// The 7-bit ASCII unit text written after "*" in an IEC 62056-21 data set
    /// (IEC 62056-21:2002 §6.5: unit ≤ 16 printable characters), with an optional "k" prefix.
    /// </summary>
    public static class ObisUnitText
    {
        /// <summary>
        /// Writes the unit (with "k" when <paramref name="kilo"/>) at <paramref name="position"/>;
        /// returns the position after it. Writes nothing for <see cref="ObisUnit.Count"/>.
        /// </summary>
        public static int Write(ObisUnit unit, bool kilo, byte[] buffer, int position)
        {
            string text = Text(unit);
            if (text.Length == 0) return position;
            int p = position;
            if (kilo) buffer[p++] = (byte)'k';
            for (int i = 0; i < text.Length; i++) buffer[p++] = (byte)text[i];
            return p;
        }

        /// <summary>The unit symbol without prefix; empty for a count; 7-bit only (degree is "deg").</summary>
        public static string Text(ObisUnit unit)
        {
            switch (unit)
            {
                case ObisUnit.Year: return "a";
                case ObisUnit.Month: return "mo";
                case ObisUnit.Week: return "wk";
                case ObisUnit.Day: return "d";
                case ObisUnit.Hour: return "h";
                case ObisUnit.Minute: return "min";
                case ObisUnit.Second: return "s";
                case ObisUnit.Degree: return "deg";
                case ObisUnit.DegreeCelsius: return "C";
                case ObisUnit.CubicMetre: return "m3";
                case ObisUnit.Litre: return "l";
                case ObisUnit.Watt: return "W";
                case ObisUnit.VoltAmpere: return "VA";
                case ObisUnit.Var: return "var";
                case ObisUnit.WattHour: return "Wh";
                case ObisUnit.VoltAmpereHour: return "VAh";
                case ObisUnit.VarHour: return "varh";
                case ObisUnit.Ampere: return "A";
                case ObisUnit.Volt: return "V";
                case ObisUnit.Hertz: return "Hz";
                case ObisUnit.PerWattHour: return "imp/Wh";
                case ObisUnit.PerVarHour: return "imp/varh";
                case ObisUnit.Percent: return "%";
                default: return "";
            }
        }
    }
}
