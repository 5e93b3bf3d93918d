using Meter.Boards;
using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary>
    /// Routes the board's SPI bus and optical-port UART to their GPIOs through the ESP32's GPIO
    /// matrix (nanoFramework.Hardware.Esp32 Configuration.SetPinFunction). Must run before
    /// System.Device.Spi / System.IO.Ports open the bus and the port.
    /// </summary>
    public static class Esp32PinFunctions
    {
        /// <summary>Routes SPI1 (SCLK, MISO, MOSI) and COM2 (TX, RX) as <paramref name="board"/> maps them.</summary>
        public static void Route(BoardDefinition board)
        {
            if (board == null) throw new System.ArgumentNullException("board");
            // Only SPI1 and COM2 are used by the catalog boards; anything else is a board-definition error.
            if (board.SpiBusId != 1) throw new System.ArgumentException("ESP32 boards put the meter's chips on SPI1", "board");
            if (board.OpticalUart != "COM2") throw new System.ArgumentException("ESP32 boards put the optical port on COM2", "board");
            Configuration.SetPinFunction(board.Require(BoardSignal.SpiClock).Number, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(board.Require(BoardSignal.SpiMiso).Number, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(board.Require(BoardSignal.SpiMosi).Number, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(board.Require(BoardSignal.OpticalTx).Number, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(board.Require(BoardSignal.OpticalRx).Number, DeviceFunction.COM2_RX);
        }
    }
}
