namespace Meter.Display
{
    /// <summary>The three independent display lists of the seeds' meters (Kamstrup 382, OMNIPOWER).</summary>
    public enum DisplayListKind
    {
        /// <summary>Automatic shift: scrolls every 10 s, up to 16 readings, no historical values.</summary>
        Automatic,
        /// <summary>Manual shift: push button, up to 40 readings, the legal readings cannot be removed.</summary>
        Manual,
        /// <summary>Battery shift: push button while on backup power, up to 8 readings.</summary>
        Battery,
    }
}
