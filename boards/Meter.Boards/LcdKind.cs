namespace Meter.Boards
{
    /// <summary>The display a board carries (drivers in hal/Lcd).</summary>
    public enum LcdKind
    {
        /// <summary>No display fitted.</summary>
        None,
        /// <summary>Segment glass behind an HT1621 (3-wire: CS, WR, DATA).</summary>
        Ht1621Segment,
    }
}
