using System.Device.Gpio;
using System.Threading;
using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Core;
using Meter.Hal.Device;
using Meter.Hal.Esp32;

namespace Meter.App
{
    /// <summary>The application nanoFramework starts on the ESP32.</summary>
    public static class Program
    {
        /// <summary>How often the main thread checks the watchdog, ms.</summary>
        private const int SuperviseMilliseconds = 1000;

        /// <summary>
        /// Builds the board (nf.config's board, see <see cref="DeploymentSettings"/>) and the meter
        /// (nf.config's preset), starts the meter thread and supervises it. Any fault is logged to
        /// the event log before a clean reboot.
        /// </summary>
        public static void Main()
        {
            ElectricityMeter meter = null;
            try
            {
                System.Console.WriteLine("meter: start, woken from deep sleep: " + (Esp32Power.WokeFromDeepSleep() ? "yes" : "no"));
                BoardDefinition board = BoardCatalog.ByName(DeploymentSettings.Board);
                Esp32Routing routing = Esp32Routing.For(board);
                Esp32PinFunctions.Route(routing.SpiClock, routing.SpiMiso, routing.SpiMosi, routing.OpticalTx, routing.OpticalRx,
                    routing.ModuleTx, routing.ModuleRx);
                // Chip resets and start-ups sleep; the HT1621's 2 µs WR half periods spin (docs/timing-budget.md).
                BoardHardware hardware = new BoardHardware(board, new SystemDeviceIo(new GpioController()), new SleepDelay(),
                    new BusyWaitDelay(new Esp32MicrosecondTimer()));
                // Fail early and clearly when the FRAM does not answer (wiring, chip select).
                if (hardware.Fram != null) hardware.Fram.ReadDeviceId(new byte[4]);
                if (hardware.LcdChips != null)
                    for (int i = 0; i < hardware.LcdChips.Length; i++) hardware.LcdChips[i].Initialize();

                MeterSettings settings = PresetSettings.FromPresetName(DeploymentSettings.Preset);
                meter = new ElectricityMeter(settings, MeterWiring.Build(hardware, settings.S0PulseMilliseconds));
                // A blank NV memory starts the clock here, marked invalid until it is set.
                meter.Start(MonotonicClock.NowMilliseconds, new System.DateTime(2026, 1, 1));

                HeartbeatWatchdog watchdog = new HeartbeatWatchdog(2);
                MeterThread loop = new MeterThread(meter, hardware, watchdog);
                loop.Start();
                while (true)
                {
                    Thread.Sleep(SuperviseMilliseconds);
                    int stalled = watchdog.FirstStalled(MonotonicClock.NowMilliseconds);
                    if (stalled >= 0) Restart.AfterFault(meter, FaultCode.Watchdog, "thread stalled: " + watchdog.NameOf(stalled));
                }
            }
            catch (System.Exception e)
            {
                Restart.AfterFault(meter, FaultCode.Of(e), e.Message);
            }
        }
    }
}
