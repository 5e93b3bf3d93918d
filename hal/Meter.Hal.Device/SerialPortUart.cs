using System;
using System.IO.Ports;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IUartPort"/> over System.IO.Ports.SerialPort, opened 8N1 (the optical port's
    /// 7E1 is done in software by <see cref="SoftwareParitySerialLink"/>). On the ESP32 the port
    /// name is "COM1".."COM3" and its pins are set first with the ESP32 pin functions
    /// (Meter.Hal.Esp32); on Linux it is a device path such as /dev/ttyS0.
    /// </summary>
    public sealed class SerialPortUart : IUartPort
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/>, 8 data bits, no parity, 1 stop bit.</summary>
        public SerialPortUart(string portName, int baudRate)
        {
            if (portName == null) throw new ArgumentNullException("portName");
            if (baudRate <= 0) throw new ArgumentOutOfRangeException("baudRate", "baud rate must be positive");
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Open();
        }

        /// <inheritdoc />
        public int BaudRate
        {
            get { return _port.BaudRate; }
            set { _port.BaudRate = value; }
        }

        /// <inheritdoc />
        public int BytesToRead { get { return _port.BytesToRead; } }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            return _port.Read(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
