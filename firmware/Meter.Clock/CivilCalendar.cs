using System;

namespace Meter.Clock
{
    /// <summary>
    /// Proleptic Gregorian calendar in integer arithmetic: day numbers (days since 1970-01-01)
    /// to and from year/month/day, weekdays, leap years. Exact for any date the meter meets,
    /// and independent of the platform's date support.
    /// </summary>
    public static class CivilCalendar
    {
        /// <summary>Days from 0000-03-01 to 1970-01-01 in the shifted (March-based) calendar.</summary>
        private const long DaysFromEraOriginToEpoch = 719468;

        /// <summary>Days in a 400-year Gregorian cycle.</summary>
        private const long DaysPerEra = 146097;

        /// <summary>Gregorian leap year: divisible by 4, except centuries not divisible by 400.</summary>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Days in <paramref name="month"/> (1–12) of <paramref name="year"/>.</summary>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    return IsLeapYear(year) ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    if (month < 1 || month > 12)
                    {
                        throw new ArgumentOutOfRangeException("month", "month must be 1..12");
                    }

                    return 31;
            }
        }

        /// <summary>Day number (days since 1970-01-01) of a valid date.</summary>
        public static long DayNumber(int year, int month, int day)
        {
            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
            {
                throw new ArgumentOutOfRangeException("day", "not a calendar date");
            }

            // Count from 1 March so that the leap day is the last day of the shifted year.
            long y = month <= 2 ? year - 1 : year;
            long era = UnixTime.FloorDiv(y, 400);
            long yearOfEra = y - era * 400;
            long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * DaysPerEra + dayOfEra - DaysFromEraOriginToEpoch;
        }

        /// <summary>Year, month and day of a day number (days since 1970-01-01).</summary>
        public static void FromDayNumber(long dayNumber, out int year, out int month, out int day)
        {
            long z = dayNumber + DaysFromEraOriginToEpoch;
            long era = UnixTime.FloorDiv(z, DaysPerEra);
            long dayOfEra = z - era * DaysPerEra;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long shiftedMonth = (5 * dayOfYear + 2) / 153;
            day = (int)(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
            month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
            year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        }

        /// <summary>Weekday of a day number; 1970-01-01 was a Thursday.</summary>
        public static DayOfWeek DayOfWeekOf(long dayNumber)
        {
            return (DayOfWeek)(int)UnixTime.FloorMod(dayNumber + (int)DayOfWeek.Thursday, 7);
        }

        /// <summary>Day number of the last Sunday of <paramref name="month"/> in <paramref name="year"/>.</summary>
        public static long LastSundayOf(int year, int month)
        {
            long lastDay = DayNumber(year, month, DaysInMonth(year, month));
            return lastDay - (int)DayOfWeekOf(lastDay); // Sunday = 0
        }
    }
}
