namespace Meter.Boards.Wiring
{
    /// <summary>
    /// The GPIOs a board puts the meter's SPI bus (SPI1), optical-port UART (COM2) and module UART (COM3) on, for the ESP32's
    /// GPIO matrix (hal/Meter.Hal.Esp32 Esp32PinFunctions.Route, which must run before the bus and the port open).
    /// </summary>
    public sealed class Esp32Routing
    {
        private Esp32Routing(int spiClock, int spiMiso, int spiMosi, int opticalTx, int opticalRx, int moduleTx, int moduleRx)
        {
            ModuleTx = moduleTx;
            ModuleRx = moduleRx;
            SpiClock = spiClock;
            SpiMiso = spiMiso;
            SpiMosi = spiMosi;
            OpticalTx = opticalTx;
            OpticalRx = opticalRx;
        }

        /// <summary>SPI1 clock GPIO.</summary>
        public int SpiClock { get; }
        /// <summary>SPI1 MISO GPIO.</summary>
        public int SpiMiso { get; }
        /// <summary>SPI1 MOSI GPIO.</summary>
        public int SpiMosi { get; }
        /// <summary>COM2 TX GPIO (optical port).</summary>
        public int OpticalTx { get; }
        /// <summary>COM2 RX GPIO (optical port).</summary>
        public int OpticalRx { get; }

        /// <summary>COM3 TX GPIO (module UART), -1 when the board has none.</summary>
        public int ModuleTx { get; }
        /// <summary>COM3 RX GPIO (module UART), -1 when the board has none.</summary>
        public int ModuleRx { get; }
        /// <summary>The routing of <paramref name="board"/>; throws <see cref="System.ArgumentException"/> for a bus or UART the ESP32 boards do not use.</summary>
        public static Esp32Routing For(BoardDefinition board)
        {
            if (board == null) throw new System.ArgumentNullException("board");
            // Only SPI1 and COM2 are used by the catalog boards; anything else is a board-definition error.
            if (board.SpiBusId != 1) throw new System.ArgumentException("ESP32 boards put the meter's chips on SPI1", "board");
            if (board.OpticalUart != "COM2") throw new System.ArgumentException("ESP32 boards put the optical port on COM2", "board");
            if (board.ModuleUart != null && board.ModuleUart != "COM3") throw new System.ArgumentException("ESP32 boards put the module UART on COM3", "board");
            int moduleTx = -1, moduleRx = -1;
            if (board.ModuleUart != null)
            {
                moduleTx = board.Require(BoardSignal.ModuleTx).Number;
                moduleRx = board.Require(BoardSignal.ModuleRx).Number;
            }
            return new Esp32Routing(board.Require(BoardSignal.SpiClock).Number, board.Require(BoardSignal.SpiMiso).Number,
                board.Require(BoardSignal.SpiMosi).Number, board.Require(BoardSignal.OpticalTx).Number, board.Require(BoardSignal.OpticalRx).Number,
                moduleTx, moduleRx);
        }
    }
}
