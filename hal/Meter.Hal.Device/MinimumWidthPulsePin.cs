namespace Meter.Hal.Device
{
    /// <summary>
    /// An output that never shows a high level shorter than <see cref="WidthMicroseconds"/>: the S0
    /// output, whose pulses must last at least 30 ms (IEC 62053-31 class A). The pulse engine
    /// (Meter.Metrology PulseOutput) ends its pulses on the meter thread's tick; if it asks for the
    /// low level early (clock granularity, a late rising edge), the low level waits for the
    /// microsecond timer. Levels held longer (the no-load indication) pass through unchanged.
    /// </summary>
    public sealed class MinimumWidthPulsePin : IOutputPin
    {
        private readonly IOutputPin _pin;
        private readonly IMicrosecondTimer _timer;
        private readonly long _widthMicroseconds;
        private readonly object _sync = new object();
        private bool _high;
        private bool _lowPending;
        private long _riseMicroseconds;

        /// <summary>Guards <paramref name="pin"/> with a minimum high time of <paramref name="widthMilliseconds"/> ms, timed by <paramref name="timer"/>.</summary>
        public MinimumWidthPulsePin(IOutputPin pin, IMicrosecondTimer timer, int widthMilliseconds)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            if (timer == null) throw new System.ArgumentNullException("timer");
            if (widthMilliseconds <= 0) throw new System.ArgumentOutOfRangeException("widthMilliseconds", "pulse width must be positive");
            _pin = pin;
            _timer = timer;
            _widthMicroseconds = (long)widthMilliseconds * 1000;
            _timer.Expired += OnExpired;
            _pin.Write(false);
        }

        /// <summary>Shortest high time, µs.</summary>
        public long WidthMicroseconds { get { return _widthMicroseconds; } }

        /// <summary>Low levels deferred to the timer since start-up (diagnostics).</summary>
        public long DeferredLows { get; private set; }

        /// <inheritdoc />
        public void Write(bool high)
        {
            lock (_sync)
            {
                if (high)
                {
                    if (_lowPending)
                    {
                        // High again before the deferred low: stay high, forget the low.
                        _timer.Stop();
                        _lowPending = false;
                        return;
                    }
                    if (_high) return;
                    _pin.Write(true);
                    _high = true;
                    _riseMicroseconds = _timer.NowMicroseconds;
                    return;
                }
                if (!_high || _lowPending) return;
                long elapsed = _timer.NowMicroseconds - _riseMicroseconds;
                if (elapsed >= _widthMicroseconds)
                {
                    _pin.Write(false);
                    _high = false;
                    return;
                }
                _lowPending = true;
                DeferredLows++;
                _timer.StartOneShot(_widthMicroseconds - elapsed);
            }
        }

        private void OnExpired()
        {
            lock (_sync)
            {
                if (!_lowPending) return;
                _pin.Write(false);
                _high = false;
                _lowPending = false;
            }
        }
    }
}
