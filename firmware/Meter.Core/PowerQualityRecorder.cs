using Meter.Hal;
using Meter.Metrology.Quality;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The chain from the chip's measurements to the weekly EN 50160 result: each measurement read
    /// (<see cref="Sample"/>) updates the quality quantities (<see cref="PhaseQualityValues"/>), takes the
    /// IEC 61000-4-30 §4.7 flag from the voltage-quality monitor (<see cref="QualityDisturbance"/>) and feeds the
    /// 10-min aggregation (<see cref="TenMinuteAggregator"/>); each completed 10-min value goes into the
    /// evaluation of its week (Monday 00:00 UTC on, <see cref="En50160WeeklyEvaluation.WeekStartOf"/>). When a
    /// value of a later week arrives, the finished week moves to <see cref="PreviousWeek"/>. Each 10-min value goes to
    /// the analysis logger when one is set (<see cref="Analysis"/>) with its interval status: the first interval after
    /// power-up is a power failure and incomplete, an interval opened after the clock jumped (back, or ahead by more
    /// than an interval) is clock set and incomplete, and a flagged one (§4.7) carries <see cref="AnalysisLog.Flagged"/>.
    /// No allocation per sample.
    /// </summary>
    public sealed class PowerQualityRecorder
    {
        private readonly QualityDisturbance _disturbance;
        private readonly MeasurementScale _scale;
        private readonly int _fullScaleMillivolts, _fullScaleMilliamps;
        private readonly PhaseQualityValues _values = new PhaseQualityValues();
        private readonly TenMinuteAggregator _aggregator;
        private En50160WeeklyEvaluation _week, _previousWeek;
        private bool _weekStarted, _previousWeekAvailable;
        private long _lastSample = long.MinValue;
        // Status of the open interval: the first one after power-up started while the meter was off.
        private int _openStatus = IntervalStatus.PowerFailure | IntervalStatus.Incomplete;

        /// <summary>
        /// Records with the chip's <paramref name="scale"/> and the board's full-scale voltage and current, against the
        /// nominal phase voltage and frequency; flags from <paramref name="monitor"/>.
        /// </summary>
        public PowerQualityRecorder(VoltageQualityMonitor monitor, MeasurementScale scale, int fullScaleMillivolts, int fullScaleMilliamps,
            long nominalMillivolts, long nominalMillihertz)
        {
            if (scale == null) throw new System.ArgumentNullException("scale");
            if (fullScaleMillivolts <= 0 || fullScaleMilliamps <= 0) throw new System.ArgumentOutOfRangeException("fullScaleMillivolts", "full-scale voltage and current must be positive");
            _disturbance = new QualityDisturbance(monitor);
            _scale = scale;
            _fullScaleMillivolts = fullScaleMillivolts;
            _fullScaleMilliamps = fullScaleMilliamps;
            _aggregator = new TenMinuteAggregator(nominalMillihertz, scale.PeriodClockHz);
            _week = new En50160WeeklyEvaluation(nominalMillivolts);
            _previousWeek = new En50160WeeklyEvaluation(nominalMillivolts);
        }

        /// <summary>The quantities of the latest sample.</summary>
        public PhaseQualityValues Values { get { return _values; } }

        /// <summary>Where finished weeks are stored (null: RAM only).</summary>
        public QualityWeekLog WeekLog { get; set; }

        /// <summary>Where completed 10-min values are logged (null: not logged).</summary>
        public AnalysisLogging Analysis { get; set; }

        /// <summary>Interval status of <see cref="LastTenMinutes"/>: <see cref="IntervalStatus"/> bits | <see cref="AnalysisLog.Flagged"/> (without the DST bit, which the logging adds).</summary>
        public int LastIntervalStatus { get; private set; }

        /// <summary>The latest completed 10-min value (after <see cref="Sample"/> returned true).</summary>
        public TenMinuteRecord LastTenMinutes { get { return _aggregator.Completed; } }

        /// <summary>The week the latest 10-min values belong to (its counts so far).</summary>
        public En50160WeeklyEvaluation CurrentWeek { get { return _week; } }

        /// <summary>The last finished week, or null before a week finished.</summary>
        public En50160WeeklyEvaluation PreviousWeek { get { return _previousWeekAvailable ? _previousWeek : null; } }

        /// <summary>
        /// One measurement read <paramref name="m"/> taken at <paramref name="utcSeconds"/>. True when it completed a
        /// 10-min value (now in <see cref="LastTenMinutes"/> and counted in its week).
        /// </summary>
        public bool Sample(long utcSeconds, PhaseMeasurements m)
        {
            if (m == null) throw new System.ArgumentNullException("m");
            _values.Update(m, _scale, _fullScaleMillivolts, _fullScaleMilliamps);
            bool disturbed = _disturbance.Check(_values.VoltageMillivolts);
            bool jumped = _lastSample != long.MinValue
                && (utcSeconds < _lastSample || utcSeconds - _lastSample > TenMinuteAggregator.IntervalSeconds);
            // The clock set back: the open 10-min interval cannot be completed in order; it is dropped.
            if (utcSeconds < _lastSample)
            {
                _aggregator.Restart();
                _openStatus = 0;
            }
            _lastSample = utcSeconds;
            int jumpStatus = jumped ? IntervalStatus.ClockSet | IntervalStatus.Incomplete : 0;
            if (!_aggregator.Add(utcSeconds, _values, m.Period[0], disturbed))
            {
                _openStatus |= jumpStatus;
                return false;
            }
            TenMinuteRecord record = _aggregator.Completed;
            LastIntervalStatus = _openStatus | (record.Flagged ? AnalysisLog.Flagged : 0);
            _openStatus = jumpStatus;
            // The interval ending at Monday 00:00 still belongs to the week before.
            long weekStart = En50160WeeklyEvaluation.WeekStartOf(record.IntervalEnd - 1);
            if (!_weekStarted || weekStart != _week.WeekStart)
            {
                if (_weekStarted)
                {
                    En50160WeeklyEvaluation finished = _week;
                    _week = _previousWeek;
                    _previousWeek = finished;
                    _previousWeekAvailable = true;
                    if (WeekLog != null) WeekLog.Store(finished);
                }
                _week.Start(weekStart);
                _weekStarted = true;
            }
            _week.Add(record);
            if (Analysis != null) Analysis.Write(record, LastIntervalStatus);
            return true;
        }
    }
}
