namespace Meter.Display
{
    /// <summary>Which list the display is showing.</summary>
    public enum DisplayMode
    {
        /// <summary>The automatic list, scrolling every 10 s.</summary>
        Automatic,
        /// <summary>The manual list, stepped by the push button.</summary>
        Manual,
        /// <summary>The battery list, stepped by the push button while on backup power.</summary>
        Battery,
    }
}
