namespace Meter.Metrology.Quality
{
    /// <summary>
    /// Frequency 10-s values (IEC 61000-4-30 §5.1.1: the 10-s intervals follow the clock's 10-s ticks).
    /// The standard counts the integral cycles in the interval over their cumulative duration; the
    /// meter samples the chip's line period (xPERIOD, one cycle, 256 kHz ticks) at each measurement
    /// read, so the value is cycles / Σ sampled periods: n · clock / Σ period. Integer, no allocation.
    /// </summary>
    public sealed class TenSecondFrequency
    {
        private readonly long _periodClockHz;
        private long _interval = long.MinValue;
        private long _periodSum;
        private int _samples;

        /// <summary>Frequencies from periods counted with a <paramref name="periodClockHz"/> clock (ADE7880: 256 kHz).</summary>
        public TenSecondFrequency(long periodClockHz)
        {
            if (periodClockHz <= 0) throw new System.ArgumentOutOfRangeException("periodClockHz", "the period clock must be positive");
            _periodClockHz = periodClockHz;
        }

        /// <summary>The last completed 10-s value, mHz.</summary>
        public long Millihertz { get; private set; }

        /// <summary>UTC seconds at which <see cref="Millihertz"/>'s interval started (a multiple of 10).</summary>
        public long IntervalStart { get; private set; }

        /// <summary>Drops the open 10-s interval (the clock was set back); the last completed value stays.</summary>
        public void Restart()
        {
            _interval = long.MinValue;
            _periodSum = 0;
            _samples = 0;
        }

        /// <summary>
        /// Adds a period sampled at <paramref name="clockSeconds"/> (UTC seconds). True when this sample is
        /// the first of a new 10-s interval and the previous interval's value is now in <see cref="Millihertz"/>.
        /// A period ≤ 0 (no voltage) adds nothing.
        /// </summary>
        public bool Add(long clockSeconds, int period)
        {
            long interval = FixedPoint.FloorDiv(clockSeconds, 10);
            bool completed = false;
            if (interval != _interval)
            {
                if (_samples > 0)
                {
                    Millihertz = FixedPoint.DivideRounded(_periodClockHz * 1000 * _samples, _periodSum);
                    IntervalStart = _interval * 10;
                    completed = true;
                }
                _interval = interval;
                _periodSum = 0;
                _samples = 0;
            }
            if (period > 0)
            {
                _periodSum += period;
                _samples++;
            }
            return completed;
        }
    }
}
