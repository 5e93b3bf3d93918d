using System;

namespace Meter.Hal.Mcp23xxx
{
    /// <summary>
    /// An <see cref="IOutputPin"/> on an <see cref="Mcp23s17"/>: each write is one SPI frame.
    /// <see cref="Dispose"/> closes the pin, which makes it an input (high impedance) again.
    /// </summary>
    public sealed class ExpanderOutputPin : IOutputPin, IDisposable
    {
        private readonly Mcp23s17 _expander;
        private readonly int _pin;
        private bool _closed;

        internal ExpanderOutputPin(Mcp23s17 expander, int pin)
        {
            _expander = expander;
            _pin = pin;
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            if (_closed) throw new ObjectDisposedException("ExpanderOutputPin");
            _expander.WriteLatch(_pin, high);
        }

        /// <summary>Closes the pin on the expander; safe to call twice.</summary>
        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _expander.ClosePin(_pin);
        }
    }
}
