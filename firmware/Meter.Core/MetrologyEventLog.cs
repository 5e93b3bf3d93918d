using Meter.Hal;
using Meter.Metrology;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// What each metering cycle found, into the event log: metrology faults and S0 backlog
    /// overruns (one event per episode), per-phase supply loss and return, and voltage dips and
    /// swells (<see cref="VoltageQualityMonitor"/>) from the rms voltages, read on the measurement
    /// interval and every cycle of a watch the chip's sag / over-voltage flag started.
    /// </summary>
    public sealed class MetrologyEventLog
    {
        private readonly MeteringCycle _metering;
        private readonly MeteringConfiguration _configuration;
        private readonly InstantaneousValues _values;
        private readonly VoltageQualityMonitor _voltageQuality;
        private readonly EventRouting _events;
        private readonly MeterTime _time;
        private readonly long[] _phaseDownAt = new long[3];
        private int _loggedFault;
        private long _seenOverruns;
        private bool _wasOverrunning;
        private int _phasesDown;
        private bool _voltageWatch;

        /// <summary>Logs what <paramref name="metering"/> (phases of <paramref name="configuration"/>) finds to <paramref name="events"/>.</summary>
        public MetrologyEventLog(MeteringCycle metering, MeteringConfiguration configuration, InstantaneousValues values,
            VoltageQualityMonitor voltageQuality, EventRouting events, MeterTime time)
        {
            _metering = metering;
            _configuration = configuration;
            _values = values;
            _voltageQuality = voltageQuality;
            _events = events;
            _time = time;
        }

        /// <summary>Boot: the voltage-quality record; an event running at the power-down starts the rms watch.</summary>
        public void RestoreVoltageQuality()
        {
            // No chip flag may come (the voltage may be back already, crossing no SAGLVL after the chip's start)
            // and the interval's reads may be off: watch from the first cycle so the event ends when the voltage is back.
            if (_voltageQuality.RestoreStored()) _voltageWatch = true;
        }

        /// <summary>
        /// After a cycle's energy read: the instantaneous values when <paramref name="measurementDue"/>
        /// or a voltage watch runs, then the events. The chip's sag / over-voltage flag (SAGLVL 92 %,
        /// OVLVL 108 %) starts a watch: rms every cycle until every phase is back inside 92 … 108 %, so
        /// a dip or swell is caught and timed between the interval's reads. No allocation on a good cycle.
        /// True when the instantaneous values were read this cycle.
        /// </summary>
        public bool AfterCycle(bool measurementDue)
        {
            if (_metering.VoltageEvents != 0) _voltageWatch = true;
            bool measured = (measurementDue || _voltageWatch) && _metering.ReadMeasurements();
            LogFaults();
            LogPhaseSupply();
            if (measured) _voltageWatch = SampleVoltageQuality();
            return measured;
        }

        /// <summary>
        /// Logs what the last metering cycle found: a metrology fault (<see cref="MetrologyFaultDetail"/>) when it
        /// differs from the previous cycle's, and the start of an S0 backlog overrun (issue 4: "an overrun is an
        /// event, never a silent loss"; the pulses dropped are in the event). One event per episode, so a fault that
        /// lasts does not wear the log; nothing is logged on a good cycle (no allocation).
        /// </summary>
        public void LogFaults()
        {
            int fault = _metering.LastFault;
            if (fault != 0 && fault != _loggedFault)
                _events.Log(EventKind.MetrologyFault, fault, _metering.LastFaultOldValue, _metering.LastFaultNewValue);
            _loggedFault = fault;
            PulseOutput s0 = _metering.S0;
            if (s0 == null) return;
            // Overruns only happen in a cycle (pulses become due when energy is added), so each cycle of an
            // overload increments OverrunEvents; the episode ends with the first cycle that does not.
            bool overrunning = s0.OverrunEvents != _seenOverruns;
            if (overrunning && !_wasOverrunning)
                _events.Log(EventKind.MetrologyFault, MetrologyFaultDetail.PulseBacklogOverrun, s0.DroppedPulses, s0.OverrunEvents);
            _wasOverrunning = overrunning;
            _seenOverruns = s0.OverrunEvents;
        }

        /// <summary>
        /// Per-phase supply loss (Kamstrup 351C: supply loss recorded per phase): PowerDown with detail = phase 1–3
        /// when the chip reports the phase's voltage zero-crossing timeout, PowerUp when the measured rms voltage of
        /// that phase is back above 10 % of full scale (the phase-symbol threshold). The old value of PowerUp is the
        /// time the phase went down. Unused phases (single-phase meter) are ignored.
        /// </summary>
        private void LogPhaseSupply()
        {
            int timeouts = _metering.VoltageTimeouts;
            bool measured = _metering.MeasurementsValid;
            long now = _time.UtcSeconds;
            for (int phase = 0; phase < 3; phase++)
            {
                int bit = 1 << phase;
                if (!_configuration.IsPhaseUsed(phase)) continue;
                if ((timeouts & bit) != 0 && (_phasesDown & bit) == 0)
                {
                    _phasesDown |= bit;
                    _phaseDownAt[phase] = now;
                    _events.Log(EventKind.PowerDown, phase + 1, 0, now);
                }
                else if ((_phasesDown & bit) != 0 && (timeouts & bit) == 0 && measured
                    && InstantaneousValues.HasVoltage(_metering.MeasurementScale, _metering.Measurements.VoltageRms[phase]))
                {
                    _phasesDown &= ~bit;
                    _events.Log(EventKind.PowerUp, phase + 1, _phaseDownAt[phase], now);
                }
            }
        }

        /// <summary>
        /// Dips and swells from the rms voltages just read, on the used phases that have supply (a phase whose
        /// zero crossings timed out is interrupted, logged by <see cref="LogPhaseSupply"/>). The energy-only cycle
        /// (measurements off) so stays at its frames while the voltage is normal and reads the rms only around an
        /// event. Returns true while the watch must go on: a phase outside 92 … 108 % or an event running.
        /// </summary>
        private bool SampleVoltageQuality()
        {
            bool watch = false;
            for (int phase = 0; phase < 3; phase++)
            {
                if (!_configuration.IsPhaseUsed(phase) || (_phasesDown & (1 << phase)) != 0) continue;
                long millivolts = _values.VoltageMillivolts(phase);
                _voltageQuality.Sample(phase + 1, millivolts, _time.UtcSeconds);
                if (!_voltageQuality.IsInNormalBand(millivolts) || _voltageQuality.IsRunning(phase + 1)) watch = true;
            }
            return watch;
        }
    }
}
