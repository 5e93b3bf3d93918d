using Meter.Hal;
using Meter.Optical;

namespace Meter.App
{
    /// <summary>The programming switch behind the seal: an active-low input (low = programming position, legal data writable).</summary>
    internal sealed class SealSwitch : IProgrammingSwitch
    {
        private readonly IInputPin _pin;

        public SealSwitch(IInputPin pin)
        {
            _pin = pin;
        }

        public bool IsOpen
        {
            get { return !_pin.Read(); }
        }
    }
}
