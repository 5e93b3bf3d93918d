using System;

namespace Meter.Clock
{
    /// <summary>
    /// A season of the tariff timetable: from its start date (every year) until the next
    /// season's start, the given day profiles apply by day type.
    /// </summary>
    public sealed class TariffSeason
    {
        private readonly int _startMonth;
        private readonly int _startDay;
        private readonly TariffDayProfile _workingDay;
        private readonly TariffDayProfile _saturday;
        private readonly TariffDayProfile _sundayOrHoliday;

        /// <summary>Creates a season starting on <paramref name="startDay"/>.<paramref name="startMonth"/> each year.</summary>
        public TariffSeason(int startMonth, int startDay, TariffDayProfile workingDay, TariffDayProfile saturday, TariffDayProfile sundayOrHoliday)
        {
            if (startMonth < 1 || startMonth > 12 || startDay < 1 || startDay > CivilCalendar.DaysInMonth(2000, startMonth))
            {
                throw new ArgumentOutOfRangeException("startDay", "season start must be a day of the year (1.1. .. 31.12.)");
            }

            if (startMonth == 2 && startDay == 29)
            {
                throw new ArgumentOutOfRangeException("startDay", "a season cannot start on 29 February (not every year has one)");
            }

            if (workingDay == null || saturday == null || sundayOrHoliday == null)
            {
                throw new ArgumentException("a season needs a day profile for every day type");
            }

            _startMonth = startMonth;
            _startDay = startDay;
            _workingDay = workingDay;
            _saturday = saturday;
            _sundayOrHoliday = sundayOrHoliday;
        }

        /// <summary>Start month, 1–12.</summary>
        public int StartMonth => _startMonth;

        /// <summary>Start day of month.</summary>
        public int StartDay => _startDay;

        /// <summary>Start as month × 100 + day, for ordering.</summary>
        public int StartKey => _startMonth * 100 + _startDay;

        /// <summary>The day profile for <paramref name="dayType"/>.</summary>
        public TariffDayProfile ProfileFor(DayType dayType)
        {
            switch (dayType)
            {
                case DayType.Saturday: return _saturday;
                case DayType.SundayOrHoliday: return _sundayOrHoliday;
                default: return _workingDay;
            }
        }
    }
}
