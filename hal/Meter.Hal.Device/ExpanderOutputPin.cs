namespace Meter.Hal.Device
{
    /// <summary>An <see cref="IOutputPin"/> on an <see cref="Mcp23s17"/>: each write is one SPI frame.</summary>
    public sealed class ExpanderOutputPin : IOutputPin
    {
        private readonly Mcp23s17 _expander;
        private readonly int _pin;

        internal ExpanderOutputPin(Mcp23s17 expander, int pin)
        {
            _expander = expander;
            _pin = pin;
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _expander.WriteLatch(_pin, high);
        }
    }
}
