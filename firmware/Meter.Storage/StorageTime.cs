namespace Meter.Storage
{
    /// <summary>
    /// The storage time base: stored times are whole minutes since 2000-01-01 00:00 local time,
    /// which fit 32 bits for 8000 years, and dates are days since 2000-01-01. Only the shift of
    /// epoch lives here; the calendar arithmetic (leap years, day numbers, weekdays) is
    /// <see cref="Meter.Clock.CivilCalendar"/>'s, on days since 1970-01-01.
    /// </summary>
    public static class StorageTime
    {
        /// <summary>100-ns ticks per minute (System.DateTime tick = 100 ns).</summary>
        public const long TicksPerMinute = 600000000L;

        /// <summary>Minutes per day.</summary>
        public const int MinutesPerDay = 1440;

        /// <summary>DateTime.Ticks of 2000-01-01 00:00 (730119 days after 0001-01-01).</summary>
        public const long EpochTicks = 630822816000000000L;

        // Days from 1970-01-01 to 2000-01-01.
        private const long DaysFrom1970To2000 = 10957;

        /// <summary>Whole minutes since 2000-01-01 00:00 of <paramref name="time"/> (seconds dropped).</summary>
        public static long ToMinutes(System.DateTime time)
        {
            long ticks = time.Ticks - EpochTicks;
            if (ticks < 0)
            {
                throw new System.ArgumentException("times before 2000-01-01 cannot be stored");
            }
            return ticks / TicksPerMinute;
        }

        /// <summary>The DateTime <paramref name="minutes"/> minutes after 2000-01-01 00:00.</summary>
        public static System.DateTime FromMinutes(long minutes)
        {
            return new System.DateTime(EpochTicks + minutes * TicksPerMinute);
        }

        /// <summary>Days since 2000-01-01 of the date <paramref name="year"/>-<paramref name="month"/>-<paramref name="day"/>.</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            if (month < 1 || month > 12 || day < 1 || day > Meter.Clock.CivilCalendar.DaysInMonth(year, month))
            {
                throw new System.ArgumentException("no such calendar date");
            }
            return Meter.Clock.CivilCalendar.DayNumber(year, month, day) - DaysFrom1970To2000;
        }

        /// <summary>Splits <paramref name="days"/> since 2000-01-01 into year, month (1–12) and day (1–31).</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            Meter.Clock.CivilCalendar.FromDayNumber(days + DaysFrom1970To2000, out year, out month, out day);
        }

        /// <summary>ISO 8601 day of week of <paramref name="days"/> since 2000-01-01: 1 = Monday … 7 = Sunday.</summary>
        public static int IsoDayOfWeek(long days)
        {
            int d = (int)Meter.Clock.CivilCalendar.DayOfWeekOf(days + DaysFrom1970To2000); // Sunday = 0
            return d == 0 ? 7 : d;
        }
    }
}
