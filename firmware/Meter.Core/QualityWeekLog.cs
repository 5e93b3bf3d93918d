using Meter.Clock;
using Meter.Metrology.Quality;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The weekly EN 50160 results kept in NV memory (issue 20: "a pass/fail per week kept for at least 52 weeks"): each
    /// finished week is one period of the storage's weekly logger (53 deep, a <see cref="PeriodLogger"/>: cut-safe, a
    /// cut while storing leaves every older week and the new one complete or absent), closed at the week's end. Values:
    /// <see cref="WeekStart"/> (UTC s), <see cref="Result"/> (packed as 1-0:12.128.x, <see cref="PowerQualityObjects.Packed"/>),
    /// 10-min values, flagged ones, per phase the values within Un ± 10 % and within + 10 / − 15 %, 10-s frequency values and
    /// those within ± 1 %. Read back with P.03 (<see cref="QualityWeekRequest"/>) and, for the newest, as 1-0:12.128.1
    /// after a restart. No allocation when storing.
    /// </summary>
    public sealed class QualityWeekLog
    {
        /// <summary>Value indexes of a stored week.</summary>
        public const int WeekStart = 0, Result = 1, Intervals = 2, Flagged = 3, VoltageNarrow = 4, VoltageWide = 7, FrequencyValues = 10, FrequencyNarrow = 11;

        private readonly PeriodLogger _logger;
        private readonly long[] _values = new long[StorageLayout.QualityWeekValueCount];
        private readonly PeriodRecord _record = new PeriodRecord(StorageLayout.QualityWeekValueCount);

        /// <summary>Results in <paramref name="logger"/> (the storage's QualityWeeks).</summary>
        public QualityWeekLog(PeriodLogger logger)
        {
            if (logger == null) throw new System.ArgumentNullException("logger");
            if (logger.ValueCount != StorageLayout.QualityWeekValueCount) throw new System.ArgumentException("the weekly logger must hold 12 values a week");
            _logger = logger;
        }

        /// <summary>Weeks stored (at most 53).</summary>
        public int Count { get { return _logger.Count; } }

        /// <summary>Stores the finished <paramref name="week"/>, closed at its end.</summary>
        public void Store(En50160WeeklyEvaluation week)
        {
            _values[WeekStart] = week.WeekStart;
            _values[Result] = PowerQualityObjects.Packed(week);
            _values[Intervals] = week.Intervals;
            _values[Flagged] = week.FlaggedIntervals;
            for (int p = 0; p < 3; p++)
            {
                _values[VoltageNarrow + p] = week.VoltageWithinNarrow(p);
                _values[VoltageWide + p] = week.VoltageWithinWide(p);
            }
            _values[FrequencyValues] = week.FrequencyValues;
            _values[FrequencyNarrow] = week.FrequencyWithinNarrow;
            _logger.Close(UnixTime.ToDateTime(week.WeekStart + En50160WeeklyEvaluation.WeekSeconds), CloseReason.Scheduled, _values);
        }

        /// <summary>Reads the week <paramref name="age"/> weeks back (0 = the newest stored) into <paramref name="into"/> (12 values).</summary>
        public bool TryRead(int age, PeriodRecord into)
        {
            return _logger.TryRead(age, into);
        }

        /// <summary>The packed result of the newest stored week (1-0:12.128.1 after a restart).</summary>
        public bool TryNewestResult(out long packed)
        {
            packed = 0;
            if (!_logger.TryRead(0, _record)) return false;
            packed = _record.Values[Result];
            return true;
        }
    }
}
