namespace Meter.Clock
{
    /// <summary>One UTC calendar year with its EU summer-time period, precomputed (a cache entry of <see cref="LocalTimeRule"/>).</summary>
    internal sealed class SummerTimeYear
    {
        private readonly long _yearFrom;
        private readonly long _yearTo;
        private readonly long _summerStart;
        private readonly long _summerEnd;

        /// <summary>The year containing <paramref name="utcSeconds"/>.</summary>
        public SummerTimeYear(long utcSeconds)
        {
            int year;
            int month;
            int day;
            CivilCalendar.FromDayNumber(UnixTime.FloorDiv(utcSeconds, UnixTime.SecondsPerDay), out year, out month, out day);
            _yearFrom = CivilCalendar.DayNumber(year, 1, 1) * UnixTime.SecondsPerDay;
            _yearTo = CivilCalendar.DayNumber(year + 1, 1, 1) * UnixTime.SecondsPerDay;
            _summerStart = EuSummerTime.StartUtc(year);
            _summerEnd = EuSummerTime.EndUtc(year);
        }

        /// <summary><c>true</c> when <paramref name="utcSeconds"/> falls in this year.</summary>
        public bool Contains(long utcSeconds)
        {
            return utcSeconds >= _yearFrom && utcSeconds < _yearTo;
        }

        /// <summary><c>true</c> when summer time is in effect at <paramref name="utcSeconds"/> (which must be in this year).</summary>
        public bool IsSummerTime(long utcSeconds)
        {
            return utcSeconds >= _summerStart && utcSeconds < _summerEnd;
        }
    }
}
