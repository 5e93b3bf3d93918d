namespace Meter.Core
{
    /// <summary>
    /// One calendar of the activity calendar (Blue Book IC 20) in fixed buffers, as far as the meter's tariff model
    /// goes: one season all year, one week (Monday to Friday one day profile, Saturday and Sunday another), at most
    /// <see cref="MaxDays"/> day profiles of at most <see cref="MaxActions"/> switches each (the working-day switches of
    /// <see cref="TariffSwitchList"/>). Holds the active calendar as the settings describe it
    /// (<see cref="FillFromSettings"/>) and the passive one a client writes; turns a complete passive calendar into the
    /// working-day switches (<see cref="TryGetSwitches"/>). Nothing is allocated after construction but the
    /// switches handed to the settings.
    /// </summary>
    public sealed class TariffCalendarTables
    {
        /// <summary>Longest calendar, season or week name kept (octets).</summary>
        public const int MaxNameLength = 16;
        /// <summary>Day profiles: the working day and the weekend/holiday day.</summary>
        public const int MaxDays = 2;
        /// <summary>Switches (day_profile_actions) of a day profile.</summary>
        public const int MaxActions = TariffSwitchList.MaximumSwitches;
        /// <summary>The meter's day ids: 1 the working day, 2 Saturday, Sunday and holidays.</summary>
        public const int WorkingDayId = 1, WeekendDayId = 2;
        /// <summary>The weekend and holidays are all tariff 2 (<see cref="TariffSelection.UseSettings"/>).</summary>
        public const int WeekendTariff = 2;

        public readonly byte[] CalendarName = new byte[MaxNameLength];
        public int CalendarNameLength;

        public int SeasonCount; // 0 or 1
        public readonly byte[] SeasonName = new byte[MaxNameLength];
        public int SeasonNameLength;
        public readonly byte[] SeasonStart = new byte[12];
        public readonly byte[] SeasonWeekName = new byte[MaxNameLength];
        public int SeasonWeekNameLength;

        public int WeekCount; // 0 or 1
        public readonly byte[] WeekName = new byte[MaxNameLength];
        public int WeekNameLength;
        /// <summary>day_id of Monday … Sunday.</summary>
        public readonly int[] WeekDays = new int[7];

        public int DayCount;
        public readonly int[] DayIds = new int[MaxDays];
        public readonly int[] ActionCounts = new int[MaxDays];
        /// <summary>Minute of the day of each switch (day × <see cref="MaxActions"/> + action).</summary>
        public readonly int[] ActionMinutes = new int[MaxDays * MaxActions];
        /// <summary>Tariff number 1.. (script_selector) of each switch.</summary>
        public readonly int[] ActionTariffs = new int[MaxDays * MaxActions];

        private readonly int[] _defaultSwitches = new int[2];

        /// <summary>Copies every field of <paramref name="other"/>.</summary>
        public void CopyFrom(TariffCalendarTables other)
        {
            System.Array.Copy(other.CalendarName, 0, CalendarName, 0, MaxNameLength);
            CalendarNameLength = other.CalendarNameLength;
            SeasonCount = other.SeasonCount;
            System.Array.Copy(other.SeasonName, 0, SeasonName, 0, MaxNameLength);
            SeasonNameLength = other.SeasonNameLength;
            System.Array.Copy(other.SeasonStart, 0, SeasonStart, 0, 12);
            System.Array.Copy(other.SeasonWeekName, 0, SeasonWeekName, 0, MaxNameLength);
            SeasonWeekNameLength = other.SeasonWeekNameLength;
            WeekCount = other.WeekCount;
            System.Array.Copy(other.WeekName, 0, WeekName, 0, MaxNameLength);
            WeekNameLength = other.WeekNameLength;
            System.Array.Copy(other.WeekDays, 0, WeekDays, 0, 7);
            DayCount = other.DayCount;
            System.Array.Copy(other.DayIds, 0, DayIds, 0, MaxDays);
            System.Array.Copy(other.ActionCounts, 0, ActionCounts, 0, MaxDays);
            System.Array.Copy(other.ActionMinutes, 0, ActionMinutes, 0, ActionMinutes.Length);
            System.Array.Copy(other.ActionTariffs, 0, ActionTariffs, 0, ActionTariffs.Length);
        }

        /// <summary>
        /// The calendar the meter runs on: season "01" from 1 January of every year, week "01" (Monday … Friday day 1,
        /// Saturday and Sunday day 2), day 1 the working-day switches (the settings' list or the default hours; an
        /// explicit 00:00 switch to the tariff that runs from midnight — the last switch's, the day wraps — when the
        /// list has none), day 2 tariff 2 all day. The calendar name is kept as it is.
        /// </summary>
        public void FillFromSettings(MeterSettings settings)
        {
            SeasonCount = 1;
            SeasonNameLength = 1;
            SeasonName[0] = 1;
            SeasonStart[0] = 0xFF; SeasonStart[1] = 0xFF; // every year
            SeasonStart[2] = 1; SeasonStart[3] = 1; SeasonStart[4] = 0xFF; // 1 January, any weekday
            SeasonStart[5] = 0; SeasonStart[6] = 0; SeasonStart[7] = 0; SeasonStart[8] = 0; // 00:00:00.00
            SeasonStart[9] = 0x80; SeasonStart[10] = 0x00; SeasonStart[11] = 0xFF; // deviation, status not specified
            SeasonWeekNameLength = 1;
            SeasonWeekName[0] = 1;
            WeekCount = 1;
            WeekNameLength = 1;
            WeekName[0] = 1;
            for (int d = 0; d < 7; d++) WeekDays[d] = d < 5 ? WorkingDayId : WeekendDayId;
            DayCount = 2;
            DayIds[0] = WorkingDayId;
            int[] switches = settings.WorkingDaySwitches;
            if (switches.Length == 0)
            {
                TariffSwitchList.FillDefaultSwitches(settings.DayTariffStartHour, settings.DayTariffEndHour, _defaultSwitches);
                switches = _defaultSwitches; // no new array per read
            }
            int n = 0;
            if (switches[0] / 8 != 0) AddAction(0, ref n, 0, switches[switches.Length - 1] % 8 + 1);
            for (int i = 0; i < switches.Length && n < MaxActions; i++) AddAction(0, ref n, switches[i] / 8, switches[i] % 8 + 1);
            ActionCounts[0] = n;
            DayIds[1] = WeekendDayId;
            n = 0;
            AddAction(1, ref n, 0, WeekendTariff);
            ActionCounts[1] = n;
        }

        private void AddAction(int day, ref int count, int minute, int tariff)
        {
            ActionMinutes[day * MaxActions + count] = minute;
            ActionTariffs[day * MaxActions + count] = tariff;
            count++;
        }

        /// <summary>Index of the day profile <paramref name="dayId"/>, or -1.</summary>
        public int DayIndex(int dayId)
        {
            for (int i = 0; i < DayCount; i++)
                if (DayIds[i] == dayId) return i;
            return -1;
        }

        /// <summary>
        /// The working-day switches (packed as <see cref="TariffSwitchList"/>) of a complete calendar the meter can
        /// run: the season names the week, the week's day ids are in the day table, Saturday and Sunday are tariff
        /// <see cref="WeekendTariff"/> all day (the meter's weekend and holidays). Null otherwise.
        /// </summary>
        public int[] TryGetSwitches()
        {
            if (SeasonCount != 1 || WeekCount != 1) return null;
            if (!SameName(SeasonWeekName, SeasonWeekNameLength, WeekName, WeekNameLength)) return null;
            int working = DayIndex(WeekDays[0]);
            int weekend = DayIndex(WeekDays[5]);
            if (working < 0 || weekend < 0) return null;
            int at = weekend * MaxActions;
            if (ActionCounts[weekend] != 1 || ActionMinutes[at] != 0 || ActionTariffs[at] != WeekendTariff) return null;
            int[] switches = new int[ActionCounts[working]];
            for (int i = 0; i < switches.Length; i++)
                switches[i] = ActionMinutes[working * MaxActions + i] * 8 + ActionTariffs[working * MaxActions + i] - 1;
            return switches;
        }

        private static bool SameName(byte[] a, int aLength, byte[] b, int bLength)
        {
            if (aLength != bLength) return false;
            for (int i = 0; i < aLength; i++)
                if (a[i] != b[i]) return false;
            return true;
        }
    }
}
