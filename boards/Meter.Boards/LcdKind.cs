namespace Meter.Boards
{
    /// <summary>The display a board carries (drivers in hal/Meter.Hal.Lcd).</summary>
    public enum LcdKind
    {
        /// <summary>No display fitted.</summary>
        None,
        /// <summary>Segment glass behind an HT1621 (3-wire: CS, WR, DATA).</summary>
        Ht1621Segment,
        /// <summary>HD44780 character module, 16 columns × 2 rows, 4-bit interface on six GPIOs (RS, E, DB4..DB7).</summary>
        Hd44780Character16x2,
        /// <summary>HD44780 character module, 20 columns × 4 rows, 4-bit interface on six GPIOs (RS, E, DB4..DB7).</summary>
        Hd44780Character20x4,
    }
}
