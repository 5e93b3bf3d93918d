using Meter.Hal;
using Meter.Obis;

namespace Meter.Display
{
    /// <summary>
    /// Writes an OBIS code into the 7-position identification field as C.D.E, or C.D.E.F for a
    /// billing-period value (F ≠ 255), each group in decimal with a lit point between groups
    /// (the reduced ID of IEC 62056-61 §4.2, value groups A and B left out). Value group C of
    /// 96..99 is shown as the letter C, F, L, P (IEC 62056-61 §4.4), so 0-0:96.1.0 reads "C.1.0";
    /// after such a letter, D of 96..99 is a letter too, so the error register 0-0:97.97.0 reads
    /// "F.F.0" as in the optical readout's "F.F".
    /// </summary>
    public static class ObisIdFormatter
    {
        /// <summary>Number of ID positions <paramref name="code"/> needs.</summary>
        public static int PositionsNeeded(ObisCode code)
        {
            int n = (Letter(code.C) != ' ' ? 1 : DigitCount(code.C)) + (DLetter(code) != ' ' ? 1 : DigitCount(code.D)) + DigitCount(code.E);
            if (code.F != ObisCode.NotUsed) n += DigitCount(code.F);
            return n;
        }

        /// <summary>True when <paramref name="code"/> fits the identification field.</summary>
        public static bool Fits(ObisCode code) => PositionsNeeded(code) <= LcdFrame.IdLength;

        /// <summary>Writes <paramref name="code"/> left-aligned into the ID field of <paramref name="frame"/>.</summary>
        /// <exception cref="System.ArgumentException">The code needs more than 7 positions.</exception>
        public static void Write(ObisCode code, LcdFrame frame)
        {
            if (!Fits(code)) throw new System.ArgumentException("OBIS code does not fit the 7-position identification field: " + code.ToString());
            Clear(frame);
            int p = 0;
            char letter = Letter(code.C);
            if (letter != ' ') frame.Id[p++] = letter;
            else p = WriteGroup(code.C, frame, p);
            frame.IdPoints |= 1 << (p - 1);
            char dLetter = DLetter(code);
            if (dLetter != ' ') frame.Id[p++] = dLetter;
            else p = WriteGroup(code.D, frame, p);
            frame.IdPoints |= 1 << (p - 1);
            p = WriteGroup(code.E, frame, p);
            if (code.F != ObisCode.NotUsed)
            {
                frame.IdPoints |= 1 << (p - 1);
                WriteGroup(code.F, frame, p);
            }
        }

        /// <summary>Writes the error register's ID "F.F" (IEC 62056-21 error code data set F.F).</summary>
        public static void WriteErrorId(LcdFrame frame)
        {
            Clear(frame);
            frame.Id[0] = 'F';
            frame.Id[1] = 'F';
            frame.IdPoints = 1;
        }

        /// <summary>Blanks the ID field.</summary>
        public static void Clear(LcdFrame frame)
        {
            for (int i = 0; i < LcdFrame.IdLength; i++) frame.Id[i] = ' ';
            frame.IdPoints = 0;
        }

        private static int WriteGroup(byte value, LcdFrame frame, int position)
        {
            int digits = DigitCount(value);
            int v = value;
            for (int i = digits - 1; i >= 0; i--)
            {
                frame.Id[position + i] = (char)('0' + v % 10);
                v /= 10;
            }
            return position + digits;
        }

        private static char DLetter(ObisCode code) => Letter(code.C) != ' ' ? Letter(code.D) : ' ';

        private static int DigitCount(byte value) => value >= 100 ? 3 : value >= 10 ? 2 : 1;

        // IEC 62056-61 §4.4: C = 96, 97, 98, 99 are written C, F, L, P.
        private static char Letter(byte c)
        {
            switch (c)
            {
                case 96: return 'C';
                case 97: return 'F';
                case 98: return 'L';
                case 99: return 'P';
                default: return ' ';
            }
        }
    }
}
