using System.Threading;

namespace Meter.Hal.Device
{
    /// <summary>
    /// Signals raised by pin events (ADE7880 IRQ, mains fail, push button), which nanoFramework
    /// dispatches on its own threads, for the one meter thread to take: the meter is not
    /// thread-safe, so pin handlers only raise a bit here. Lock-free, allocation-free; a signal
    /// raised twice before it is taken is taken once.
    /// </summary>
    public sealed class PendingSignals
    {
        /// <summary>ADE7880 IRQ0 fell: an energy accumulation period ended.</summary>
        public const int EnergyReady = 1;
        /// <summary>The mains-fail comparator fell: save the registers now.</summary>
        public const int MainsFail = 2;
        /// <summary>The display button was pressed.</summary>
        public const int ButtonPressed = 4;
        // No tamper signal: the meter samples the terminal-cover and magnet inputs every tick
        // through its debouncer (Meter.Core TamperMonitor), and on the reference board they sit on
        // the MCP23S17, whose INT line is not wired, so no pin interrupt could raise one.

        private int _bits;

        /// <summary>Raises <paramref name="signal"/> (one of the constants, or several or-ed).</summary>
        public void Raise(int signal)
        {
            while (true)
            {
                int before = _bits;
                if (Interlocked.CompareExchange(ref _bits, before | signal, before) == before) return;
            }
        }

        /// <summary>Takes every raised signal at once and clears them; 0 when none.</summary>
        public int TakeAll()
        {
            return Interlocked.Exchange(ref _bits, 0);
        }
    }
}
