using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The one path by which the tariff timetable's settings change, whoever writes them (the optical port's list
    /// writes 0-0:13.0.0 / 0-0:11.0.0, the DLMS activity calendar and special days table): checks the rules of the
    /// settings (<see cref="TariffSwitchList.IsSwitchList"/>, <see cref="ListSettings.IsHolidayList"/>), commits the
    /// settings record, rebuilds the timetable (the next cycle evaluates the tariff with it) and logs a
    /// ParameterChange — detail = the list's <see cref="SettingsRecord"/> index; old and new value: the first two
    /// switches packed (switch 0 in the low 32 bits), or the holiday count × 2^48 + the first holiday.
    /// </summary>
    public sealed class TariffTimetableWriter
    {
        private readonly MeterSettings _settings;
        private readonly SettingsRecordStore _record;
        private readonly TariffSelection _tariffs;
        private readonly EventRouting _events;

        public TariffTimetableWriter(MeterSettings settings, SettingsRecordStore record, TariffSelection tariffs, EventRouting events)
        {
            _settings = settings;
            _record = record;
            _tariffs = tariffs;
            _events = events;
        }

        /// <summary>The working-day switches (packed, see <see cref="TariffSwitchList"/>) replace the timetable's;
        /// false (nothing changes) when they break the list's rules.</summary>
        public bool ReplaceWorkingDaySwitches(int[] switches)
        {
            MeterSettings s = _settings;
            if (!TariffSwitchList.IsSwitchList(switches, s.TariffCount)) return false;
            long old = FirstTwo(s.WorkingDaySwitches);
            s.WorkingDaySwitches = switches;
            _record.Commit();
            _tariffs.UseSettings();
            _events.Log(EventKind.ParameterChange, SettingsRecord.TariffSwitches, old, FirstTwo(switches));
            return true;
        }

        /// <summary>The holidays (packed as <see cref="MeterSettings.Holidays"/>) replace the timetable's; false
        /// (nothing changes) when they break the table's rules.</summary>
        public bool ReplaceHolidays(int[] holidays)
        {
            if (!ListSettings.IsHolidayList(holidays)) return false;
            MeterSettings s = _settings;
            long old = HolidaySummary(s.Holidays);
            s.Holidays = holidays;
            _record.Commit();
            _tariffs.UseSettings();
            _events.Log(EventKind.ParameterChange, SettingsRecord.Holidays, old, HolidaySummary(holidays));
            return true;
        }

        private static long FirstTwo(int[] switches)
        {
            long packed = 0;
            for (int i = 0; i < switches.Length && i < 2; i++) packed |= (long)switches[i] << (32 * i);
            return packed;
        }

        private static long HolidaySummary(int[] holidays)
        {
            return ((long)holidays.Length << 48) + (holidays.Length == 0 ? 0 : holidays[0]); // a holiday is positive, below 2^25
        }
    }
}
