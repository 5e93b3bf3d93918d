namespace Meter.Hal
{
    /// <summary>Called when an input pin changes level; <paramref name="isHigh"/> is the new level.</summary>
    public delegate void PinChangedHandler(IInputPin pin, bool isHigh);

    /// <summary>
    /// A digital input with edge events (ADE7880 IRQ0/IRQ1, push button, seal switch, mains
    /// fail …). On nanoFramework the event is dispatched on a managed thread, not in an ISR.
    /// </summary>
    public interface IInputPin
    {
        /// <summary>Reads the current level: <c>true</c> when high.</summary>
        bool Read();

        /// <summary>Raised on every level change.</summary>
        event PinChangedHandler Changed;
    }
}
