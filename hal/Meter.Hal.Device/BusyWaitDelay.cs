using System;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IDelay"/> that spins on a microsecond clock: for bit-banged buses whose half periods are a few µs
    /// (the HT1621's WR clock), where <see cref="SleepDelay"/> would turn each one into a whole 1 ms Thread.Sleep and a
    /// full LCD frame into half a second on the meter thread. Spinning blocks the thread, so only short waits are
    /// accepted (<see cref="MaxMicroseconds"/>); longer ones belong to <see cref="SleepDelay"/>.
    /// </summary>
    public sealed class BusyWaitDelay : IDelay
    {
        /// <summary>Longest wait accepted, µs: a tenth of the meter's 10 ms tick.</summary>
        public const int MaxMicroseconds = 1000;

        private readonly IMicrosecondTimer _clock;

        /// <summary>Waits on <paramref name="clock"/>'s free-running microsecond count (the ESP32's esp_timer on the board).</summary>
        public BusyWaitDelay(IMicrosecondTimer clock)
        {
            if (clock == null) throw new ArgumentNullException("clock");
            _clock = clock;
        }

        /// <summary>Waits performed so far (for the tick budget).</summary>
        public long Waits { get; private set; }

        /// <summary>Microseconds requested so far (for the tick budget).</summary>
        public long RequestedMicroseconds { get; private set; }

        /// <inheritdoc />
        public void Wait(int microseconds)
        {
            if (microseconds < 0 || microseconds > MaxMicroseconds)
                throw new ArgumentOutOfRangeException("microseconds", "a busy wait must be 0 to 1000 µs");
            Waits++;
            RequestedMicroseconds += microseconds;
            if (microseconds == 0) return;
            long start = _clock.NowMicroseconds;
            // "At least": the first read may come just before the clock steps, so wait one more µs than asked.
            while (_clock.NowMicroseconds - start <= microseconds)
            {
            }
        }
    }
}
