namespace Meter.Hal.Device
{
    /// <summary>
    /// Software watchdog over the app's threads (nanoFramework exposes no hardware watchdog to
    /// managed code): each thread beats with the monotonic clock; the supervisor asks
    /// <see cref="FirstStalled"/> and restarts the device when a thread has not beaten within
    /// its limit. Times are milliseconds from a wrapping 32-bit counter (differences stay right
    /// across the wrap for limits below 24 days); a beat is one atomic int write, so threads
    /// never block each other.
    /// </summary>
    public sealed class HeartbeatWatchdog
    {
        private readonly string[] _names;
        private readonly int[] _limits;
        private readonly int[] _lastBeat;
        private readonly bool[] _started;
        private int _count;

        /// <summary>A watchdog for at most <paramref name="capacity"/> threads.</summary>
        public HeartbeatWatchdog(int capacity)
        {
            if (capacity <= 0) throw new System.ArgumentOutOfRangeException("capacity", "capacity must be positive");
            _names = new string[capacity];
            _limits = new int[capacity];
            _lastBeat = new int[capacity];
            _started = new bool[capacity];
        }

        /// <summary>Number of watched threads.</summary>
        public int Count { get { return _count; } }

        /// <summary>
        /// Watches a thread called <paramref name="name"/> that must beat at least every
        /// <paramref name="limitMilliseconds"/> once it has beaten the first time; returns its index.
        /// </summary>
        public int Watch(string name, int limitMilliseconds)
        {
            if (name == null) throw new System.ArgumentNullException("name");
            if (limitMilliseconds <= 0) throw new System.ArgumentOutOfRangeException("limitMilliseconds", "limit must be positive");
            if (_count == _names.Length) throw new System.InvalidOperationException("watchdog is full");
            _names[_count] = name;
            _limits[_count] = limitMilliseconds;
            return _count++;
        }

        /// <summary>Thread <paramref name="index"/> is alive at <paramref name="nowMilliseconds"/>.</summary>
        public void Beat(int index, long nowMilliseconds)
        {
            CheckIndex(index);
            _lastBeat[index] = (int)nowMilliseconds; // low 32 bits; see class remarks
            _started[index] = true;
        }

        /// <summary>Index of the first started thread whose last beat is older than its limit at <paramref name="nowMilliseconds"/>, or -1.</summary>
        public int FirstStalled(long nowMilliseconds)
        {
            int now = (int)nowMilliseconds;
            for (int i = 0; i < _count; i++)
            {
                if (!_started[i]) continue;
                int since = unchecked(now - _lastBeat[i]);
                if (since > _limits[i] || since < 0) return i;
            }
            return -1;
        }

        /// <summary>Name of watched thread <paramref name="index"/>.</summary>
        public string NameOf(int index)
        {
            CheckIndex(index);
            return _names[index];
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index", "not a watched thread");
        }
    }
}
