using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Voltage quality per phase (Kamstrup 351C: over- and under-voltage recorded per phase with date, time
    /// and duration; OMNIPOWER: "voltage variations and sags and swells" per EN 50160). Detection as
    /// IEC 61000-4-30 §5.4 with the thresholds in percent of the declared input voltage Udin (the preset's
    /// nominal voltage, <see cref="MeterSettings.NominalVoltageVolts"/>): a dip starts below 90 % (§5.4.2.1)
    /// and ends at or above 92 % (hysteresis 2 %, same clause); a swell starts above 110 % (§5.4.3.1) and ends at or
    /// below 108 %. Below 5 % is an interruption (§5.5), which is no dip: the meter logs it as the phase's
    /// supply loss (ElectricityMeter.LogPhaseSupply), and a dip running when the voltage falls that low
    /// goes on until the voltage recovers.
    /// <para>
    /// Sampled from the rms voltages the meter reads (<see cref="ElectricityMeter.MeasurementIntervalCycles"/>, 1 =
    /// every metering cycle, about 1 s, and every cycle while the ADE7880's sag / over-voltage flag keeps a watch,
    /// see ElectricityMeter.SampleVoltageQuality): not the half-cycle rms of a class A instrument, so an event
    /// shorter than a cycle can be missed and start and end are known to one cycle. Each start is a
    /// <see cref="EventKind.VoltageQuality"/> event (detail <see cref="VoltageQualityDetail"/>, old/new = the
    /// phase's count before and after), each end one with <see cref="VoltageQualityDetail.Ended"/> and old/new =
    /// start and end in UTC seconds (the tamper events' pattern, <see cref="TamperMonitor"/>). The counters, the
    /// cumulative durations, the latest start and the running events are committed to the voltage-quality record
    /// (<see cref="VoltageQualityRecord"/>) at every start and end, the event first (a cut between the two keeps
    /// the event; a dip still present at the next start then starts again).
    /// </para>
    /// </summary>
    public sealed class VoltageQualityMonitor
    {
        /// <summary>Dip threshold, % of Udin (IEC 61000-4-30 §5.4.2.1; EN 50160 §3, "supply voltage dip").</summary>
        public const int DipStartPercent = 90;
        /// <summary>A dip ends at or above this, % of Udin (threshold + 2 % hysteresis, IEC 61000-4-30 §5.4.2.1).</summary>
        public const int DipEndPercent = 92;
        /// <summary>Swell threshold, % of Udin (IEC 61000-4-30 §5.4.3.1; EN 50160 §3, "temporary power frequency overvoltage").</summary>
        public const int SwellStartPercent = 110;
        /// <summary>A swell ends at or below this, % of Udin (threshold − 2 % hysteresis, IEC 61000-4-30 §5.4.3.1).</summary>
        public const int SwellEndPercent = 108;
        /// <summary>Below this, % of Udin, the voltage is interrupted (IEC 61000-4-30 §5.5, voltage interruptions), not dipped.</summary>
        public const int InterruptionPercent = 5;

        private const int RunningMask = 0x3F; // two bits a phase

        private readonly ElectricityMeter _meter;
        private readonly int _nominalVolts;
        private readonly long _udinMillivolts;
        private readonly long[] _values = new long[StorageLayout.VoltageQualityValueCount];

        /// <summary>Watches the voltages of <paramref name="meter"/> against the declared voltage <paramref name="nominalVoltageVolts"/>.</summary>
        public VoltageQualityMonitor(ElectricityMeter meter, int nominalVoltageVolts)
        {
            if (nominalVoltageVolts <= 0) throw new System.ArgumentOutOfRangeException("nominalVoltageVolts", "the declared voltage must be positive");
            _meter = meter;
            _nominalVolts = nominalVoltageVolts;
            _udinMillivolts = nominalVoltageVolts * 1000L;
        }

        /// <summary>Declared input voltage Udin the thresholds are percentages of, V.</summary>
        public int NominalVoltageVolts { get { return _nominalVolts; } }

        /// <summary>Events of <paramref name="kind"/> (<see cref="VoltageQualityDetail.Dip"/> or Swell) started on phase 1–3.</summary>
        public long CountOf(int phase, int kind)
        {
            Check(phase, kind);
            return _values[VoltageQualityRecord.CountIndex(phase, kind)];
        }

        /// <summary>Cumulative duration of the ended events of <paramref name="kind"/> on phase 1–3, seconds.</summary>
        public long SecondsOf(int phase, int kind)
        {
            Check(phase, kind);
            return _values[VoltageQualityRecord.SecondsIndex(phase, kind)];
        }

        /// <summary>UTC seconds of the latest dip or swell start on phase 1–3; 0 when there was none.</summary>
        public long LatestStartUtcSeconds(int phase)
        {
            Check(phase, VoltageQualityDetail.Dip);
            return _values[VoltageQualityRecord.LatestStartIndex(phase)];
        }

        /// <summary>True while an event of <paramref name="kind"/> runs on phase 1–3.</summary>
        public bool IsRunning(int phase, int kind)
        {
            Check(phase, kind);
            return (_values[VoltageQualityRecord.Running] & VoltageQualityRecord.RunningBit(phase, kind)) != 0;
        }

        /// <summary>True while a dip or a swell runs on phase 1–3.</summary>
        public bool IsRunning(int phase)
        {
            return IsRunning(phase, VoltageQualityDetail.Dip) || IsRunning(phase, VoltageQualityDetail.Swell);
        }

        /// <summary>True for a voltage in which no event can start or run: <see cref="DipEndPercent"/> … <see cref="SwellEndPercent"/> of Udin.</summary>
        public bool IsInNormalBand(long millivolts)
        {
            long percentScaled = millivolts * 100;
            return percentScaled >= _udinMillivolts * DipEndPercent && percentScaled <= _udinMillivolts * SwellEndPercent;
        }

        /// <summary>
        /// Takes the state from the record's values (at start): an event running at the last commit runs on and
        /// ends at the first sample that shows the voltage back. False, and nothing changed, when the values are
        /// not a valid state (a negative count or time, unknown running bits, a dip and a swell at once).
        /// </summary>
        public bool Restore(long[] values)
        {
            long running = values[VoltageQualityRecord.Running];
            if (running < 0 || (running & ~RunningMask) != 0) return false;
            for (int i = 1; i < _values.Length; i++)
            {
                if (values[i] < 0) return false;
            }
            for (int phase = 1; phase <= 3; phase++)
            {
                if ((running & VoltageQualityRecord.RunningBit(phase, VoltageQualityDetail.Dip)) != 0
                    && (running & VoltageQualityRecord.RunningBit(phase, VoltageQualityDetail.Swell)) != 0) return false;
            }
            for (int i = 0; i < _values.Length; i++) _values[i] = values[i];
            return true;
        }

        /// <summary>
        /// One rms sample of phase 1–3, <paramref name="millivolts"/>, taken at UTC <paramref name="utcSeconds"/>.
        /// No allocation unless an event starts or ends.
        /// </summary>
        public void Sample(int phase, long millivolts, long utcSeconds)
        {
            long percentScaled = millivolts * 100; // compared with Udin × percent
            if (IsRunning(phase, VoltageQualityDetail.Dip))
            {
                if (percentScaled < _udinMillivolts * DipEndPercent) return;
                End(phase, VoltageQualityDetail.Dip, utcSeconds);
            }
            else if (IsRunning(phase, VoltageQualityDetail.Swell))
            {
                if (percentScaled > _udinMillivolts * SwellEndPercent) return;
                End(phase, VoltageQualityDetail.Swell, utcSeconds);
            }
            // An event that just ended may be followed by the other kind in the same sample (a jump from a dip to a swell).
            if (percentScaled < _udinMillivolts * DipStartPercent && percentScaled >= _udinMillivolts * InterruptionPercent)
                Start(phase, VoltageQualityDetail.Dip, utcSeconds);
            else if (percentScaled > _udinMillivolts * SwellStartPercent)
                Start(phase, VoltageQualityDetail.Swell, utcSeconds);
        }

        private void Start(int phase, int kind, long utcSeconds)
        {
            int count = VoltageQualityRecord.CountIndex(phase, kind);
            long before = _values[count];
            _meter.Events.LogAt(utcSeconds, EventKind.VoltageQuality, VoltageQualityDetail.Of(phase, kind), before, before + 1);
            _values[count] = before + 1;
            _values[VoltageQualityRecord.LatestStartIndex(phase)] = utcSeconds;
            _values[VoltageQualityRecord.Running] = _values[VoltageQualityRecord.Running] | (long)(uint)VoltageQualityRecord.RunningBit(phase, kind);
            _meter.Storage.VoltageQuality.Commit(_values);
        }

        private void End(int phase, int kind, long utcSeconds)
        {
            long start = _values[VoltageQualityRecord.LatestStartIndex(phase)];
            long duration = utcSeconds > start ? utcSeconds - start : 0; // a clock set backwards during the event gives 0, never negative
            _meter.Events.LogAt(utcSeconds, EventKind.VoltageQuality, VoltageQualityDetail.Of(phase, kind) | VoltageQualityDetail.Ended, start, utcSeconds);
            _values[VoltageQualityRecord.SecondsIndex(phase, kind)] += duration;
            _values[VoltageQualityRecord.Running] = _values[VoltageQualityRecord.Running] & ~(long)VoltageQualityRecord.RunningBit(phase, kind);
            _meter.Storage.VoltageQuality.Commit(_values);
        }

        private static void Check(int phase, int kind)
        {
            if (phase < 1 || phase > 3) throw new System.ArgumentOutOfRangeException("phase", "phase must be 1, 2 or 3");
            if (kind != VoltageQualityDetail.Dip && kind != VoltageQualityDetail.Swell)
                throw new System.ArgumentOutOfRangeException("kind", "kind must be 16 (dip) or 32 (swell)");
        }
    }
}
