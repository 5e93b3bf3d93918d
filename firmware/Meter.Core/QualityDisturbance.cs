namespace Meter.Core
{
    /// <summary>
    /// The flag of the 10-min quality aggregation (IEC 61000-4-30 §4.7: a value measured during a dip,
    /// swell or interruption is flagged, and so is every aggregate that includes it), taken from the
    /// <see cref="VoltageQualityMonitor"/>'s dips and swells (§5.4) and from the voltages themselves for
    /// interruptions (below <see cref="VoltageQualityMonitor.InterruptionPercent"/> of Udin, §5.5; the
    /// monitor logs those as supply loss, not as its own events). No allocation.
    /// </summary>
    public sealed class QualityDisturbance
    {
        private readonly VoltageQualityMonitor _monitor;
        private readonly long[] _eventsSeen = new long[3];

        /// <summary>Watches <paramref name="monitor"/>; events it counted before now are not a disturbance.</summary>
        public QualityDisturbance(VoltageQualityMonitor monitor)
        {
            if (monitor == null) throw new System.ArgumentNullException("monitor");
            _monitor = monitor;
            for (int phase = 1; phase <= 3; phase++) _eventsSeen[phase - 1] = EventsOf(phase);
        }

        /// <summary>
        /// True when, since the previous call, a dip or swell started or still runs on a phase, or when one
        /// of <paramref name="phaseMillivolts"/> (A, B, C) is interrupted.
        /// </summary>
        public bool Check(long[] phaseMillivolts)
        {
            bool disturbed = false;
            long interruptionScaled = (long)_monitor.NominalVoltageVolts * 1000 * VoltageQualityMonitor.InterruptionPercent;
            for (int phase = 1; phase <= 3; phase++)
            {
                long events = EventsOf(phase);
                // A dip shorter than the sampling between two calls still raised the count.
                if (events != _eventsSeen[phase - 1] || _monitor.IsRunning(phase)) disturbed = true;
                _eventsSeen[phase - 1] = events;
                if (phaseMillivolts[phase - 1] * 100 < interruptionScaled) disturbed = true;
            }
            return disturbed;
        }

        private long EventsOf(int phase)
        {
            return _monitor.CountOf(phase, VoltageQualityDetail.Dip) + _monitor.CountOf(phase, VoltageQualityDetail.Swell);
        }
    }
}
