using System;
using System.Threading;

namespace Meter.Hal.Device
{
    /// <summary>
    /// <see cref="IDelay"/> with Thread.Sleep, for the board only (reset pulses, start-up polls):
    /// the wait is rounded up to whole milliseconds, so it is never shorter than asked.
    /// </summary>
    public sealed class SleepDelay : IDelay
    {
        /// <summary>Longest wait accepted, µs (10 s): drivers only wait for chip resets and start-ups.</summary>
        public const int MaxMicroseconds = 10000000;

        /// <inheritdoc />
        public void Wait(int microseconds)
        {
            int milliseconds = MillisecondsFor(microseconds);
            if (milliseconds > 0) Thread.Sleep(milliseconds);
        }

        /// <summary>Whole milliseconds that cover <paramref name="microseconds"/> (rounded up).</summary>
        public static int MillisecondsFor(int microseconds)
        {
            if (microseconds < 0 || microseconds > MaxMicroseconds)
                throw new ArgumentOutOfRangeException("microseconds", "delay must be 0 to 10 000 000 µs");
            return (microseconds + 999) / 1000;
        }
    }
}
