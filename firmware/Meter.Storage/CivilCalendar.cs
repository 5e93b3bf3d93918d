namespace Meter.Storage
{
    /// <summary>
    /// Integer calendar arithmetic on local time (proleptic Gregorian calendar, leap year every
    /// 4th year except centuries not divisible by 400). Stored times are whole minutes since
    /// 2000-01-01 00:00 local time, which fit 32 bits for 8000 years. Algorithms after
    /// H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil, civil_from_days).
    /// </summary>
    public static class CivilCalendar
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
            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
            {
                throw new System.ArgumentException("no such calendar date");
            }
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yoe = y - era * 400;
            long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - 719468 - DaysFrom1970To2000;
        }

        /// <summary>Splits <paramref name="days"/> since 2000-01-01 into year, month (1–12) and day (1–31).</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + DaysFrom1970To2000 + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            day = (int)(doy - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
        }

        /// <summary>ISO 8601 day of week of <paramref name="days"/> since 2000-01-01: 1 = Monday … 7 = Sunday.</summary>
        public static int IsoDayOfWeek(long days)
        {
            // 2000-01-01 was a Saturday (ISO 6).
            long r = (days + 5) % 7;
            if (r < 0)
            {
                r += 7;
            }
            return (int)r + 1;
        }

        /// <summary>True for Gregorian leap years.</summary>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Days in <paramref name="month"/> (1–12) of <paramref name="year"/>.</summary>
        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                return IsLeapYear(year) ? 29 : 28;
            }
            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }
    }
}
