namespace Meter.Hal.Lcd
{
    /// <summary>
    /// HT1621 mode IDs and command codes (Holtek HT1621 data sheet, "Command Summary"). A command
    /// frame is the ID 100, the 8-bit code MSB first, and one don't-care bit X; a write frame
    /// is the ID 101, the 6-bit RAM address A5..A0, then 4-bit data D0..D3 per address.
    /// </summary>
    internal static class Ht1621Command
    {
        /// <summary>Mode ID of a command frame: 1 0 0.</summary>
        public const int CommandModeId = 0x4;
        /// <summary>Mode ID of a RAM write frame: 1 0 1.</summary>
        public const int WriteModeId = 0x5;

        /// <summary>SYS DIS, 0000-0000-X: oscillator and LCD bias generator off.</summary>
        public const byte SystemDisable = 0x00;
        /// <summary>SYS EN, 0000-0001-X: system oscillator on.</summary>
        public const byte SystemEnable = 0x01;
        /// <summary>LCD OFF, 0000-0010-X: LCD bias generator off.</summary>
        public const byte LcdOff = 0x02;
        /// <summary>LCD ON, 0000-0011-X: LCD bias generator on.</summary>
        public const byte LcdOn = 0x03;
        /// <summary>RC 256K, 0001-10XX-X: system clock from the on-chip RC oscillator.</summary>
        public const byte RcOscillator256K = 0x18;
        /// <summary>BIAS 1/3 with ab = 10 (4 commons), 0010-abX1-X = 0010-1001.</summary>
        public const byte Bias3Commons4 = 0x29;
    }
}
