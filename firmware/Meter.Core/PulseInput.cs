namespace Meter.Core
{
    /// <summary>
    /// The pulse input's counter: the debounced level of the input (<see cref="DebouncedInput"/>) sampled at every
    /// meter tick, one count per accepted change to active. A pulse counts when its active level and the pause
    /// before the next both hold for <see cref="MinimumLevelMilliseconds"/>: at the debounce of
    /// <see cref="DebounceMilliseconds"/> and a poll every <see cref="PollMilliseconds"/> (Meter.App MeterThread
    /// TickMilliseconds) a level seen first up to one poll after its edge needs a sample a debounce later, so
    /// 30 ms — DIN 43864's S0 pulse length, the seeds' shortest "30 msec" output pulse — is the shortest
    /// pulse and pause counted, and <see cref="MaximumMillihertz"/> (16.67 Hz) the highest frequency at
    /// 50 % duty. Allocation-free.
    /// </summary>
    public sealed class PulseInput
    {
        /// <summary>A level must hold this long to count (contact bounce of a reed switch lasts a few ms).</summary>
        public const long DebounceMilliseconds = 20;
        /// <summary>The meter's tick period on the device (Meter.App MeterThread.TickMilliseconds).</summary>
        public const long PollMilliseconds = 10;
        /// <summary>Shortest pulse and shortest pause that count at any phase of the poll: debounce + one poll.</summary>
        public const long MinimumLevelMilliseconds = DebounceMilliseconds + PollMilliseconds;
        /// <summary>Highest input frequency counted exactly, mHz: 1 / (2 × 30 ms) = 16 666 mHz.</summary>
        public const long MaximumMillihertz = 1000000 / (2 * MinimumLevelMilliseconds);

        private readonly DebouncedInput _input = new DebouncedInput(DebounceMilliseconds, false);
        private long _count;

        /// <summary>Pulses counted over the meter's life.</summary>
        public long Count { get { return _count; } }

        /// <summary>The accepted level (true = active).</summary>
        public bool IsActive { get { return _input.IsOn; } }

        /// <summary>Takes a restored count and level (at start, or when the pin takes this role), with no change pending.</summary>
        public void Restore(long count, bool active)
        {
            _count = count;
            _input.Reset(active);
        }

        /// <summary>Takes the level <paramref name="active"/> at <paramref name="nowMs"/>; true when it changed the accepted level.</summary>
        public bool Sample(bool active, long nowMs)
        {
            if (!_input.Sample(active, nowMs, 0)) return false;
            if (_input.IsOn) _count++;
            return true;
        }
    }
}
