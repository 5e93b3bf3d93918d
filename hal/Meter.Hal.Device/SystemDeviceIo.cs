using System.Device.Gpio;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IBoardIo"/> over System.Device.Gpio/Spi and System.IO.Ports. On the ESP32 the
    /// SPI and UART pins must have been routed first (Meter.Hal.Esp32's pin functions).
    /// </summary>
    public sealed class SystemDeviceIo : IBoardIo
    {
        private readonly GpioController _gpio;

        /// <summary>Uses <paramref name="gpio"/> for every pin.</summary>
        public SystemDeviceIo(GpioController gpio)
        {
            if (gpio == null) throw new System.ArgumentNullException("gpio");
            _gpio = gpio;
        }

        /// <inheritdoc />
        public ISpiDevice OpenSpi(int busId, int chipSelectGpio, int clockHz)
        {
            return SpiBusDevice.Open(busId, chipSelectGpio, clockHz);
        }

        /// <inheritdoc />
        public IOutputPin OpenOutput(int gpio, bool initialHigh)
        {
            return new GpioOutputPin(_gpio, gpio, initialHigh);
        }

        /// <inheritdoc />
        public IInputPin OpenInput(int gpio, bool pullUp)
        {
            return new GpioInputPin(_gpio, gpio, pullUp);
        }

        /// <inheritdoc />
        public IUartPort OpenUart(string portName, int baudRate)
        {
            return new SerialPortUart(portName, baudRate);
        }
    }
}
