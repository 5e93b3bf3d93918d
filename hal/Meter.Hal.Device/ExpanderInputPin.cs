namespace Meter.Hal.Device
{
    /// <summary>
    /// An <see cref="IInputPin"/> on an <see cref="Mcp23s17"/>. Its <see cref="Changed"/> event is
    /// raised by <see cref="Mcp23s17.Poll"/> (the expander's INT pin is not wired: the signals
    /// on it change at most a few times a day).
    /// </summary>
    public sealed class ExpanderInputPin : IInputPin
    {
        private readonly Mcp23s17 _expander;
        private readonly int _pin;

        internal ExpanderInputPin(Mcp23s17 expander, int pin)
        {
            _expander = expander;
            _pin = pin;
        }

        /// <inheritdoc />
        public event PinChangedHandler Changed;

        /// <summary>Reads the pin now over SPI.</summary>
        public bool Read()
        {
            return _expander.ReadNow(_pin);
        }

        internal void Raise(bool isHigh)
        {
            PinChangedHandler handler = Changed;
            if (handler != null) handler(this, isHigh);
        }
    }
}
