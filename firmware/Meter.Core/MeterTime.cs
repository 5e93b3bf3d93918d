using Meter.Clock;

namespace Meter.Core
{
    /// <summary>
    /// The meter's "now": the monotonic ms of the last cycle or tick and the UTC seconds read
    /// from the clock then. One instance, advanced by the schedule (ElectricityMeter) and by a
    /// clock setting; every component that stamps or times something reads it here.
    /// </summary>
    public sealed class MeterTime
    {
        private readonly MeterClock _clock;

        /// <summary>Time read from <paramref name="clock"/>.</summary>
        public MeterTime(MeterClock clock)
        {
            _clock = clock;
        }

        /// <summary>UTC seconds at the last cycle, tick or clock setting.</summary>
        public long UtcSeconds { get; private set; }

        /// <summary>Monotonic ms of the last cycle or tick.</summary>
        public long NowMs { get; private set; }

        /// <summary>Takes <paramref name="nowMs"/> as the current monotonic time.</summary>
        public void SetNow(long nowMs)
        {
            NowMs = nowMs;
        }

        /// <summary>Reads the clock (one RTC read) into <see cref="UtcSeconds"/>.</summary>
        public long ReadClock()
        {
            UtcSeconds = _clock.ReadUtcSeconds();
            return UtcSeconds;
        }

        /// <summary>The clock was set (or booted) to <paramref name="utcSeconds"/>.</summary>
        public void SetUtc(long utcSeconds)
        {
            UtcSeconds = utcSeconds;
        }
    }
}
