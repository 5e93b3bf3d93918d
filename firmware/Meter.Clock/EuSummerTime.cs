namespace Meter.Clock
{
    /// <summary>
    /// The EU summer-time period: it begins at 01:00 UTC on the last Sunday of March and ends at
    /// 01:00 UTC on the last Sunday of October (Directive 2000/84/EC, Articles 2 and 3), the same
    /// instant in every time zone; summer time is standard time + 1 h.
    /// </summary>
    public static class EuSummerTime
    {
        /// <summary>Shift of summer time against standard time, in seconds (1 h).</summary>
        public const int ShiftSeconds = 3600;

        private const int ChangeSecondOfDay = 3600; // 01:00 UTC

        /// <summary>UTC seconds (since 1970) at which summer time begins in <paramref name="year"/>.</summary>
        public static long StartUtc(int year)
        {
            return CivilCalendar.LastSundayOf(year, 3) * UnixTime.SecondsPerDay + ChangeSecondOfDay;
        }

        /// <summary>UTC seconds (since 1970) at which summer time ends in <paramref name="year"/>.</summary>
        public static long EndUtc(int year)
        {
            return CivilCalendar.LastSundayOf(year, 10) * UnixTime.SecondsPerDay + ChangeSecondOfDay;
        }

        /// <summary><c>true</c> when summer time is in effect at <paramref name="utcSeconds"/> (start inclusive, end exclusive).</summary>
        public static bool IsInEffect(long utcSeconds)
        {
            int year = YearOf(utcSeconds);
            return utcSeconds >= StartUtc(year) && utcSeconds < EndUtc(year);
        }

        /// <summary>The first summer-time change strictly after <paramref name="utcSeconds"/>.</summary>
        public static long NextChangeAfter(long utcSeconds)
        {
            int year = YearOf(utcSeconds);
            long start = StartUtc(year);
            if (utcSeconds < start)
            {
                return start;
            }

            long end = EndUtc(year);
            return utcSeconds < end ? end : StartUtc(year + 1);
        }

        private static int YearOf(long utcSeconds)
        {
            int year;
            int month;
            int day;
            CivilCalendar.FromDayNumber(UnixTime.FloorDiv(utcSeconds, UnixTime.SecondsPerDay), out year, out month, out day);
            return year;
        }
    }
}
