using System.Threading;
using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Core;
using Meter.Hal.Device;

namespace Meter.App
{
    /// <summary>
    /// The one thread that runs the meter (ElectricityMeter is not thread-safe): every
    /// <see cref="TickMilliseconds"/> it takes the pin signals (metering IRQ, mains fail, button),
    /// runs a metering cycle on the IRQ or when the cycle time passed without one, polls the
    /// expander inputs, and ticks the meter (S0 pulses, display, optical port, storage closing).
    /// </summary>
    internal sealed class MeterThread
    {
        /// <summary>Loop period: the optical port at 19 200 Bd gets a character every 0.52 ms and the UART buffers them; 10 ms keeps the S0 and display timing tight.</summary>
        public const int TickMilliseconds = 10;

        /// <summary>The watchdog restarts the device when the loop has not run for this long.</summary>
        public const int StallMilliseconds = 5000;

        private readonly ElectricityMeter _meter;
        private readonly BoardHardware _board;
        private readonly HeartbeatWatchdog _watchdog;
        private readonly PendingSignals _signals = new PendingSignals();
        private readonly int _beat;
        private readonly int _cycleMilliseconds;
        private Thread _thread;

        public MeterThread(ElectricityMeter meter, BoardHardware board, HeartbeatWatchdog watchdog)
        {
            _meter = meter;
            _board = board;
            _watchdog = watchdog;
            _cycleMilliseconds = meter.Settings.CycleMilliseconds;
            _beat = watchdog.Watch("meter", StallMilliseconds);
            // The pins' Changed events keep these signal objects alive.
            new FallingEdgeSignal(board.Input(BoardSignal.Ade7880Irq0), _signals, PendingSignals.EnergyReady);
            if (board.Input(BoardSignal.MainsFail) != null)
                new FallingEdgeSignal(board.Input(BoardSignal.MainsFail), _signals, PendingSignals.MainsFail);
            if (board.Input(BoardSignal.PushButton) != null)
                new FallingEdgeSignal(board.Input(BoardSignal.PushButton), _signals, PendingSignals.ButtonPressed);
        }

        public void Start()
        {
            _thread = new Thread(new ThreadStart(Run));
            _thread.Start();
        }

        private void Run()
        {
            try
            {
                long lastCycle = MonotonicClock.NowMilliseconds;
                while (true)
                {
                    long now = MonotonicClock.NowMilliseconds;
                    int signals = _signals.TakeAll();
                    // Mains fail first: the registers are saved while the backup supply lasts.
                    if ((signals & PendingSignals.MainsFail) != 0) _meter.OnMainsFail(now);
                    if ((signals & PendingSignals.EnergyReady) != 0 || now - lastCycle >= _cycleMilliseconds)
                    {
                        _meter.OnEnergyReady(now);
                        lastCycle = now;
                    }
                    if ((signals & PendingSignals.ButtonPressed) != 0) _meter.PressButton(now);
                    _board.PollSlowInputs();
                    _meter.Tick(now);
                    _watchdog.Beat(_beat, now);
                    Thread.Sleep(TickMilliseconds);
                }
            }
            catch (System.Exception e)
            {
                Restart.AfterFault(_meter, FaultCode.Of(e), e.Message);
            }
        }
    }
}
