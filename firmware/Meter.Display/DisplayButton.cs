using Meter.Hal;

namespace Meter.Display
{
    /// <summary>
    /// The display push button: counts presses ("pushing and releasing the push button",
    /// Kamstrup 351/382 data sheets) from the pin's edge events, which arrive on the GPIO event
    /// thread, so that the main loop can hand them to <see cref="DisplayController.PressButton"/>
    /// with its own time. Contact bounce is filtered by the pin (GpioPin.DebounceTimeout on the
    /// board); a press counts on release.
    /// </summary>
    public sealed class DisplayButton
    {
        private readonly bool _pressedLevel;
        private int _pending;
        private bool _pressed;

        /// <summary>
        /// Watches <paramref name="pin"/>; <paramref name="pressedLevel"/> is the level while the
        /// button is held (false for the usual button to ground with a pull-up).
        /// </summary>
        public DisplayButton(IInputPin pin, bool pressedLevel)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            _pressedLevel = pressedLevel;
            _pressed = pin.Read() == pressedLevel;
            pin.Changed += OnChanged;
        }

        /// <summary>
        /// Returns the presses completed since the last call and forgets them. Safe to call from
        /// the main loop while edges keep arriving.
        /// </summary>
        public int TakePresses() => System.Threading.Interlocked.Exchange(ref _pending, 0);

        /// <summary>Hands every press completed since the last call to <paramref name="display"/> at <paramref name="nowMs"/>.</summary>
        public void Deliver(DisplayController display, long nowMs)
        {
            if (display == null) throw new System.ArgumentNullException("display");
            for (int n = TakePresses(); n > 0; n--) display.PressButton(nowMs);
        }

        private void OnChanged(IInputPin pin, bool isHigh)
        {
            bool pressed = isHigh == _pressedLevel;
            if (_pressed && !pressed) System.Threading.Interlocked.Increment(ref _pending); // released
            _pressed = pressed;
        }
    }
}
