namespace Meter.Hal.Device
{
    /// <summary>
    /// Opens the board's buses and pins. <see cref="SystemDeviceIo"/> does it with
    /// System.Device.* and System.IO.Ports; tests record what <see cref="BoardHardware"/> opens.
    /// </summary>
    public interface IBoardIo
    {
        /// <summary>The chip behind <paramref name="chipSelectGpio"/> on SPI bus <paramref name="busId"/>, mode 3, at <paramref name="clockHz"/>.</summary>
        ISpiDevice OpenSpi(int busId, int chipSelectGpio, int clockHz);

        /// <summary>GPIO <paramref name="gpio"/> as an output, driven to <paramref name="initialHigh"/> at once.</summary>
        IOutputPin OpenOutput(int gpio, bool initialHigh);

        /// <summary>GPIO <paramref name="gpio"/> as an input with edge events, with the internal pull-up when <paramref name="pullUp"/>.</summary>
        IInputPin OpenInput(int gpio, bool pullUp);

        /// <summary>The UART <paramref name="portName"/> opened 8N1 at <paramref name="baudRate"/>.</summary>
        IUartPort OpenUart(string portName, int baudRate);
    }
}
