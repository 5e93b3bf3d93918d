namespace Meter.Core
{
    /// <summary>
    /// One sampled on/off input with a debounce: a new level counts once every sample for at
    /// least <see cref="DebounceMilliseconds"/> saw it, so switch bounce and a level that comes
    /// back before then change nothing. The change is dated at its onset (the first sample that
    /// saw the new level), not at the moment the debounce accepted it. Allocation-free.
    /// </summary>
    public sealed class DebouncedInput
    {
        private readonly long _debounceMs;
        private bool _stable;
        private bool _pending;
        private long _onsetMs;
        private long _onsetUtcSeconds;

        /// <summary>An input that has been at <paramref name="initial"/> and accepts a change after <paramref name="debounceMilliseconds"/> (≥ 0).</summary>
        public DebouncedInput(long debounceMilliseconds, bool initial)
        {
            if (debounceMilliseconds < 0) throw new System.ArgumentOutOfRangeException("debounceMilliseconds", "debounce must not be negative");
            _debounceMs = debounceMilliseconds;
            _stable = initial;
        }

        /// <summary>The debounce time, ms.</summary>
        public long DebounceMilliseconds { get { return _debounceMs; } }

        /// <summary>The accepted (debounced) level.</summary>
        public bool IsOn { get { return _stable; } }

        /// <summary>UTC seconds at the onset of the last accepted change (valid after <see cref="Sample"/> returned true).</summary>
        public long ChangedAtUtcSeconds { get { return _onsetUtcSeconds; } }

        /// <summary>Makes <paramref name="on"/> the accepted level, with no change pending (a state restored at start).</summary>
        public void Reset(bool on)
        {
            _stable = on;
            _pending = false;
        }

        /// <summary>
        /// Takes the level <paramref name="on"/> seen at monotonic <paramref name="nowMs"/> (UTC
        /// <paramref name="utcSeconds"/>); true when this sample completes a change of the accepted level.
        /// </summary>
        public bool Sample(bool on, long nowMs, long utcSeconds)
        {
            if (on == _stable)
            {
                _pending = false; // back before the debounce ran out: a bounce
                return false;
            }
            if (!_pending)
            {
                _pending = true;
                _onsetMs = nowMs;
                _onsetUtcSeconds = utcSeconds;
            }
            if (nowMs - _onsetMs < _debounceMs) return false;
            _stable = on;
            _pending = false;
            return true;
        }
    }
}
