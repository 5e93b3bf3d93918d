namespace Meter.Clock
{
    /// <summary>The day types a tariff timetable distinguishes (seeds: "Table for Sundays and public holidays").</summary>
    public enum DayType
    {
        /// <summary>Monday to Friday, not a holiday.</summary>
        WorkingDay = 0,

        /// <summary>Saturday, not a holiday.</summary>
        Saturday = 1,

        /// <summary>Sunday or a holiday of the holiday table.</summary>
        SundayOrHoliday = 2,
    }
}
