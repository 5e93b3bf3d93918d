using Meter.Clock;
using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// A-XDR of the special days table's entries (Blue Book IC 11 Special days table, version 0) over the meter's
    /// holidays (<see cref="MeterSettings.Holidays"/>, in their order): spec_day_entry ::= structure { index
    /// long-unsigned (the holiday's position, 1 …), specialday_date octet-string (date: year, 0xFFFF every year;
    /// month; day of month; day of week, 0xFF), day_id unsigned (always the weekend/holiday day profile: the meter
    /// runs holidays with the Sunday tariff) }.
    /// </summary>
    public static class SpecialDaysCodec
    {
        private const int DateLength = 5, EveryYear = 0xFFFF, NotSpecified = 0xFF;

        /// <summary>entries ::= array spec_day_entry.</summary>
        public static void WriteEntries(int[] holidays, AxdrWriter value)
        {
            value.WriteArray(holidays.Length);
            for (int i = 0; i < holidays.Length; i++)
            {
                int h = holidays[i], year = h / 10000;
                value.WriteStructure(3);
                value.WriteLongUnsigned((ushort)(i + 1));
                value.WriteByte(AxdrType.OctetString);
                value.WriteByte(DateLength);
                value.WriteBigEndian(year == 0 ? EveryYear : year, 2);
                value.WriteByte(h / 100 % 100);
                value.WriteByte(h % 100);
                value.WriteByte(NotSpecified);
                value.WriteUnsigned(TariffCalendarTables.WeekendDayId);
            }
        }

        /// <summary>
        /// Reads one spec_day_entry (the insert method's parameter): <paramref name="index"/> and the holiday packed as
        /// <see cref="MeterSettings.Holidays"/>. type-unmatched for another structure; other-reason for a date the
        /// meter cannot keep (a month or day given by wildcard, a weekday on an every-year date or one that is not the
        /// date's, a year outside 2000 … 2099, no real date) or a day_id other than the holiday day profile.
        /// </summary>
        public static DataAccessResult ReadEntry(AxdrReader value, byte[] scratch, out int index, out int holiday)
        {
            index = 0;
            holiday = 0;
            if (value.ReadStructure() != 3) return DataAccessResult.TypeUnmatched;
            index = (int)value.ReadInteger(AxdrType.LongUnsigned);
            int length = value.ReadString(AxdrType.OctetString, scratch, 0, DateLength);
            long dayId = value.ReadInteger(AxdrType.Unsigned);
            if (value.Failed || length != DateLength) return DataAccessResult.TypeUnmatched;
            if (dayId != TariffCalendarTables.WeekendDayId) return DataAccessResult.OtherReason;
            int year = scratch[0] << 8 | scratch[1], month = scratch[2], day = scratch[3], weekday = scratch[4];
            if (year == EveryYear) year = 0;
            holiday = year * 10000 + month * 100 + day;
            if (month > 12 || day > 31 || !ListSettings.IsHoliday(holiday)) return DataAccessResult.OtherReason;
            if (weekday != NotSpecified && (year == 0 || weekday != CosemWeekday(year, month, day))) return DataAccessResult.OtherReason;
            return DataAccessResult.Success;
        }

        // Day of week as COSEM numbers it: 1 Monday … 7 Sunday.
        private static int CosemWeekday(int year, int month, int day)
        {
            int weekday = (int)CivilCalendar.DayOfWeekOf(CivilCalendar.DayNumber(year, month, day)); // 0 Sunday
            return weekday == 0 ? 7 : weekday;
        }
    }
}
