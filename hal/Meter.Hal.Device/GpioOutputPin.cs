using System;
using System.Device.Gpio;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IOutputPin"/> over System.Device.Gpio (nanoFramework on the ESP32, .NET IoT on
    /// Linux). The level written is the electrical level: polarity of what the pin drives
    /// (active-low reset, optocoupler, relay driver) is recorded in the board definition.
    /// <see cref="Dispose"/> closes the pin on its controller.
    /// </summary>
    public sealed class GpioOutputPin : IOutputPin, IDisposable
    {
        private readonly GpioController _controller;
        private readonly GpioPin _pin;
        private readonly int _pinNumber;
        private bool _high;
        private bool _closed;

        /// <summary>Opens <paramref name="pinNumber"/> as a push-pull output and drives <paramref name="initialHigh"/>.</summary>
        public GpioOutputPin(GpioController controller, int pinNumber, bool initialHigh)
        {
            if (controller == null) throw new ArgumentNullException("controller");
            if (pinNumber < 0) throw new ArgumentOutOfRangeException("pinNumber", "GPIO number must not be negative");
            _controller = controller;
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
            if (_closed) throw new ObjectDisposedException("GpioOutputPin");
            _pin.Write(high ? PinValue.High : PinValue.Low);
            _high = high;
        }

        /// <summary>Closes the pin (GpioController.ClosePin), so it may be opened again; later writes throw <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _controller.ClosePin(_pinNumber);
        }
    }
}
