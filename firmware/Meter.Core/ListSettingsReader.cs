using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The entries of the lists the optical port writes (<see cref="ListSettingsWriter"/>,
    /// <see cref="TariffSwitchList"/>) as they are in force now, for an R1 of the list (Meter.Obis
    /// <see cref="ListObject"/>): each item in the text form its write accepts, so a list read can
    /// be written back unchanged. The working-day switching list shows the two switches the
    /// meter uses while none was written (DayTariffStartHour / DayTariffEndHour).
    /// </summary>
    public sealed class ListSettingsReader : IObisListSource
    {
        private readonly MeterSettings _settings;

        /// <summary>Reads the lists of <paramref name="settings"/>.</summary>
        public ListSettingsReader(MeterSettings settings)
        {
            _settings = settings;
        }

        /// <inheritdoc />
        public int CountItems(ObisCode code)
        {
            MeterSettings s = _settings;
            if (code == ListSettings.NormalDisplayList) return s.NormalDisplayList.Length;
            if (code == ListSettings.AlternateDisplayList) return s.AlternateDisplayList.Length;
            if (code == ListSettings.ReadoutList) return s.ReadoutCodes.Length;
            if (code == ListSettings.HolidayTable) return s.Holidays.Length;
            if (code == SettingsObjects.TariffTable) return WorkingDaySwitches(s).Length;
            return -1;
        }

        /// <inheritdoc />
        public bool TryReadItem(ObisCode code, int index, out string text)
        {
            text = null;
            if (index < 0 || index >= CountItems(code)) return false;
            MeterSettings s = _settings;
            if (code == ListSettings.NormalDisplayList) text = ListSettings.FormatCode(s.NormalDisplayList[index]);
            else if (code == ListSettings.AlternateDisplayList) text = ListSettings.FormatCode(s.AlternateDisplayList[index]);
            else if (code == ListSettings.ReadoutList) text = ListSettings.FormatReadoutItem(s.ReadoutCodes[index], s.ReadoutBillingPeriods[index]);
            else if (code == ListSettings.HolidayTable) text = ListSettings.FormatHoliday(s.Holidays[index]);
            else text = TariffSwitchList.FormatSwitch(WorkingDaySwitches(s)[index]);
            return true;
        }

        // As TariffSelection.UseSettings builds the working day.
        private static int[] WorkingDaySwitches(MeterSettings s)
        {
            return s.WorkingDaySwitches.Length > 0 ? s.WorkingDaySwitches : TariffSwitchList.DefaultSwitches(s.DayTariffStartHour, s.DayTariffEndHour);
        }
    }
}
