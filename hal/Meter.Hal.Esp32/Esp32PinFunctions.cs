using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary>
    /// Routes the meter's SPI bus (SPI1), optical-port UART (COM2) and module UART (COM3) to their GPIOs through the ESP32's
    /// GPIO matrix (nanoFramework.Hardware.Esp32 Configuration.SetPinFunction). Must run before
    /// System.Device.Spi / System.IO.Ports open the bus and the port. The GPIOs come from the board
    /// definition (boards/Meter.Boards.Wiring Esp32Routing).
    /// </summary>
    public static class Esp32PinFunctions
    {
        /// <summary>Routes SPI1 (SCLK, MISO, MOSI), COM2 (TX, RX) and COM3 (TX, RX; -1 = no module UART) to the given GPIOs.</summary>
        public static void Route(int spiClockGpio, int spiMisoGpio, int spiMosiGpio, int opticalTxGpio, int opticalRxGpio,
            int moduleTxGpio, int moduleRxGpio)
        {
            if (moduleTxGpio >= 0) Configuration.SetPinFunction(moduleTxGpio, DeviceFunction.COM3_TX);
            if (moduleRxGpio >= 0) Configuration.SetPinFunction(moduleRxGpio, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(spiClockGpio, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(spiMisoGpio, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(spiMosiGpio, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(opticalTxGpio, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(opticalRxGpio, DeviceFunction.COM2_RX);
        }
    }
}
