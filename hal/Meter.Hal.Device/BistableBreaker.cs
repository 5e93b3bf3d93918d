namespace Meter.Hal.Device
{
    /// <summary>
    /// A bistable two-coil breaker (latching relay): the open coil or the close coil is driven high for the
    /// board's pulse width, then released; the contacts stay where the last pulse put them without current.
    /// The two coils are never energised together: a command during a pulse ends that pulse first.
    /// Optional feedback input (an auxiliary contact to ground): low = contacts closed.
    /// </summary>
    public sealed class BistableBreaker : IBreaker
    {
        private readonly IOutputPin _openCoil;
        private readonly IOutputPin _closeCoil;
        private readonly IInputPin _feedback;
        private readonly int _pulseMilliseconds;
        private int _commanded = BreakerPosition.Unknown;
        private bool _pulsing;
        private long _pulseEndsAtMs;

        /// <summary>A breaker over its two coil drivers and the feedback input (null: not fitted); both coils are released.</summary>
        public BistableBreaker(IOutputPin openCoil, IOutputPin closeCoil, IInputPin feedback, int pulseMilliseconds)
        {
            if (openCoil == null) throw new System.ArgumentNullException("openCoil");
            if (closeCoil == null) throw new System.ArgumentNullException("closeCoil");
            if (pulseMilliseconds < 1 || pulseMilliseconds > 1000)
                throw new System.ArgumentOutOfRangeException("pulseMilliseconds", "breaker coil pulse must be 1..1000 ms");
            _openCoil = openCoil;
            _closeCoil = closeCoil;
            _feedback = feedback;
            _pulseMilliseconds = pulseMilliseconds;
            _openCoil.Write(false);
            _closeCoil.Write(false);
        }

        /// <inheritdoc />
        public bool HasFeedback { get { return _feedback != null; } }

        /// <inheritdoc />
        public int Position
        {
            get
            {
                if (_feedback == null) return _commanded;
                return _feedback.Read() ? BreakerPosition.Open : BreakerPosition.Closed;
            }
        }

        /// <inheritdoc />
        public bool Switching { get { return _pulsing; } }

        /// <inheritdoc />
        public void Open(long nowMs)
        {
            Pulse(_openCoil, nowMs);
            _commanded = BreakerPosition.Open;
        }

        /// <inheritdoc />
        public void Close(long nowMs)
        {
            Pulse(_closeCoil, nowMs);
            _commanded = BreakerPosition.Closed;
        }

        /// <inheritdoc />
        public void Poll(long nowMs)
        {
            if (_pulsing && nowMs >= _pulseEndsAtMs) Release();
        }

        private void Pulse(IOutputPin coil, long nowMs)
        {
            Release();
            coil.Write(true);
            _pulsing = true;
            _pulseEndsAtMs = nowMs + _pulseMilliseconds;
        }

        private void Release()
        {
            _openCoil.Write(false);
            _closeCoil.Write(false);
            _pulsing = false;
        }
    }
}
