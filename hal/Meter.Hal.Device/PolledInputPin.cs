namespace Meter.Hal.Device
{
    /// <summary>
    /// An input whose <see cref="Read"/> gives the level its pin's <see cref="IInputPin.Changed"/>
    /// events last reported, read from the pin once at creation. For the I/O expander's inputs,
    /// whose events the MCP23S17 driver's Poll (hal/Meter.Hal.Mcp23s17) raises on the meter thread every tick: the meter
    /// samples the tamper inputs every tick, and a direct read would cost an SPI transfer each.
    /// </summary>
    public sealed class PolledInputPin : IInputPin
    {
        private bool _level;

        /// <summary>Follows <paramref name="pin"/>.</summary>
        public PolledInputPin(IInputPin pin)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            _level = pin.Read();
            pin.Changed += OnChanged;
        }

        /// <inheritdoc />
        public event PinChangedHandler Changed;

        /// <summary>The level of the last event (or of the first read): no bus traffic.</summary>
        public bool Read()
        {
            return _level;
        }

        private void OnChanged(IInputPin pin, bool isHigh)
        {
            _level = isHigh;
            PinChangedHandler handler = Changed;
            if (handler != null) handler(this, isHigh);
        }
    }
}
