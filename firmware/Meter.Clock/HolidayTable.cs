using System;

namespace Meter.Clock
{
    /// <summary>
    /// Public holidays for the tariff timetable: fixed dates that recur every year (1 January,
    /// 25 December …) and explicit dates of one year (Easter-dependent holidays, bridge days).
    /// A holiday is treated as a Sunday.
    /// </summary>
    public sealed class HolidayTable
    {
        /// <summary>Most fixed (every-year) dates.</summary>
        public const int MaxFixedDates = 32;

        /// <summary>Most explicit dates.</summary>
        public const int MaxExplicitDates = 128;

        private readonly int[] _fixed = new int[MaxFixedDates];       // month × 100 + day
        private readonly long[] _explicit = new long[MaxExplicitDates]; // day numbers
        private int _fixedCount;
        private int _explicitCount;

        /// <summary>Adds a date that is a holiday every year.</summary>
        public HolidayTable AddFixed(int month, int day)
        {
            if (month < 1 || month > 12 || day < 1 || day > CivilCalendar.DaysInMonth(2000, month))
            {
                throw new ArgumentOutOfRangeException("day", "fixed holiday must be a day of the year");
            }

            if (_fixedCount == MaxFixedDates)
            {
                throw new InvalidOperationException("holiday table is full (32 fixed dates)");
            }

            _fixed[_fixedCount++] = month * 100 + day;
            return this;
        }

        /// <summary>Adds one explicit date.</summary>
        public HolidayTable AddDate(int year, int month, int day)
        {
            long dayNumber = CivilCalendar.DayNumber(year, month, day); // validates the date
            if (_explicitCount == MaxExplicitDates)
            {
                throw new InvalidOperationException("holiday table is full (128 explicit dates)");
            }

            _explicit[_explicitCount++] = dayNumber;
            return this;
        }

        /// <summary>Number of fixed dates.</summary>
        public int FixedCount => _fixedCount;

        /// <summary>Number of explicit dates.</summary>
        public int ExplicitCount => _explicitCount;

        /// <summary><c>true</c> when the local date (<paramref name="month"/>, <paramref name="day"/>, <paramref name="dayNumber"/>) is a holiday.</summary>
        public bool IsHoliday(int month, int day, long dayNumber)
        {
            int key = month * 100 + day;
            for (int i = 0; i < _fixedCount; i++)
            {
                if (_fixed[i] == key)
                {
                    return true;
                }
            }

            for (int i = 0; i < _explicitCount; i++)
            {
                if (_explicit[i] == dayNumber)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>true</c> when the local date is a holiday.</summary>
        public bool IsHoliday(LocalDateTime local)
        {
            return IsHoliday(local.Month, local.Day, local.DayNumber);
        }
    }
}
