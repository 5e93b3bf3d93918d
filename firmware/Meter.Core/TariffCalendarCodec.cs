using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// A-XDR of the activity calendar's tables (Blue Book IC 20 Activity calendar, version 0) to and from
    /// <see cref="TariffCalendarTables"/>. Reading refuses a value that is not the attribute's type with
    /// type-unmatched and a value the meter's tariff model cannot run with other-reason (more than one season or
    /// week, a week whose working days or weekend days differ, more than two day profiles or eight switches, a
    /// switch not on a whole minute, a first switch after 00:00, a script other than the tariff script table,
    /// a tariff the meter lacks).
    /// </summary>
    public static class TariffCalendarCodec
    {
        /// <summary>0-0:10.0.100.255, the tariffication script table (IEC 62056-6-1 OBIS): the script_logical_name
        /// of every switch; script_selector = the tariff number.</summary>
        public static readonly byte[] TariffScriptTable = { 0, 0, 10, 0, 100, 255 };

        private const int TimeLength = 4, DateTimeLength = 12, NotSpecified = 0xFF;

        /// <summary>calendar_name: octet-string.</summary>
        public static void WriteName(byte[] name, int length, AxdrWriter value) => value.WriteOctetString(name, 0, length);

        /// <summary>season_profile ::= array season; season ::= structure { season_profile_name octet-string,
        /// season_start octet-string (date-time), week_name octet-string }.</summary>
        public static void WriteSeasons(TariffCalendarTables t, AxdrWriter value)
        {
            value.WriteArray(t.SeasonCount);
            if (t.SeasonCount == 0) return;
            value.WriteStructure(3);
            value.WriteOctetString(t.SeasonName, 0, t.SeasonNameLength);
            value.WriteOctetString(t.SeasonStart, 0, DateTimeLength);
            value.WriteOctetString(t.SeasonWeekName, 0, t.SeasonWeekNameLength);
        }

        /// <summary>week_profile_table ::= array week_profile; week_profile ::= structure { week_profile_name
        /// octet-string, monday … sunday day_id unsigned }.</summary>
        public static void WriteWeeks(TariffCalendarTables t, AxdrWriter value)
        {
            value.WriteArray(t.WeekCount);
            if (t.WeekCount == 0) return;
            value.WriteStructure(8);
            value.WriteOctetString(t.WeekName, 0, t.WeekNameLength);
            for (int d = 0; d < 7; d++) value.WriteUnsigned((byte)t.WeekDays[d]);
        }

        /// <summary>day_profile_table ::= array day_profile; day_profile ::= structure { day_id unsigned,
        /// day_schedule array day_profile_action }; day_profile_action ::= structure { start_time octet-string
        /// (time), script_logical_name octet-string, script_selector long-unsigned }.</summary>
        public static void WriteDays(TariffCalendarTables t, AxdrWriter value)
        {
            value.WriteArray(t.DayCount);
            for (int d = 0; d < t.DayCount; d++)
            {
                value.WriteStructure(2);
                value.WriteUnsigned((byte)t.DayIds[d]);
                value.WriteArray(t.ActionCounts[d]);
                for (int a = 0; a < t.ActionCounts[d]; a++)
                {
                    int minute = t.ActionMinutes[d * TariffCalendarTables.MaxActions + a];
                    value.WriteStructure(3);
                    value.WriteByte(AxdrType.OctetString);
                    value.WriteByte(TimeLength);
                    value.WriteByte(minute / 60);
                    value.WriteByte(minute % 60);
                    value.WriteByte(0);
                    value.WriteByte(0);
                    value.WriteOctetString(TariffScriptTable, 0, 6);
                    value.WriteLongUnsigned((ushort)t.ActionTariffs[d * TariffCalendarTables.MaxActions + a]);
                }
            }
        }

        /// <summary>A name of at most <see cref="TariffCalendarTables.MaxNameLength"/> octets into
        /// <paramref name="name"/>; its length, or -1 with <paramref name="result"/> set.</summary>
        public static int ReadName(AxdrReader value, byte[] name, ref DataAccessResult result)
        {
            int length = value.ReadString(AxdrType.OctetString, name, 0, name.Length);
            if (length < 0) result = Refusal(value);
            return length;
        }

        /// <summary>Reads a season_profile into <paramref name="t"/>: exactly one season.</summary>
        public static DataAccessResult ReadSeasons(AxdrReader value, TariffCalendarTables t, byte[] scratch)
        {
            int count = value.ReadArray();
            if (count < 0) return Refusal(value);
            if (count != 1) return DataAccessResult.OtherReason; // one season all year
            DataAccessResult result = DataAccessResult.Success;
            if (value.ReadStructure() != 3) return StructureRefusal(value);
            t.SeasonNameLength = ReadName(value, t.SeasonName, ref result);
            if (result != DataAccessResult.Success) return result;
            if (value.ReadString(AxdrType.OctetString, scratch, 0, DateTimeLength) != DateTimeLength) return DataAccessResult.TypeUnmatched;
            System.Array.Copy(scratch, 0, t.SeasonStart, 0, DateTimeLength);
            t.SeasonWeekNameLength = ReadName(value, t.SeasonWeekName, ref result);
            if (result != DataAccessResult.Success) return result;
            t.SeasonCount = 1;
            return DataAccessResult.Success;
        }

        /// <summary>Reads a week_profile_table into <paramref name="t"/>: exactly one week, Monday … Friday one
        /// day id, Saturday and Sunday one day id.</summary>
        public static DataAccessResult ReadWeeks(AxdrReader value, TariffCalendarTables t)
        {
            int count = value.ReadArray();
            if (count < 0) return Refusal(value);
            if (count != 1) return DataAccessResult.OtherReason; // one week
            if (value.ReadStructure() != 8) return StructureRefusal(value);
            DataAccessResult result = DataAccessResult.Success;
            t.WeekNameLength = ReadName(value, t.WeekName, ref result);
            if (result != DataAccessResult.Success) return result;
            for (int d = 0; d < 7; d++)
            {
                t.WeekDays[d] = (int)value.ReadInteger(AxdrType.Unsigned);
                if (value.Failed) return Refusal(value);
            }
            for (int d = 1; d < 5; d++)
                if (t.WeekDays[d] != t.WeekDays[0]) return DataAccessResult.OtherReason; // one working-day profile
            if (t.WeekDays[6] != t.WeekDays[5]) return DataAccessResult.OtherReason; // one weekend profile
            t.WeekCount = 1;
            return DataAccessResult.Success;
        }

        /// <summary>Reads a day_profile_table into <paramref name="t"/> (<paramref name="tariffCount"/>: the meter's
        /// tariffs).</summary>
        public static DataAccessResult ReadDays(AxdrReader value, TariffCalendarTables t, int tariffCount, byte[] scratch)
        {
            int count = value.ReadArray();
            if (count < 0) return Refusal(value);
            if (count < 1 || count > TariffCalendarTables.MaxDays) return DataAccessResult.OtherReason;
            t.DayCount = 0;
            for (int d = 0; d < count; d++)
            {
                if (value.ReadStructure() != 2) return StructureRefusal(value);
                int id = (int)value.ReadInteger(AxdrType.Unsigned);
                if (value.Failed) return Refusal(value);
                if (t.DayIndex(id) >= 0) return DataAccessResult.OtherReason; // a day id twice
                t.DayIds[d] = id;
                t.DayCount = d + 1;
                DataAccessResult result = ReadActions(value, t, d, tariffCount, scratch);
                if (result != DataAccessResult.Success) return result;
            }
            return DataAccessResult.Success;
        }

        private static DataAccessResult ReadActions(AxdrReader value, TariffCalendarTables t, int day, int tariffCount, byte[] scratch)
        {
            int actions = value.ReadArray();
            if (actions < 0) return Refusal(value);
            if (actions < 1 || actions > TariffCalendarTables.MaxActions) return DataAccessResult.OtherReason;
            for (int a = 0; a < actions; a++)
            {
                if (value.ReadStructure() != 3) return StructureRefusal(value);
                if (value.ReadString(AxdrType.OctetString, scratch, 0, TimeLength) != TimeLength) return DataAccessResult.TypeUnmatched;
                int hour = scratch[0], minute = scratch[1], second = scratch[2], hundredths = scratch[3];
                if (value.ReadString(AxdrType.OctetString, scratch, TimeLength, 6) != 6) return DataAccessResult.TypeUnmatched;
                long tariff = value.ReadInteger(AxdrType.LongUnsigned);
                if (value.Failed) return Refusal(value);
                // The meter switches on whole minutes of a fully given time of day.
                if (hour > 23 || minute > 59 || (second != 0 && second != NotSpecified) || (hundredths != 0 && hundredths != NotSpecified))
                    return DataAccessResult.OtherReason;
                for (int i = 0; i < 6; i++)
                    if (scratch[TimeLength + i] != TariffScriptTable[i]) return DataAccessResult.OtherReason;
                if (tariff < 1 || tariff > tariffCount) return DataAccessResult.OtherReason;
                int at = hour * 60 + minute;
                // Switches in increasing time, the first at 00:00: the meter's day wraps (the tariff before the first
                // switch is the last one's), where the Blue Book carries the previous day's last switch over.
                if (a == 0 ? at != 0 : at <= t.ActionMinutes[day * TariffCalendarTables.MaxActions + a - 1])
                    return DataAccessResult.OtherReason;
                t.ActionMinutes[day * TariffCalendarTables.MaxActions + a] = at;
                t.ActionTariffs[day * TariffCalendarTables.MaxActions + a] = (int)tariff;
            }
            t.ActionCounts[day] = actions;
            return DataAccessResult.Success;
        }

        // A structure of the wrong size is a value of another type.
        private static DataAccessResult StructureRefusal(AxdrReader value) => value.Failed ? Refusal(value) : DataAccessResult.TypeUnmatched;

        // What the reader met: a string longer than the meter keeps is out of the model, anything else another type.
        private static DataAccessResult Refusal(AxdrReader value)
            => value.Error == AxdrError.ValueOutOfRange ? DataAccessResult.OtherReason : DataAccessResult.TypeUnmatched;
    }
}
