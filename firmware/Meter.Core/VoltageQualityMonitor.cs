using Meter.Obis;
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
    /// supply loss (MetrologyEventLog.LogPhaseSupply), and a dip running when the voltage falls that low
    /// goes on until the voltage recovers.
    /// <para>
    /// Sampled from the rms voltages the meter reads (<see cref="EnergyCycle.MeasurementIntervalCycles"/>, 1 =
    /// every metering cycle, about 1 s, and every cycle while the ADE7880's sag / over-voltage flag keeps a watch,
    /// see MetrologyEventLog.SampleVoltageQuality): not the half-cycle rms of a class A instrument, so an event
    /// shorter than a cycle can be missed and start and end are known to one cycle. Each start is a
    /// <see cref="EventKind.VoltageQuality"/> event (detail <see cref="VoltageQualityDetail"/>, old/new = the
    /// phase's count before and after), each end one with <see cref="VoltageQualityDetail.Ended"/> and old/new =
    /// start and end in UTC seconds (the tamper events' pattern, <see cref="TamperMonitor"/>). The counters, the
    /// cumulative durations, the latest start and the running events are committed to the voltage-quality record
    /// (<see cref="VoltageQualityRecord"/>) at every start and end, the event first (a cut between the two keeps
    /// the event; a dip still present at the next start then starts again).
    /// </para>
    /// <para>Owner of its objects in the register table (<see cref="VoltageQualityObjects"/>): counters and durations.</para>
    /// </summary>
    public sealed class VoltageQualityMonitor : ObisValueOwner
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

        private readonly EventRouting _events;
        private readonly MeterStorage _storage;
        private readonly int _nominalVolts;
        private readonly long _udinMillivolts;
        private readonly long[] _values = new long[StorageLayout.VoltageQualityValueCount];

        /// <summary>
        /// Watches voltages against the declared voltage <paramref name="nominalVoltageVolts"/>, logging to
        /// <paramref name="events"/> and keeping its record in <paramref name="storage"/>.
        /// </summary>
        public VoltageQualityMonitor(EventRouting events, MeterStorage storage, int nominalVoltageVolts)
        {
            if (nominalVoltageVolts <= 0) throw new System.ArgumentOutOfRangeException("nominalVoltageVolts", "the declared voltage must be positive");
            _events = events;
            _storage = storage;
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
        /// Boot: the counters from their record (blank after a new format or the in-place upgrade to layout
        /// version 6: all zero). A record <see cref="Restore"/> refuses is a storage repair: logged, counting
        /// restarts at 0. Returns true when an event was running at the power-down (its end is watched for).
        /// </summary>
        public bool RestoreStored()
        {
            if (!_storage.VoltageQuality.HasValue) return false;
            long[] record = new long[StorageLayout.VoltageQualityValueCount];
            _storage.VoltageQuality.CopyTo(record);
            if (!Restore(record)) { _events.Log(EventKind.StorageRepair, StorageArea.VoltageQuality, 0, 1); return false; }
            for (int phase = 1; phase <= 3; phase++)
                if (IsRunning(phase)) return true;
            return false;
        }

        /// <summary>Counters and cumulative durations of dips and swells (<see cref="VoltageQualityObjects"/>).</summary>
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            int phase = VoltageQualityObjects.PhaseOf(code);
            if (phase == 0) return false;
            int kind = VoltageQualityObjects.KindOf(code);
            if (phase == VoltageQualityObjects.AnyPhase)
            {
                for (int p = 1; p <= 3; p++) value += CountOf(p, kind);
                return true;
            }
            value = VoltageQualityObjects.IsDuration(code) ? SecondsOf(phase, kind) : CountOf(phase, kind);
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
            _events.LogAt(utcSeconds, EventKind.VoltageQuality, VoltageQualityDetail.Of(phase, kind), before, before + 1);
            _values[count] = before + 1;
            _values[VoltageQualityRecord.LatestStartIndex(phase)] = utcSeconds;
            _values[VoltageQualityRecord.Running] = _values[VoltageQualityRecord.Running] | (long)(uint)VoltageQualityRecord.RunningBit(phase, kind);
            _storage.VoltageQuality.Commit(_values);
        }

        private void End(int phase, int kind, long utcSeconds)
        {
            long start = _values[VoltageQualityRecord.LatestStartIndex(phase)];
            long duration = utcSeconds > start ? utcSeconds - start : 0; // a clock set backwards during the event gives 0, never negative
            _events.LogAt(utcSeconds, EventKind.VoltageQuality, VoltageQualityDetail.Of(phase, kind) | VoltageQualityDetail.Ended, start, utcSeconds);
            _values[VoltageQualityRecord.SecondsIndex(phase, kind)] += duration;
            _values[VoltageQualityRecord.Running] = _values[VoltageQualityRecord.Running] & ~(long)VoltageQualityRecord.RunningBit(phase, kind);
            _storage.VoltageQuality.Commit(_values);
        }

        private static void Check(int phase, int kind)
        {
            if (phase < 1 || phase > 3) throw new System.ArgumentOutOfRangeException("phase", "phase must be 1, 2 or 3");
            if (kind != VoltageQualityDetail.Dip && kind != VoltageQualityDetail.Swell)
                throw new System.ArgumentOutOfRangeException("kind", "kind must be 16 (dip) or 32 (swell)");
        }
    }
}
