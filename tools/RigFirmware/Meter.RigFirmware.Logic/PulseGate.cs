namespace Meter.RigFirmware
{
    /// <summary>
    /// The pulse comparator's gate. RUN PULSES n: the first LED pulse opens it, the n-th after it closes it; RUN TIME:
    /// it opens at once and closes after the time. Over the gate it counts the meter's LED pulses and the reference
    /// meter's pulses (the caller passes the hardware counter's reading with each event) and the time.
    /// </summary>
    public sealed class PulseGate
    {
        private long _target;
        private bool _timed;
        private bool _open;
        private long _refStart, _refEnd, _startMs, _endMs, _ledPulses;

        /// <summary>A run is waiting for its first pulse or counting.</summary>
        public bool IsRunning { get; private set; }

        /// <summary>RUN PULSES <paramref name="pulses"/>: waits for the next LED pulse.</summary>
        public void StartPulses(long pulses)
        {
            _target = pulses;
            _timed = false;
            _open = false;
            _ledPulses = 0;
            IsRunning = true;
        }

        /// <summary>RUN TIME <paramref name="milliseconds"/>: opens now.</summary>
        public void StartTimed(long milliseconds, long referenceCount, long nowMs)
        {
            _target = milliseconds;
            _timed = true;
            _ledPulses = 0;
            Open(referenceCount, nowMs);
            IsRunning = true;
        }

        /// <summary>An LED pulse at <paramref name="nowMs"/> with the reference counter at <paramref name="referenceCount"/>; true when it closed the gate.</summary>
        public bool OnLedPulse(long referenceCount, long nowMs)
        {
            if (!IsRunning) return false;
            if (!_open)
            {
                Open(referenceCount, nowMs);
                return false;
            }
            _ledPulses++;
            if (_timed || _ledPulses < _target) return false;
            Close(referenceCount, nowMs);
            return true;
        }

        /// <summary>The clock at <paramref name="nowMs"/>; true when it closed a timed gate.</summary>
        public bool OnTick(long referenceCount, long nowMs)
        {
            if (!IsRunning || !_timed || nowMs - _startMs < _target) return false;
            Close(referenceCount, nowMs);
            return true;
        }

        /// <summary>Abandons the run.</summary>
        public void Stop() { IsRunning = false; }

        /// <summary>
        /// The answer of the closed gate: RESULT REF_WH=… METER_PULSES=… TIME_MS=…, REF_WH = reference pulses × 1000 /
        /// <paramref name="referenceImpulsesPerKilowattHour"/> with 6 decimals (integer arithmetic: µWh).
        /// </summary>
        public string Result(long referenceImpulsesPerKilowattHour)
        {
            long microWh = (_refEnd - _refStart) * 1000000000 / referenceImpulsesPerKilowattHour;
            string wh = string.Concat(Text.Digits(microWh / 1000000, 1), ".", Text.Digits(microWh % 1000000, 6));
            return string.Concat(string.Concat("RESULT REF_WH=", wh, " METER_PULSES=", Text.Digits(_ledPulses, 1)),
                " TIME_MS=", Text.Digits(_endMs - _startMs, 1));
        }

        private void Open(long referenceCount, long nowMs)
        {
            _open = true;
            _refStart = referenceCount;
            _startMs = nowMs;
        }

        private void Close(long referenceCount, long nowMs)
        {
            _refEnd = referenceCount;
            _endMs = nowMs;
            IsRunning = false;
        }
    }
}
