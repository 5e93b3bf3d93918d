using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Where the optical port's setting writes land after the table checked format, range of the
    /// object, password level and (legal data) the seal: checks the setting's own range, commits
    /// the whole settings record power-fail safe (Meter.Storage MeterStorage.Settings; the energy
    /// register record is never written), applies the value live and logs a parameter-change
    /// event (detail = the value's <see cref="SettingsRecord"/> index, old and new value; texts
    /// as their first 8 characters, see <see cref="SettingsRecord.PackEight"/>; a password as 0/0).
    /// At start it restores the record (<see cref="Restore"/>). Owner of the settings' objects in the
    /// register table (meter number, firmware version, constants, CT ratio, identification, device
    /// address, billing schedule, tariff control, P1 password, the tariff switching list's writes).
    /// </summary>
    public sealed class SettingsWriter : ObisValueOwner
    {
        private readonly MeterSettings _settings;
        private readonly SettingsRecordStore _record;
        private readonly TamperMonitor _tamper;
        private readonly EnergyAccumulator _energy;
        private readonly CurrentTransformerRatio _ratio;
        private readonly MeteringCycle _metering;
        private readonly PeriodClosing _periods;
        private readonly TariffSelection _tariffs;
        private readonly OpticalPort _optical;
        private readonly EventRouting _events;
        private readonly MeterTime _time;
        private readonly TariffSwitchList _tariffList = new TariffSwitchList();
        private readonly TariffTimetableWriter _timetable;

        /// <summary>
        /// Writes <paramref name="settings"/> into <paramref name="record"/> and applies them to the parts that use them:
        /// the CT <paramref name="ratio"/> of <paramref name="energy"/>, the S0 figure of <paramref name="metering"/>,
        /// the billing schedule of <paramref name="periods"/>, the timetable of <paramref name="tariffs"/>, the
        /// identification and device address of <paramref name="optical"/>.
        /// </summary>
        public SettingsWriter(MeterSettings settings, SettingsRecordStore record, TamperMonitor tamper, EnergyAccumulator energy,
            CurrentTransformerRatio ratio, MeteringCycle metering, PeriodClosing periods, TariffSelection tariffs, OpticalPort optical,
            EventRouting events, MeterTime time)
        {
            _settings = settings;
            _record = record;
            _tamper = tamper;
            _energy = energy;
            _ratio = ratio;
            _metering = metering;
            _periods = periods;
            _tariffs = tariffs;
            _optical = optical;
            _events = events;
            _time = time;
            _timetable = new TariffTimetableWriter(settings, record, tariffs, events);
        }

        /// <summary>
        /// True when the stored record was missing on a memory that was not new, or failed its
        /// checks: the preset defaults are in use (logged as a StorageRepair of area Settings).
        /// </summary>
        public bool DefaultsRestored { get; private set; }

        /// <summary>
        /// Start-up, after the storage opened and before anything uses the settings: copies the
        /// stored record into the settings, or keeps the preset defaults and stores them (blank
        /// memory of a new meter; or a record missing or failing <see cref="SettingsRules"/> on a
        /// used memory — then logged as a repair).
        /// </summary>
        public void Restore(StorageRecoveryReport report)
        {
            long[] stored = _record.ReadStored();
            bool applied = false;
            bool tamperRestored = false;
            if (stored != null)
            {
                applied = SettingsRecord.TryApply(stored, _settings);
                // The tamper state shares the record (TamperRecord); its counters survive a settings repair.
                tamperRestored = SettingsRecord.HasMarker(stored) && _tamper.Restore(stored);
            }
            if (!applied || !tamperRestored)
            {
                // A new meter (formatted memory) stores its defaults, so later starts find a record;
                // a missing or failing record on a used memory is a repair.
                if (!report.Formatted)
                {
                    DefaultsRestored = !applied;
                    _events.Log(EventKind.StorageRepair, StorageArea.Settings, 0, 1);
                }
                Commit();
            }
            MeterSettings s = _settings;
            if (_ratio.PrimaryAmps != s.CtPrimaryAmps && !_ratio.IsLocked) _ratio.Set(s.CtPrimaryAmps, s.CtSecondaryAmps);
            _periods.ChangeBillingSchedule(s.BillingTargetDay, s.BillingIntervalCode, long.MinValue);
            _tariffs.UseSettings();
        }

        /// <summary>
        /// One entry of the working-day switching list 0-0:13.0.0 (<see cref="TariffSwitchList"/>);
        /// the end mark of a valid list commits it and switches the timetable (<see cref="TariffTimetableWriter"/>,
        /// which logs the change).
        /// </summary>
        public ObisWriteResult WriteTariffSwitchEntry(string text)
        {
            bool complete;
            ObisWriteResult result = _tariffList.Add(text, _settings.TariffCount, out complete);
            if (result != ObisWriteResult.Accepted || !complete) return result;
            return _timetable.ReplaceWorkingDaySwitches(_tariffList.Completed) ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange;
        }

        /// <summary>
        /// S0 pulse figure 0.3.3: the pulse count is re-based at the change (Meter.Metrology
        /// PulseOutput.ChangeImpulsesPerKilowattHour); energy in the registers is pulsed at the
        /// old figure, energy the next cycle reads from the chip at the new one.
        /// </summary>
        public ObisWriteResult WritePulseFigure(long value)
        {
            if (!SettingsRules.IsPulseFigure(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            int old = s.S0ImpPerKwh;
            s.S0ImpPerKwh = (int)value;
            Commit();
            _metering.ChangeS0Figure((int)value);
            return Logged(EventKind.ParameterChange, SettingsRecord.PulseFigure, old, value);
        }

        /// <summary>Billing target day GG (1..28); the next closing follows the new day, none is made retroactively.</summary>
        public ObisWriteResult WriteBillingTargetDay(long value)
        {
            if (!SettingsRules.IsBillingTargetDay(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            int old = s.BillingTargetDay;
            s.BillingTargetDay = (int)value;
            return CommitBillingSchedule(SettingsRecord.BillingTargetDay, old, value);
        }

        /// <summary>Debiting interval code HH (00..24, Meter.Storage PeriodSchedule.ForBilling).</summary>
        public ObisWriteResult WriteBillingIntervalCode(long value)
        {
            if (!SettingsRules.IsBillingIntervalCode(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            int old = s.BillingIntervalCode;
            s.BillingIntervalCode = (int)value;
            return CommitBillingSchedule(SettingsRecord.BillingIntervalCode, old, value);
        }

        /// <summary>
        /// CT primary current 0.4.2 (legal: the table already required the seal open), 5..3000 A
        /// for the 5 A secondary. Primary energy is computed on every read as secondary counts ×
        /// ratio (Meter.Metrology EnergyAccumulator.Convert) and the load profile and billing
        /// logger hold primary values, so a change after energy was registered would rewrite the
        /// registers' history and put a jump into the profile: it is accepted only while no
        /// energy has been registered (installation), refused (Rejected) after, and when locked.
        /// </summary>
        public ObisWriteResult WriteCtPrimary(long value)
        {
            if (!SettingsRules.IsCtPrimary(value)) return ObisWriteResult.OutOfRange;
            CurrentTransformerRatio ratio = _ratio;
            if (ratio.IsLocked || HasRegisteredEnergy()) return ObisWriteResult.Rejected;
            MeterSettings s = _settings;
            int old = s.CtPrimaryAmps;
            s.CtPrimaryAmps = (int)value;
            Commit();
            ratio.Set(s.CtPrimaryAmps, s.CtSecondaryAmps);
            return Logged(EventKind.LegalDataChange, SettingsRecord.CtPrimaryAmps, old, value);
        }

        /// <summary>
        /// Tariff control 0-0:128.4.0 (<see cref="TariffControlSetting"/>: 000, 101, 102, 107..114 or 200;
        /// anything else OutOfRange, nothing changes; 101 / 102 only on a meter with 4 tariffs or more). The next
        /// metering cycle chooses its tariff the new way; the energy registered so far stays in the tariffs it was registered in.
        /// </summary>
        public ObisWriteResult WriteTariffControl(long value)
        {
            MeterSettings s = _settings;
            if (!TariffControlSetting.IsValid(value) || !TariffControlSetting.FitsTariffCount(value, s.TariffCount)) return ObisWriteResult.OutOfRange;
            int old = s.TariffControlCode;
            s.TariffControlCode = (int)value;
            Commit();
            _tariffs.UseSettings();
            return Logged(EventKind.ParameterChange, SettingsRecord.TariffControl, old, value);
        }

        /// <summary>Meter number 0-0:96.1.0 (1..16 characters).</summary>
        public ObisWriteResult WriteMeterNumber(string value)
        {
            if (!SettingsRules.IsText(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            string old = s.MeterNumber;
            s.MeterNumber = value;
            Commit();
            _optical.ApplyDeviceAddress(); // an unset device address is the meter number
            return Logged(EventKind.ParameterChange, SettingsRecord.MeterNumber, SettingsRecord.PackEight(old), SettingsRecord.PackEight(value));
        }

        /// <summary>
        /// Device address 0-0:128.5.0 (<see cref="DeviceAddressSetting"/>: 1 … 32 of 0-9, A-Z, a-z, space, else
        /// OutOfRange; longer ones the object refuses as too long). The next sign-on is answered to it.
        /// </summary>
        public ObisWriteResult WriteDeviceAddress(string value)
        {
            if (!DeviceAddressSetting.IsValid(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            string old = _optical.DeviceAddress;
            s.DeviceAddress = value;
            Commit();
            _optical.ApplyDeviceAddress();
            return Logged(EventKind.ParameterChange, SettingsRecord.DeviceAddress, SettingsRecord.PackEight(old), SettingsRecord.PackEight(value));
        }

        /// <summary>Identification text (the next identification message carries it).</summary>
        public ObisWriteResult WriteIdentification(string value)
        {
            if (!SettingsRules.IsText(value)) return ObisWriteResult.OutOfRange;
            if (!_optical.TryChangeIdentification(value)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            string old = s.Identification;
            s.Identification = value;
            Commit();
            return Logged(EventKind.ParameterChange, SettingsRecord.Identification, SettingsRecord.PackEight(old), SettingsRecord.PackEight(value));
        }

        /// <summary>Level-1 password (through Meter.Optical PasswordObject, which then uses it for P1). Never logged in clear.</summary>
        public ObisWriteResult WritePassword(string value)
        {
            if (!SettingsRules.IsText(value)) return ObisWriteResult.OutOfRange;
            _settings.Passwords[0] = value;
            Commit();
            return Logged(EventKind.ParameterChange, SettingsRecord.Password, 0, 0);
        }

        // Target day and interval code make one schedule: commit it, apply it from now on, log the changed part.
        private ObisWriteResult CommitBillingSchedule(int what, long oldValue, long newValue)
        {
            MeterSettings s = _settings;
            Commit();
            _periods.ChangeBillingSchedule(s.BillingTargetDay, s.BillingIntervalCode, _time.UtcSeconds);
            return Logged(EventKind.ParameterChange, what, oldValue, newValue);
        }

        private bool HasRegisteredEnergy()
        {
            EnergyAccumulator energy = _energy;
            for (int register = 0; register < EnergyAccumulator.RegisterCount; register++)
            {
                if (energy.GetCounts((EnergyRegister)register, MeterChannel.Total) != 0) return true;
            }
            return false;
        }

        private void Commit()
        {
            _record.Commit();
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            MeterSettings s = _settings;
            if (code == SettingsObjects.BillingTargetDay) value = s.BillingTargetDay;
            else if (code == SettingsObjects.BillingIntervalCode) value = s.BillingIntervalCode;
            else if (code == SettingsObjects.TariffControl) value = s.TariffControlCode;
            else if (code == StandardObjects.MeterConstant) value = s.MeterConstantImpPerKwh;
            else if (code == StandardObjects.PulseFigure) value = s.S0ImpPerKwh;
            else if (code == StandardObjects.CtRatio) value = _ratio.PrimaryAmps;
            else return false;
            return true;
        }

        /// <inheritdoc />
        public override bool TryReadText(ObisCode code, out string value)
        {
            value = null;
            if (code == StandardObjects.MeterNumber) value = _settings.MeterNumber;
            else if (code == StandardObjects.FirmwareVersion) value = _settings.FirmwareVersion;
            else if (code == SettingsObjects.Identification) value = _settings.Identification;
            else if (code == SettingsObjects.DeviceAddress) value = _optical.DeviceAddress;
            else return false;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (code == StandardObjects.PulseFigure) return WritePulseFigure(value);
            if (code == StandardObjects.CtRatio) return WriteCtPrimary(value);
            if (code == SettingsObjects.BillingTargetDay) return WriteBillingTargetDay(value);
            if (code == SettingsObjects.BillingIntervalCode) return WriteBillingIntervalCode(value);
            if (code == SettingsObjects.TariffControl) return WriteTariffControl(value);
            return ObisWriteResult.Rejected; // changing the meter constant is not offered
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (code == StandardObjects.MeterNumber) return WriteMeterNumber(value);
            if (code == SettingsObjects.Identification) return WriteIdentification(value);
            if (code == SettingsObjects.DeviceAddress) return WriteDeviceAddress(value);
            if (code == PasswordObject.CodeForLevel(1)) return WritePassword(value);
            if (code == SettingsObjects.TariffTable) return WriteTariffSwitchEntry(value);
            return ObisWriteResult.Rejected;
        }

        private ObisWriteResult Logged(int kind, int what, long oldValue, long newValue)
        {
            _events.Log(kind, what, oldValue, newValue);
            return ObisWriteResult.Accepted;
        }
    }
}
