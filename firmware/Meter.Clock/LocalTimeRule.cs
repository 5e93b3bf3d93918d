using System;

namespace Meter.Clock
{
    /// <summary>
    /// The meter's local-time rule: a standard offset from the seeds' GMT code and an optional
    /// summer-time table. The meter keeps UTC; local time exists only for display, readout,
    /// tariffs, profile interval labels and billing dates.
    /// </summary>
    public sealed class LocalTimeRule
    {
        private readonly int _gmtCode;
        private readonly int _standardOffsetSeconds;
        private readonly SummerTimeTable _summerTime;

        // The summer-time period of the last year asked about, so that the per-cycle call does
        // not redo the calendar arithmetic. Immutable and swapped by one reference write, so a
        // readout thread converting another year cannot tear it; allocates once per year change.
        private SummerTimeYear _cachedYear;

        /// <summary>Creates the rule from a GMT code (00–23) and a summer-time table.</summary>
        public LocalTimeRule(int gmtCode, SummerTimeTable summerTime)
        {
            _standardOffsetSeconds = GmtZone.OffsetHours(gmtCode) * 3600;
            if (summerTime != SummerTimeTable.None && summerTime != SummerTimeTable.Eu)
            {
                throw new ArgumentOutOfRangeException("summerTime", "summer-time table must be 000 (none) or 001 (EU)");
            }

            _gmtCode = gmtCode;
            _summerTime = summerTime;
        }

        /// <summary>The configured GMT code, 00–23.</summary>
        public int GmtCode => _gmtCode;

        /// <summary>The configured summer-time table.</summary>
        public SummerTimeTable SummerTime => _summerTime;

        /// <summary>Standard-time offset from UTC in seconds.</summary>
        public int StandardOffsetSeconds => _standardOffsetSeconds;

        /// <summary><c>true</c> when summer time is in effect at <paramref name="utcSeconds"/>.</summary>
        public bool IsSummerTime(long utcSeconds)
        {
            if (_summerTime != SummerTimeTable.Eu)
            {
                return false;
            }

            SummerTimeYear cached = _cachedYear;
            if (cached == null || !cached.Contains(utcSeconds))
            {
                cached = new SummerTimeYear(utcSeconds);
                _cachedYear = cached;
            }

            return cached.IsSummerTime(utcSeconds);
        }

        /// <summary>Local time minus UTC at <paramref name="utcSeconds"/>, in seconds.</summary>
        public int UtcOffsetSeconds(long utcSeconds)
        {
            return _standardOffsetSeconds + (IsSummerTime(utcSeconds) ? EuSummerTime.ShiftSeconds : 0);
        }

        /// <summary>Local time at the UTC instant <paramref name="utcSeconds"/>.</summary>
        public LocalDateTime ToLocal(long utcSeconds)
        {
            bool summer = IsSummerTime(utcSeconds);
            int offset = _standardOffsetSeconds + (summer ? EuSummerTime.ShiftSeconds : 0);
            return new LocalDateTime(utcSeconds + offset, offset, summer);
        }

        /// <summary>Local time at <paramref name="utc"/>.</summary>
        public LocalDateTime ToLocal(DateTime utc)
        {
            return ToLocal(UnixTime.ToSeconds(utc));
        }

        /// <summary>
        /// The UTC instant of a local wall-clock time with its summer-time flag (as a readout or a
        /// clock-setting command carries it). The flag makes the repeated autumn hour
        /// unambiguous; a time that does not exist (the skipped spring hour) or a flag that
        /// contradicts the rule is rejected with <see cref="ArgumentException"/>.
        /// </summary>
        public long ToUtcSeconds(int year, int month, int day, int hour, int minute, int second, bool isSummerTime)
        {
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
            {
                throw new ArgumentOutOfRangeException("hour", "time of day out of range");
            }

            long local = CivilCalendar.DayNumber(year, month, day) * UnixTime.SecondsPerDay + hour * 3600 + minute * 60 + second;
            long utc = local - _standardOffsetSeconds - (isSummerTime ? EuSummerTime.ShiftSeconds : 0);
            if (IsSummerTime(utc) != isSummerTime)
            {
                throw new ArgumentException("local time does not exist with this summer-time flag");
            }

            return utc;
        }

        /// <summary>
        /// The first UTC instant at which the local wall clock shows <paramref name="localSeconds"/>
        /// (wall-clock seconds since local 1970-01-01) or later: for a repeated autumn time its
        /// first (summer-time) occurrence, for a skipped spring time the instant of the change.
        /// This is when a local-time schedule (billing at local midnight, a switching point) fires.
        /// </summary>
        public long FirstUtcAtOrAfterLocal(long localSeconds)
        {
            long asStandard = localSeconds - _standardOffsetSeconds;
            if (_summerTime == SummerTimeTable.None)
            {
                return asStandard;
            }

            long asSummer = asStandard - EuSummerTime.ShiftSeconds;
            if (IsSummerTime(asSummer))
            {
                return asSummer; // exists in summer time; if it also exists in standard time, this is the earlier one
            }

            if (!IsSummerTime(asStandard))
            {
                return asStandard;
            }

            // Skipped by the spring change, which lies between the two candidates.
            return NextOffsetChangeAfter(asSummer);
        }

        /// <summary>
        /// The next instant strictly after <paramref name="utcSeconds"/> at which the UTC offset
        /// changes, or <see cref="long.MaxValue"/> when the rule has no summer time.
        /// </summary>
        public long NextOffsetChangeAfter(long utcSeconds)
        {
            return _summerTime == SummerTimeTable.Eu ? EuSummerTime.NextChangeAfter(utcSeconds) : long.MaxValue;
        }
    }
}
