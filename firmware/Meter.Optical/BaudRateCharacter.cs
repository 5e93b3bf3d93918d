namespace Meter.Optical
{
    /// <summary>
    /// The baud-rate identification character Z of the identification and option-select
    /// messages (IEC 62056-21:2002 §6.3.14): mode B uses 'A'..'F' (600..19200 Bd), modes C/E
    /// '0'..'6' (300..19200 Bd); mode A any other printable character.
    /// </summary>
    public static class BaudRateCharacter
    {
        /// <summary>Initial (and mode A) rate: 300 Bd (§6.4).</summary>
        public const int InitialBaud = 300;

        /// <summary>The Z character this meter sends in mode A (not '/', '!', nor a mode B or C code).</summary>
        public const byte ModeA = (byte)'-';

        private static readonly int[] Rates = { 300, 600, 1200, 2400, 4800, 9600, 19200 };

        /// <summary>True for a rate of the standard's table (300·2^n up to 19200).</summary>
        public static bool IsStandardRate(int baud) => IndexOf(baud) >= 0;

        /// <summary>Mode C character for <paramref name="baud"/> ('0' = 300 … '6' = 19200); 0 if none.</summary>
        public static byte ModeC(int baud)
        {
            int i = IndexOf(baud);
            return i < 0 ? (byte)0 : (byte)('0' + i);
        }

        /// <summary>Mode B character for <paramref name="baud"/> ('A' = 600 … 'F' = 19200); 0 if none (300 has none).</summary>
        public static byte ModeB(int baud)
        {
            int i = IndexOf(baud);
            return i < 1 ? (byte)0 : (byte)('A' + i - 1);
        }

        /// <summary>Rate of a mode C character '0'..'6'; 0 for any other character (7..9 reserved).</summary>
        public static int FromModeC(byte z) => z >= '0' && z <= '6' ? Rates[z - '0'] : 0;

        private static int IndexOf(int baud)
        {
            for (int i = 0; i < Rates.Length; i++)
                if (Rates[i] == baud) return i;
            return -1;
        }
    }
}
