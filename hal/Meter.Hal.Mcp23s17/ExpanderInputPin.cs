using System;

namespace Meter.Hal.Mcp23xxx
{
    /// <summary>
    /// An <see cref="IInputPin"/> on an <see cref="Mcp23s17"/>. Its <see cref="Changed"/> event is
    /// raised by <see cref="Mcp23s17.Poll"/> (the expander's INT pin is not wired: the signals
    /// on it change at most a few times a day). <see cref="Dispose"/> closes the pin on the expander.
    /// </summary>
    public sealed class ExpanderInputPin : IInputPin, IDisposable
    {
        private readonly Mcp23s17 _expander;
        private readonly int _pin;
        private bool _closed;

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
            if (_closed) throw new ObjectDisposedException("ExpanderInputPin");
            return _expander.ReadNow(_pin);
        }

        /// <summary>Closes the pin on the expander (no more events); safe to call twice.</summary>
        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _expander.ClosePin(_pin);
        }

        internal void Raise(bool isHigh)
        {
            PinChangedHandler handler = Changed;
            if (handler != null) handler(this, isHigh);
        }
    }
}
