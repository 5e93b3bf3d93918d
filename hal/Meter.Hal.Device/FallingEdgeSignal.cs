namespace Meter.Hal.Device
{
    /// <summary>
    /// Raises a <see cref="PendingSignals"/> bit on every falling edge of an input pin: the ADE7880
    /// IRQ0, the mains-fail comparator and the push button are all active low. The pin's event
    /// thread only sets the bit; the meter thread acts on it.
    /// </summary>
    public sealed class FallingEdgeSignal
    {
        private readonly PendingSignals _signals;
        private readonly int _signal;
        private long _edges;

        /// <summary>Listens to <paramref name="pin"/> and raises <paramref name="signal"/> in <paramref name="signals"/> on each falling edge.</summary>
        public FallingEdgeSignal(IInputPin pin, PendingSignals signals, int signal)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            if (signals == null) throw new System.ArgumentNullException("signals");
            if (signal == 0) throw new System.ArgumentOutOfRangeException("signal", "signal bit must not be 0");
            _signals = signals;
            _signal = signal;
            pin.Changed += OnChanged;
        }

        /// <summary>Falling edges seen (diagnostics: the IRQ rate on the board).</summary>
        public long Edges { get { return _edges; } }

        private void OnChanged(IInputPin pin, bool isHigh)
        {
            if (isHigh) return;
            _edges++;
            _signals.Raise(_signal);
        }
    }
}
