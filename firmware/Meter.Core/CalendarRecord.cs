using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The values of the storage's calendar record (Meter.Storage MeterStorage.Calendar, power-fail safe and
    /// CRC-checked like the settings record): the active calendar's name, the passive calendar the management
    /// client wrote (<see cref="TariffCalendarTables"/>) and its activate_passive_calendar_time. Names and date-times
    /// are octets, 8 a value (first octet in the high byte). The active calendar's tables are not kept: they are the
    /// settings' timetable (<see cref="TariffCalendarTables.FillFromSettings"/>).
    /// </summary>
    public static class CalendarRecord
    {
        /// <summary>Index of the marker ("CAL" + record format 1): a record of another meaning is never applied.</summary>
        public const int Marker = 0;
        /// <summary>Index of the counts: octet 0 … 4 the lengths of the active, passive, season, season-week and week
        /// names; octet 5 the season count, 6 the week count, 7 the day count.</summary>
        public const int Counts = 1;
        /// <summary>Index of the active calendar's name (2 values).</summary>
        public const int ActiveName = 2;
        /// <summary>Index of the passive calendar's name (2 values).</summary>
        public const int PassiveName = 4;
        /// <summary>Index of the season name (2 values).</summary>
        public const int SeasonName = 6;
        /// <summary>Index of season_start, a date-time (2 values).</summary>
        public const int SeasonStart = 8;
        /// <summary>Index of the season's week name (2 values).</summary>
        public const int SeasonWeekName = 10;
        /// <summary>Index of the week name (2 values).</summary>
        public const int WeekName = 12;
        /// <summary>Index of the day ids of Monday … Sunday (octet 0 … 6).</summary>
        public const int WeekDays = 14;
        /// <summary>Index of the day profiles: octet 0, 1 the day ids, octet 2, 3 their switch counts.</summary>
        public const int Days = 15;
        /// <summary>Index of the switches (day × MaxActions + action, two a value, each minute × 256 + tariff).</summary>
        public const int Actions = 16;
        /// <summary>Index of activate_passive_calendar_time, a date-time (2 values).</summary>
        public const int ActivationTime = Actions + TariffCalendarTables.MaxDays * TariffCalendarTables.MaxActions / 2;
        /// <summary>Values in the record.</summary>
        public const int Length = ActivationTime + 2;

        private const long MarkerValue = 0x43414C01; // "CAL", format 1
        private const int DateTimeLength = 12;

        /// <summary>Fills <paramref name="values"/> (<see cref="Length"/> long).</summary>
        public static void Capture(TariffCalendarTables active, TariffCalendarTables passive, byte[] activationTime, long[] values)
        {
            for (int i = 0; i < values.Length; i++) values[i] = 0;
            values[Marker] = MarkerValue;
            values[Counts] = (long)Octets(active.CalendarNameLength, passive.CalendarNameLength, passive.SeasonNameLength,
                passive.SeasonWeekNameLength) << 32 | (Octets(passive.WeekNameLength, passive.SeasonCount, passive.WeekCount, passive.DayCount) & 0xFFFFFFFFL);
            PackOctets(active.CalendarName, active.CalendarNameLength, values, ActiveName);
            PackOctets(passive.CalendarName, passive.CalendarNameLength, values, PassiveName);
            PackOctets(passive.SeasonName, passive.SeasonNameLength, values, SeasonName);
            PackOctets(passive.SeasonStart, DateTimeLength, values, SeasonStart);
            PackOctets(passive.SeasonWeekName, passive.SeasonWeekNameLength, values, SeasonWeekName);
            PackOctets(passive.WeekName, passive.WeekNameLength, values, WeekName);
            for (int d = 0; d < 7; d++) values[WeekDays] |= (long)(passive.WeekDays[d] & 0xFF) << (8 * (7 - d));
            values[Days] = (long)Octets(passive.DayIds[0], passive.DayIds[1], passive.ActionCounts[0], passive.ActionCounts[1]) << 32;
            for (int a = 0; a < passive.ActionMinutes.Length; a++)
                values[Actions + a / 2] |= (long)(passive.ActionMinutes[a] * 256 + passive.ActionTariffs[a]) << (32 * (1 - a % 2));
            PackOctets(activationTime, DateTimeLength, values, ActivationTime);
        }

        /// <summary>
        /// Copies a stored record into <paramref name="active"/> (its name), <paramref name="passive"/> and
        /// <paramref name="activationTime"/> when it is one the meter could have written: the marker, names of at
        /// most <see cref="TariffCalendarTables.MaxNameLength"/> octets, at most one season and week and
        /// <see cref="TariffCalendarTables.MaxDays"/> day profiles of at most <see cref="TariffCalendarTables.MaxActions"/>
        /// switches, each at a minute of the day to a tariff 1 … <paramref name="tariffCount"/> in increasing time, the
        /// first at 00:00 (<see cref="TariffCalendarCodec"/>'s rules), and an activation time all not specified or a
        /// valid date. Returns false and changes nothing otherwise.
        /// </summary>
        public static bool TryApply(long[] values, int tariffCount, TariffCalendarTables active, TariffCalendarTables passive,
            TariffCalendarTables scratch, byte[] activationTime)
        {
            if (values[Marker] != MarkerValue) return false;
            int activeLength = Octet(values, Counts, 0);
            if (activeLength > TariffCalendarTables.MaxNameLength) return false;
            scratch.CalendarNameLength = Octet(values, Counts, 1);
            scratch.SeasonNameLength = Octet(values, Counts, 2);
            scratch.SeasonWeekNameLength = Octet(values, Counts, 3);
            scratch.WeekNameLength = Octet(values, Counts, 4);
            scratch.SeasonCount = Octet(values, Counts, 5);
            scratch.WeekCount = Octet(values, Counts, 6);
            scratch.DayCount = Octet(values, Counts, 7);
            if (scratch.CalendarNameLength > TariffCalendarTables.MaxNameLength || scratch.SeasonNameLength > TariffCalendarTables.MaxNameLength
                || scratch.SeasonWeekNameLength > TariffCalendarTables.MaxNameLength || scratch.WeekNameLength > TariffCalendarTables.MaxNameLength
                || scratch.SeasonCount > 1 || scratch.WeekCount > 1 || scratch.DayCount > TariffCalendarTables.MaxDays)
                return false;
            UnpackOctets(values, PassiveName, scratch.CalendarName, TariffCalendarTables.MaxNameLength);
            UnpackOctets(values, SeasonName, scratch.SeasonName, TariffCalendarTables.MaxNameLength);
            UnpackOctets(values, SeasonStart, scratch.SeasonStart, DateTimeLength);
            UnpackOctets(values, SeasonWeekName, scratch.SeasonWeekName, TariffCalendarTables.MaxNameLength);
            UnpackOctets(values, WeekName, scratch.WeekName, TariffCalendarTables.MaxNameLength);
            for (int d = 0; d < 7; d++) scratch.WeekDays[d] = Octet(values, WeekDays, d);
            for (int day = 0; day < TariffCalendarTables.MaxDays; day++)
            {
                scratch.DayIds[day] = Octet(values, Days, day);
                scratch.ActionCounts[day] = Octet(values, Days, 2 + day);
                if (!AreSwitches(values, day, day < scratch.DayCount ? scratch.ActionCounts[day] : 0, tariffCount, scratch)) return false;
            }
            if (scratch.DayCount == 2 && scratch.DayIds[0] == scratch.DayIds[1]) return false; // a day id twice
            byte[] time = new byte[DateTimeLength];
            UnpackOctets(values, ActivationTime, time, DateTimeLength);
            if (!IsNotSpecified(time) && !ToDateTime(time).IsValid) return false;
            passive.CopyFrom(scratch);
            UnpackOctets(values, ActiveName, active.CalendarName, TariffCalendarTables.MaxNameLength);
            active.CalendarNameLength = activeLength;
            System.Array.Copy(time, 0, activationTime, 0, DateTimeLength);
            return true;
        }

        /// <summary>True when <paramref name="dateTime"/>'s date is not specified (no activation pending).</summary>
        public static bool IsNotSpecified(byte[] dateTime)
        {
            return dateTime[0] == 0xFF && dateTime[1] == 0xFF && dateTime[2] == 0xFF && dateTime[3] == 0xFF;
        }

        /// <summary>The local date and time of an octet-string date-time (weekday, hundredths, deviation and status not looked at).</summary>
        public static ObisDateTime ToDateTime(byte[] dateTime)
        {
            return new ObisDateTime(dateTime[0] << 8 | dateTime[1], dateTime[2], dateTime[3], dateTime[5], dateTime[6], dateTime[7]);
        }

        // The day's switches as ReadActions accepts them; switches past count must be 0 (Capture writes them so).
        private static bool AreSwitches(long[] values, int day, int count, int tariffCount, TariffCalendarTables t)
        {
            if (count > TariffCalendarTables.MaxActions) return false;
            for (int a = 0; a < TariffCalendarTables.MaxActions; a++)
            {
                int i = day * TariffCalendarTables.MaxActions + a;
                int packed = (int)((values[Actions + i / 2] >> (32 * (1 - i % 2))) & 0xFFFFFFFFL);
                t.ActionMinutes[i] = packed / 256;
                t.ActionTariffs[i] = packed % 256;
                if (a >= count) continue;
                if (t.ActionMinutes[i] >= 1440 || t.ActionTariffs[i] < 1 || t.ActionTariffs[i] > tariffCount) return false;
                if (a == 0 ? t.ActionMinutes[i] != 0 : t.ActionMinutes[i] <= t.ActionMinutes[i - 1]) return false;
            }
            return true;
        }

        private static int Octets(int a, int b, int c, int d)
        {
            return (a & 0xFF) << 24 | (b & 0xFF) << 16 | (c & 0xFF) << 8 | (d & 0xFF);
        }

        private static int Octet(long[] values, int index, int octet)
        {
            return (int)((values[index] >> (8 * (7 - octet))) & 0xFF);
        }

        private static void PackOctets(byte[] octets, int length, long[] values, int index)
        {
            for (int i = 0; i < length; i++) values[index + i / 8] |= (long)octets[i] << (8 * (7 - i % 8));
        }

        private static void UnpackOctets(long[] values, int index, byte[] octets, int length)
        {
            for (int i = 0; i < length; i++) octets[i] = (byte)((values[index + i / 8] >> (8 * (7 - i % 8))) & 0xFF);
        }
    }
}
