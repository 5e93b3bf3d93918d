using Meter.Clock;
using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// A meter local time as a COSEM date-time (Blue Book 4.1.6.1 "Date and time formats"): the wall-clock date and
    /// time of the meter's <see cref="LocalTimeRule"/>, day of week 1 = Monday … 7 = Sunday, deviation = UTC − local
    /// in minutes (CET −60, CEST −120), clock status bit 7 "daylight saving active" in summer time, as the optical
    /// port marks summer time with the season flag of its time stamps.
    /// </summary>
    public static class CosemDateTime
    {
        /// <summary>Clock status bit 7: daylight saving active.</summary>
        public const int DaylightSavingActive = 0x80;

        /// <summary>Writes <paramref name="local"/> as a date-time octet string.</summary>
        public static void Write(AxdrWriter value, LocalDateTime local)
        {
            int dayOfWeek = (int)local.DayOfWeek; // System.DayOfWeek: Sunday = 0
            value.WriteDateTime(local.Year, local.Month, local.Day, dayOfWeek == 0 ? 7 : dayOfWeek,
                local.Hour, local.Minute, local.Second, 0, -(local.UtcOffsetSeconds / 60),
                local.IsSummerTime ? DaylightSavingActive : 0);
        }
    }
}
