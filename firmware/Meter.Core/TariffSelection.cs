using Meter.Clock;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Which tariff registers energy: the timetable built from the settings, module inputs or the
    /// register command (<see cref="TariffController"/>), evaluated once a cycle and cached for the
    /// span in which it cannot change. Owner of the tariff indicator 0-0:96.14.0 (read: the active
    /// tariff 1..8; write: the register command).
    /// </summary>
    public sealed class TariffSelection : ObisValueOwner
    {
        private readonly TariffController _tariffs;
        private readonly MeterSettings _settings;
        private readonly IInputPin _input1;
        private readonly IInputPin _input2;
        private int _tariff;
        private long _tariffFrom = long.MaxValue;
        private long _tariffUntil = long.MinValue;
        private int _tariffRevision;
        private IScheduledTariffChange _scheduled;
        private long _scheduledAt = long.MaxValue;

        /// <summary>Selects with <paramref name="tariffs"/> from <paramref name="settings"/>; <paramref name="input1"/>, <paramref name="input2"/>: the board's tariff inputs (null = not fitted).</summary>
        public TariffSelection(TariffController tariffs, MeterSettings settings, IInputPin input1, IInputPin input2)
        {
            _tariffs = tariffs;
            _settings = settings;
            _input1 = input1;
            _input2 = input2;
        }

        /// <summary>Active tariff index (0 = T1) of the last selection.</summary>
        public int Active { get { return _tariff; } }

        /// <summary>
        /// The cycle's tariff at <paramref name="utcSeconds"/>. Module-input tariff control
        /// (TariffControlMode.ModuleInputs) with the board's tariff input pins: their levels
        /// (active low = energised; a pin not fitted reads de-energised) are sampled once a cycle,
        /// right before the cycle's tariff is chosen, so a change between two cycles registers from
        /// the next cycle on and a bounce shorter than a cycle is never seen. Without pins (or in
        /// another mode) the levels are whatever the host set.
        /// </summary>
        public int SelectForCycle(long utcSeconds)
        {
            if ((_input1 != null || _input2 != null) && _tariffs.Mode == TariffControlMode.ModuleInputs)
                _tariffs.SetInputs(_input1 != null && !_input1.Read(), _input2 != null && !_input2.Read());
            return Select(utcSeconds);
        }

        /// <summary>
        /// The tariff at <paramref name="utcSeconds"/>, re-evaluated only when the time leaves the
        /// span in which it cannot change (Meter.Clock TariffController.NextPossibleChange): the
        /// timetable lookup with local-time conversion otherwise runs every cycle.
        /// </summary>
        public int Select(long utcSeconds)
        {
            if (utcSeconds >= _scheduledAt) ApplyScheduled(utcSeconds);
            if (utcSeconds < _tariffFrom || utcSeconds >= _tariffUntil || _tariffs.Revision != _tariffRevision)
            {
                int tariff = _tariffs.Evaluate(utcSeconds);
                _tariffRevision = _tariffs.Revision; // inputs, commands or a new mode change the tariff outside the timetable
                _tariffFrom = utcSeconds;
                _tariffUntil = _tariffs.NextPossibleChange(utcSeconds);
                if (tariff >= _settings.TariffCount) tariff = _settings.TariffCount - 1; // timetable naming a tariff the meter lacks
                _tariff = tariff;
            }
            return _tariff;
        }

        /// <summary>
        /// <paramref name="change"/> is made by the first selection at or after <paramref name="utcSeconds"/> (a
        /// clock set forward past it makes it at once); one change at a time, a new one replaces it; null cancels.
        /// </summary>
        public void Schedule(IScheduledTariffChange change, long utcSeconds)
        {
            _scheduled = change;
            _scheduledAt = change == null ? long.MaxValue : utcSeconds;
        }

        /// <summary>UTC seconds of the scheduled change, long.MaxValue for none.</summary>
        public long ScheduledAt => _scheduledAt;

        private void ApplyScheduled(long utcSeconds)
        {
            IScheduledTariffChange change = _scheduled;
            _scheduled = null;
            _scheduledAt = long.MaxValue;
            change.ApplyScheduled(utcSeconds); // rebuilds the timetable through UseSettings: evaluated anew below
        }

        /// <summary>The clock was set: the cached tariff belongs to the old time; selects anew at <paramref name="utcSeconds"/>.</summary>
        public void OnClockSet(long utcSeconds)
        {
            _tariffUntil = long.MinValue;
            Select(utcSeconds);
        }

        /// <summary>
        /// (Re)builds the tariff timetable from the settings: working days from
        /// <see cref="MeterSettings.WorkingDaySwitches"/> (or T2, T1 from DayTariffStartHour to
        /// DayTariffEndHour), weekends and the <see cref="MeterSettings.Holidays"/> T2; and puts the
        /// configured control in force (<see cref="MeterSettings.TariffControlCode"/>: a rebuild under input
        /// or register control stays in it, see <see cref="TariffControlSetting.Apply"/>). The next cycle evaluates the tariff anew.
        /// </summary>
        public void UseSettings()
        {
            TariffDayProfile working = TariffSwitchList.ToDayProfile(_settings.WorkingDaySwitches.Length > 0
                ? _settings.WorkingDaySwitches : TariffSwitchList.DefaultSwitches(_settings.DayTariffStartHour, _settings.DayTariffEndHour));
            TariffDayProfile weekend = new TariffDayProfile(1);
            TariffTimetable timetable = TariffTimetable.AllYear(ListSettings.ToHolidayTable(_settings.Holidays), working, weekend, weekend);
            TariffControlSetting.Apply(_tariffs, _settings.TariffControlCode, timetable);
            _tariffUntil = long.MinValue; // the cached tariff belongs to the old timetable
        }

        /// <summary>
        /// Register control (seeds: OMNIPOWER Z13 = 002): the tariff command selects
        /// <paramref name="tariffIndex"/> (0 = T1) from the next metering cycle on. Rejected
        /// unless the controller is in register control; out of range beyond the meter's tariffs.
        /// </summary>
        public ObisWriteResult Command(int tariffIndex)
        {
            if (_tariffs.Mode != TariffControlMode.Register) return ObisWriteResult.Rejected;
            if (tariffIndex < 0 || tariffIndex >= _settings.TariffCount) return ObisWriteResult.OutOfRange;
            _tariffs.CommandTariff(tariffIndex);
            return ObisWriteResult.Accepted;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code != StandardObjects.ActiveTariff) return false;
            value = _tariff + 1;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return code == StandardObjects.ActiveTariff ? Command((int)value - 1) : ObisWriteResult.Rejected;
        }
    }
}
