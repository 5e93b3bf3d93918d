using System.Device.Gpio;
using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Hal.Device;
using Meter.Hal.Esp32;

namespace Meter.OnBoard.Tests
{
    /// <summary>
    /// The board under test, opened once for all tests (pins can be opened only once).
    /// Set <see cref="BoardName"/> to the board on the bench; wire the loop-backs of README.md.
    /// </summary>
    internal static class TestBoard
    {
        /// <summary>Board on the bench (boards/Meter.Boards BoardCatalog).</summary>
        public const string BoardName = "devkitc-eval-ade7880";

        /// <summary>Spare GPIO wired to the S0 output for the pulse-width test (DevKitC: GPIO4; reference board: test pad TP4 = GPIO12 is not usable, use GPIO4 with the RTC removed).</summary>
        public const int S0LoopbackGpio = 4;

        private static BoardHardware s_hardware;
        private static GpioController s_gpio;

        public static GpioController Gpio
        {
            get
            {
                Open();
                return s_gpio;
            }
        }

        public static BoardHardware Hardware
        {
            get
            {
                Open();
                return s_hardware;
            }
        }

        private static void Open()
        {
            if (s_hardware != null) return;
            BoardDefinition board = BoardCatalog.ByName(BoardName);
            Esp32Routing routing = Esp32Routing.For(board);
            Esp32PinFunctions.Route(routing.SpiClock, routing.SpiMiso, routing.SpiMosi, routing.OpticalTx, routing.OpticalRx,
                    routing.ModuleTx, routing.ModuleRx);
            s_gpio = new GpioController();
            s_hardware = new BoardHardware(board, new SystemDeviceIo(s_gpio), new SleepDelay());
        }
    }
}
