using Meter.Clock;

namespace Meter.Core
{
    /// <summary>
    /// Friendly hours and days of prepayment: times in the meter's local time when an exhausted credit does not
    /// disconnect. One setting value: bits 0 … 23 = the local hours h:00 … h:59 that are friendly every day, bits
    /// 24 … 30 = Monday … Sunday friendly all day, bit 31 = the holidays of the holiday table (0-0:11.0.0) friendly all day.
    /// </summary>
    public static class FriendlyTime
    {
        /// <summary>Bit of Monday (Tuesday the next, … Sunday at 30).</summary>
        public const int MondayBit = 24;
        /// <summary>Bit of the holidays.</summary>
        public const int HolidayBit = 31;
        /// <summary>Every bit the setting defines.</summary>
        public const long AllBits = 0xFFFFFFFFL;

        /// <summary>True when <paramref name="local"/> is friendly under <paramref name="setting"/> and the holidays <paramref name="holidays"/> (packed as <see cref="MeterSettings.Holidays"/>).</summary>
        public static bool IsFriendly(long setting, LocalDateTime local, int[] holidays)
        {
            if ((setting & (1L << local.Hour)) != 0) return true;
            int weekday = ((int)local.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6 (System.DayOfWeek has Sunday 0)
            if ((setting & (1L << (MondayBit + weekday))) != 0) return true;
            return (setting & (1L << HolidayBit)) != 0 && IsHoliday(holidays, local);
        }

        // The packing of MeterSettings.Holidays: month × 100 + day every year, year × 10000 + month × 100 + day once.
        private static bool IsHoliday(int[] holidays, LocalDateTime local)
        {
            if (holidays == null) return false;
            int everyYear = local.Month * 100 + local.Day;
            int once = local.Year * 10000 + everyYear;
            for (int i = 0; i < holidays.Length; i++)
            {
                if (holidays[i] == everyYear || holidays[i] == once) return true;
            }
            return false;
        }
    }
}
