namespace Meter.Hal.Device
{
    /// <summary>
    /// 7 data bits + even parity carried in an 8N1 UART frame. IEC 62056-21:2002 clause 6 uses
    /// 1 start, 7 data, 1 even parity and 1 stop bit (ISO/IEC 1177): bit for bit that is an 8N1
    /// frame whose eighth data bit is the parity bit, since a UART sends data LSB first and the
    /// parity bit right after the data. Doing the parity here keeps the link identical on every
    /// UART driver and lets it drop characters with a parity error itself.
    /// </summary>
    public static class EvenParity7
    {
        /// <summary>Highest 7-bit character.</summary>
        public const int MaxCharacter = 0x7F;

        /// <summary>
        /// The 8-bit frame byte for 7-bit <paramref name="character"/>: bit 7 set when bits 0–6
        /// hold an odd number of ones, so the nine bits together hold an even number.
        /// </summary>
        public static byte Encode(int character)
        {
            if (character < 0 || character > MaxCharacter)
                throw new System.ArgumentOutOfRangeException("character", "optical port characters are 7-bit (0x00..0x7F)");
            return (byte)(character | (OnesParity(character) << 7));
        }

        /// <summary>
        /// Checks the parity of a received frame byte: <c>true</c> and the 7-bit character in
        /// <paramref name="character"/> when the eight bits hold an even number of ones.
        /// </summary>
        public static bool TryDecode(byte frame, out byte character)
        {
            character = (byte)(frame & MaxCharacter);
            return OnesParity(frame) == 0;
        }

        /// <summary>1 when <paramref name="value"/> (low 8 bits) has an odd number of ones, else 0.</summary>
        private static int OnesParity(int value)
        {
            value &= 0xFF;
            value ^= value >> 4;
            value ^= value >> 2;
            value ^= value >> 1;
            return value & 1;
        }
    }
}
