using System;

namespace Meter.Clock
{
    /// <summary>
    /// A broken-down local (wall-clock) time with its summer-time flag and UTC offset, as the
    /// display, readout, load profile and billing see it. A value type: no allocation.
    /// </summary>
    public struct LocalDateTime
    {
        private readonly long _localSeconds;
        private readonly int _utcOffsetSeconds;
        private readonly bool _isSummerTime;
        private readonly int _year;
        private readonly int _month;
        private readonly int _day;

        /// <summary>
        /// Builds the local time <paramref name="localSeconds"/> (wall-clock seconds counted as if
        /// the local time were UTC, since 1970-01-01 00:00) with its offset and summer-time flag.
        /// </summary>
        public LocalDateTime(long localSeconds, int utcOffsetSeconds, bool isSummerTime)
        {
            _localSeconds = localSeconds;
            _utcOffsetSeconds = utcOffsetSeconds;
            _isSummerTime = isSummerTime;
            CivilCalendar.FromDayNumber(UnixTime.FloorDiv(localSeconds, UnixTime.SecondsPerDay), out _year, out _month, out _day);
        }

        /// <summary>Wall-clock seconds since local 1970-01-01 00:00.</summary>
        public long LocalSeconds => _localSeconds;

        /// <summary>The UTC instant, seconds since 1970-01-01T00:00:00Z.</summary>
        public long UtcSeconds => _localSeconds - _utcOffsetSeconds;

        /// <summary>Local time minus UTC, in seconds (standard offset plus 3600 in summer time).</summary>
        public int UtcOffsetSeconds => _utcOffsetSeconds;

        /// <summary><c>true</c> in summer (daylight saving) time.</summary>
        public bool IsSummerTime => _isSummerTime;

        /// <summary>Local calendar year.</summary>
        public int Year => _year;

        /// <summary>Local month, 1–12.</summary>
        public int Month => _month;

        /// <summary>Local day of month, 1–31.</summary>
        public int Day => _day;

        /// <summary>Local day number (days since 1970-01-01).</summary>
        public long DayNumber => UnixTime.FloorDiv(_localSeconds, UnixTime.SecondsPerDay);

        /// <summary>Seconds since local midnight, 0–86399.</summary>
        public int SecondOfDay => (int)UnixTime.FloorMod(_localSeconds, UnixTime.SecondsPerDay);

        /// <summary>Local hour, 0–23.</summary>
        public int Hour => SecondOfDay / 3600;

        /// <summary>Local minute, 0–59.</summary>
        public int Minute => SecondOfDay / 60 % 60;

        /// <summary>Local second, 0–59.</summary>
        public int Second => SecondOfDay % 60;

        /// <summary>Local weekday.</summary>
        public DayOfWeek DayOfWeek => CivilCalendar.DayOfWeekOf(DayNumber);
    }
}
