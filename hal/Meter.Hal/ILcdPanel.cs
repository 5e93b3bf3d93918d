namespace Meter.Hal
{
    /// <summary>
    /// A display that shows <see cref="LcdFrame"/>s: a segment glass behind HT1621 controllers,
    /// an HD44780 character module, or the virtual meter's terminal. Implementations keep the
    /// frame last shown and send only what changed.
    /// </summary>
    public interface ILcdPanel
    {
        /// <summary>
        /// Makes the display show <paramref name="frame"/>, sending only the segments or
        /// characters that differ from the frame shown before. The frame is not kept: the
        /// caller may refill it afterwards.
        /// </summary>
        void Show(LcdFrame frame);
    }
}
