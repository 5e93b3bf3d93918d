namespace Meter.Hal.Lcd
{
    /// <summary>
    /// How a frame is laid out on a character LCD of 16 or more columns and 2 or 4 rows.
    /// Row 0: the value with its decimal point, right-aligned in columns 0..9, and the unit
    /// from column 11 ("  123456.78 kWh"). Row 1: the OBIS ID with its points in columns 0..7,
    /// "T" and the tariff in 8..9, "Q" and the quadrant in 10..11, the lit phases "123" in
    /// 12..14, and on 2-row displays one status letter in 15 (E error, M magnetic, T tamper,
    /// B breaker, P prepayment, b battery; the first that applies). On 4-row displays rows 2
    /// and 3 spell the status words instead: "ERR MAG TMP BRK" and "PRE BAT".
    /// </summary>
    public static class CharacterLayout
    {
        /// <summary>Fewest columns the layout needs.</summary>
        public const int MinColumns = 16;

        /// <summary>Writes <paramref name="frame"/> into <paramref name="screen"/> (rows × columns, row-major).</summary>
        public static void Render(LcdFrame frame, char[] screen, int columns, int rows)
        {
            if (frame == null) throw new System.ArgumentNullException("frame");
            if (screen == null || screen.Length != columns * rows) throw new System.ArgumentException("screen must hold rows × columns characters");
            if (columns < MinColumns || (rows != 2 && rows != 4)) throw new System.ArgumentException("character layout needs at least 16 columns and 2 or 4 rows");
            for (int i = 0; i < screen.Length; i++) screen[i] = ' ';

            // Row 0: value right-aligned in columns 0..9 (9 digits + 1 point).
            int column = 9;
            for (int p = LcdFrame.ValueLength - 1; p >= 0 && column >= 0; p--)
            {
                if ((frame.ValuePoints >> p & 1) != 0) screen[column--] = '.';
                if (column >= 0) screen[column--] = frame.Value[p];
            }
            WriteUnit(frame.Units, screen, 11);

            // Row 1: ID left-aligned in columns 0..7, points after their digits.
            int row1 = columns;
            int last = LcdFrame.IdLength - 1;
            while (last >= 0 && frame.Id[last] == ' ') last--;
            column = 0;
            for (int p = 0; p <= last && column < 8; p++)
            {
                screen[row1 + column++] = frame.Id[p];
                if ((frame.IdPoints >> p & 1) != 0 && column < 8) screen[row1 + column++] = '.';
            }
            if (frame.Tariff >= 1 && frame.Tariff <= 9)
            {
                screen[row1 + 8] = 'T';
                screen[row1 + 9] = (char)('0' + frame.Tariff);
            }
            if (frame.Quadrant >= 1 && frame.Quadrant <= 4)
            {
                screen[row1 + 10] = 'Q';
                screen[row1 + 11] = (char)('0' + frame.Quadrant);
            }
            if (frame.Has(LcdSymbols.L1)) screen[row1 + 12] = '1';
            if (frame.Has(LcdSymbols.L2)) screen[row1 + 13] = '2';
            if (frame.Has(LcdSymbols.L3)) screen[row1 + 14] = '3';
            if (rows == 2)
            {
                screen[row1 + 15] = StatusLetter(frame);
                return;
            }
            int row2 = 2 * columns, row3 = 3 * columns;
            if (frame.Has(LcdSymbols.Error)) Put(screen, row2, "ERR");
            if (frame.Has(LcdSymbols.Magnetic)) Put(screen, row2 + 4, "MAG");
            if (frame.Has(LcdSymbols.Tamper)) Put(screen, row2 + 8, "TMP");
            if (frame.Has(LcdSymbols.Breaker)) Put(screen, row2 + 12, "BRK");
            if (frame.Has(LcdSymbols.Prepayment)) Put(screen, row3, "PRE");
            if (frame.Has(LcdSymbols.Battery)) Put(screen, row3 + 4, "BAT");
            if (frame.Has(LcdSymbols.QualityAlarm)) Put(screen, row3 + 8, "PQ!");
        }

        private static char StatusLetter(LcdFrame frame)
        {
            if (frame.Has(LcdSymbols.Error)) return 'E';
            if (frame.Has(LcdSymbols.Magnetic)) return 'M';
            if (frame.Has(LcdSymbols.Tamper)) return 'T';
            if (frame.Has(LcdSymbols.Breaker)) return 'B';
            if (frame.Has(LcdSymbols.Prepayment)) return 'P';
            if (frame.Has(LcdSymbols.Battery)) return 'b';
            if (frame.Has(LcdSymbols.QualityAlarm)) return 'Q';
            return ' ';
        }

        // Unit text: prefix (k, M), quantity (W, var, VA, V, A, Hz), then h for energy, or %, m3, L; cut at 5 characters.
        private static void WriteUnit(int units, char[] screen, int at)
        {
            int p = at, end = at + 5;
            if ((units & LcdUnits.Kilo) != 0) p = Put(screen, p, end, "k");
            if ((units & LcdUnits.Mega) != 0) p = Put(screen, p, end, "M");
            if ((units & LcdUnits.Watt) != 0) p = Put(screen, p, end, "W");
            if ((units & LcdUnits.Var) != 0) p = Put(screen, p, end, "var");
            if ((units & LcdUnits.VoltAmpere) != 0) p = Put(screen, p, end, "VA");
            if ((units & LcdUnits.Volt) != 0) p = Put(screen, p, end, "V");
            if ((units & LcdUnits.Ampere) != 0) p = Put(screen, p, end, "A");
            if ((units & LcdUnits.Hertz) != 0) p = Put(screen, p, end, "Hz");
            if ((units & LcdUnits.Hour) != 0) p = Put(screen, p, end, "h");
            if ((units & LcdUnits.Percent) != 0) p = Put(screen, p, end, "%");
            // The HD44780's ROM has no "³": "m3".
            if ((units & LcdUnits.CubicMetre) != 0) p = Put(screen, p, end, "m3");
            if ((units & LcdUnits.Litre) != 0) Put(screen, p, end, "L");
        }

        private static int Put(char[] screen, int at, string text) => Put(screen, at, at + text.Length, text);

        private static int Put(char[] screen, int at, int end, string text)
        {
            int p = at;
            for (int i = 0; i < text.Length && p < end; i++) screen[p++] = text[i];
            return p;
        }
    }
}
