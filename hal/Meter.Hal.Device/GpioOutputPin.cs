using System;
using System.Device.Gpio;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IOutputPin"/> over System.Device.Gpio (nanoFramework on the ESP32, .NET IoT on
    /// Linux). The level written is the electrical level: polarity of what the pin drives
    /// (active-low reset, optocoupler, relay driver) is recorded in the board definition.
    /// </summary>
    public sealed class GpioOutputPin : IOutputPin
    {
        private readonly GpioPin _pin;
        private readonly int _pinNumber;
        private bool _high;

        /// <summary>Opens <paramref name="pinNumber"/> as a push-pull output and drives <paramref name="initialHigh"/>.</summary>
        public GpioOutputPin(GpioController controller, int pinNumber, bool initialHigh)
        {
            if (controller == null) throw new ArgumentNullException("controller");
            if (pinNumber < 0) throw new ArgumentOutOfRangeException("pinNumber", "GPIO number must not be negative");
            _pinNumber = pinNumber;
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            Write(initialHigh);
        }

        /// <summary>The GPIO number.</summary>
        public int PinNumber { get { return _pinNumber; } }

        /// <summary>The level last written.</summary>
        public bool IsHigh { get { return _high; } }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
            _high = high;
        }
    }
}
