namespace Meter.Hal.Lcd
{
    /// <summary>
    /// HD44780U instructions used by the driver (Hitachi HD44780U data sheet, Table 6
    /// "Instructions"), and the 4-bit initialisation nibble.
    /// </summary>
    internal static class Hd44780Command
    {
        /// <summary>Clear display (0000 0001): blanks DDRAM and sets address 0.</summary>
        public const byte ClearDisplay = 0x01;
        /// <summary>Entry mode set, I/D = 1 (increment), S = 0 (no shift): 0000 0110.</summary>
        public const byte EntryModeIncrement = 0x06;
        /// <summary>Display on/off control, D = C = B = 0 (display off): 0000 1000.</summary>
        public const byte DisplayOff = 0x08;
        /// <summary>Display on/off control, D = 1, cursor and blink off: 0000 1100.</summary>
        public const byte DisplayOn = 0x0C;
        /// <summary>Function set, DL = 0 (4 bits), N = 1 (2 lines), F = 0 (5×8 dots): 0010 1000.</summary>
        public const byte FunctionSet4Bit2Lines = 0x28;
        /// <summary>Set DDRAM address: 1AAA AAAA.</summary>
        public const byte SetDdramAddress = 0x80;

        /// <summary>Upper nibble of "Function set, 8-bit interface" sent three times at start (Figure 24).</summary>
        public const int InitNibble8Bit = 0x3;
        /// <summary>Upper nibble of "Function set, 4-bit interface" that switches to 4-bit mode (Figure 24).</summary>
        public const int InitNibble4Bit = 0x2;
    }
}
