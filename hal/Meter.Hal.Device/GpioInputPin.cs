using System;
using System.Device.Gpio;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IInputPin"/> over System.Device.Gpio. Edges arrive through the controller's
    /// callback (same signature on nanoFramework and .NET IoT); on nanoFramework they are
    /// dispatched on a managed thread, milliseconds after the edge, never in an ISR.
    /// <see cref="Dispose"/> stops the events and closes the pin on its controller.
    /// </summary>
    public sealed class GpioInputPin : IInputPin, IDisposable
    {
        private readonly GpioController _controller;
        private readonly GpioPin _pin;
        private readonly int _pinNumber;
        private bool _closed;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as an input, with the chip's pull-up when
        /// <paramref name="pullUp"/> (ESP32 GPIO34–39 have none: those need an external resistor,
        /// which the board definition checks), and listens to both edges.
        /// </summary>
        public GpioInputPin(GpioController controller, int pinNumber, bool pullUp)
        {
            if (controller == null) throw new ArgumentNullException("controller");
            if (pinNumber < 0) throw new ArgumentOutOfRangeException("pinNumber", "GPIO number must not be negative");
            _controller = controller;
            _pinNumber = pinNumber;
            _pin = controller.OpenPin(pinNumber, pullUp ? PinMode.InputPullUp : PinMode.Input);
            controller.RegisterCallbackForPinValueChangedEvent(pinNumber, PinEventTypes.Rising | PinEventTypes.Falling, OnPinValueChanged);
        }

        /// <summary>The GPIO number.</summary>
        public int PinNumber { get { return _pinNumber; } }

        /// <inheritdoc />
        public event PinChangedHandler Changed;

        /// <inheritdoc />
        public bool Read()
        {
            if (_closed) throw new ObjectDisposedException("GpioInputPin");
            return _pin.Read() == PinValue.High;
        }

        /// <summary>Stops listening to edges (the pin stays open).</summary>
        public void StopEvents()
        {
            if (_closed) return;
            _controller.UnregisterCallbackForPinValueChangedEvent(_pinNumber, OnPinValueChanged);
        }

        /// <summary>Stops the events and closes the pin (GpioController.ClosePin); later reads throw <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
        public void Dispose()
        {
            if (_closed) return;
            StopEvents();
            _closed = true;
            _controller.ClosePin(_pinNumber);
        }

        private void OnPinValueChanged(object sender, PinValueChangedEventArgs e)
        {
            PinChangedHandler handler = Changed;
            if (handler == null) return;
            // The edge tells the new level: rising = now high. (Reading the pin again could see a
            // later level when the event is dispatched late.)
            handler(this, e.ChangeType == PinEventTypes.Rising);
        }
    }
}
