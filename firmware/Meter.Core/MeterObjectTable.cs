using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The meter's register table as a declaration: every object once, with its OBIS code, its COSEM
    /// interface class, scaler and unit (or digits), its write access and the component that owns
    /// its value (<see cref="MeterObjectOwners"/>). The optical port, the LCD and any later protocol
    /// server read this one table. Order: the <see cref="StandardObjects"/>, per-phase powers,
    /// calibration, settings, lists, verification mode, tamper, event counters, voltage quality, power quality.
    /// </summary>
    public static class MeterObjectTable
    {
        /// <summary>Number of objects <see cref="Declare"/> adds (room for the table).</summary>
        public const int Capacity = StandardObjects.Count + 3 + 3 * CalibrationAccess.CalibrationKinds + SettingsObjects.Count + 1
            + ListSettings.Count + TamperObjects.Count + EventCounterObjects.Count + VoltageQualityObjects.Count
            + ModuleInputObjects.Count
            + BreakerObjects.Count
            + PowerQualityObjects.Count;

        /// <summary>Fills <paramref name="table"/> with the meter's objects, owned as <paramref name="owners"/> says; the P1 password of <paramref name="port"/> (write-only).</summary>
        public static void Declare(ObisTable table, MeterObjectOwners owners, OpticalPortSettings port)
        {
            StandardObjects.AddTo(table, owners.Standard);
            InstantaneousValues power = owners.Instantaneous;
            table.Add(new RegisterObject(InstantaneousValues.ActivePowerL1, ObisUnit.Watt, -1, power) { Decimals = 1, IntegerDigits = 6 });
            table.Add(new RegisterObject(InstantaneousValues.ActivePowerL2, ObisUnit.Watt, -1, power) { Decimals = 1, IntegerDigits = 6 });
            table.Add(new RegisterObject(InstantaneousValues.ActivePowerL3, ObisUnit.Watt, -1, power) { Decimals = 1, IntegerDigits = 6 });
            for (int kind = 1; kind <= CalibrationAccess.CalibrationKinds; kind++)
            {
                for (int phase = 1; phase <= 3; phase++)
                {
                    // 24-bit signed DSP RAM words (ADE7880 data sheet Rev. C, "Communicating with the ADE7880" / Table 30 formats);
                    // xPHCAL is 10 bits. The driver checks the exact format again.
                    if (kind == 4) AddInteger(table, CalibrationAccess.CodeOf(kind, phase), 1, 0, 1023, ObisAccess.Legal, owners.Calibration);
                    else AddInteger(table, CalibrationAccess.CodeOf(kind, phase), 1, -8388608, 8388607, ObisAccess.Legal, owners.Calibration);
                }
            }
            SettingsWriter settings = owners.Settings;
            AddInteger(table, SettingsObjects.BillingTargetDay, 2, 1, 28, ObisAccess.Configuration, settings);
            AddInteger(table, SettingsObjects.BillingIntervalCode, 2, 0, 24, ObisAccess.Configuration, settings);
            AddText(table, SettingsObjects.Identification, SettingsRecord.TextLength, settings);
            // Longer than IEC 62056-21 §6.3.1 allows (32): refused as too long (ER11).
            AddText(table, SettingsObjects.DeviceAddress, DeviceAddressSetting.MaximumLength, settings);
            // SettingsWriter checks the codes within the range.
            AddInteger(table, SettingsObjects.TariffControl, 3, TariffControlSetting.Timetable, TariffControlSetting.Register, ObisAccess.Configuration, settings);
            AddList(table, SettingsObjects.TariffTable, ObisInterfaceClass.ActivityCalendar, owners.ListReader, settings);
            table.Add(new PasswordObject(1, port, settings));
            // Display, readout and holiday lists (ListSettings), written entry by entry "nn;item" (ListEntryBuffer)
            // and read back the same way (ListSettingsReader).
            AddList(table, ListSettings.NormalDisplayList, ObisInterfaceClass.ProfileGeneric, owners.ListReader, owners.Lists);
            AddList(table, ListSettings.AlternateDisplayList, ObisInterfaceClass.ProfileGeneric, owners.ListReader, owners.Lists);
            AddList(table, ListSettings.ReadoutList, ObisInterfaceClass.ProfileGeneric, owners.ListReader, owners.Lists);
            AddList(table, ListSettings.HolidayTable, ObisInterfaceClass.SpecialDaysTable, owners.ListReader, owners.Lists);
            AddInteger(table, VerificationSwitch.Code, 1, 0, 1, ObisAccess.Legal, owners.Verification);
            // Tamper status (W1 of 0 acknowledges the latched cover opening) and the counters with the latest start as capture time.
            IntegerDataObject status = new IntegerDataObject(TamperObjects.Status, 2, owners.Tamper) { Hexadecimal = true };
            status.SetWriteRange(0, 0);
            status.AllowWrite(ObisAccess.Configuration, 1, owners.Tamper);
            table.Add(status);
            table.Add(new ExtendedRegisterObject(TamperObjects.MagneticCounter, ObisUnit.Count, 0, owners.Tamper) { Decimals = 0, IntegerDigits = 4 });
            table.Add(new ExtendedRegisterObject(TamperObjects.TerminalCoverCounter, ObisUnit.Count, 0, owners.Tamper) { Decimals = 0, IntegerDigits = 4 });
            for (int kind = 0; kind <= EventKind.Count; kind++)
                table.Add(new IntegerDataObject(EventCounterObjects.Of(kind), 4, owners.Events));
            // Per phase: dips, their seconds, swells, their seconds; then the two sums over the phases.
            VoltageQualityMonitor quality = owners.VoltageQuality;
            for (int phase = 1; phase <= 3; phase++)
            {
                AddCounter(table, VoltageQualityObjects.Of(phase, VoltageQualityObjects.DipCount), quality);
                AddSeconds(table, VoltageQualityObjects.Of(phase, VoltageQualityObjects.DipDuration), quality);
                AddCounter(table, VoltageQualityObjects.Of(phase, VoltageQualityObjects.SwellCount), quality);
                AddSeconds(table, VoltageQualityObjects.Of(phase, VoltageQualityObjects.SwellDuration), quality);
            }
            AddCounter(table, VoltageQualityObjects.DipsAnyPhase, quality);
            AddCounter(table, VoltageQualityObjects.SwellsAnyPhase, quality);
            // Pulse input and alarm input: the register, its settings (W1, ModuleInputs checks the codes), the alarm counter.
            ModuleInputs inputs = owners.Inputs;
            table.Add(new PulseRegisterObject(inputs));
            AddInteger(table, ModuleInputObjects.PulseConstant, 7, 1, ModuleInputs.MaximumPulseConstant, ObisAccess.Configuration, inputs);
            AddInteger(table, ModuleInputObjects.PulseUnit, 2, 0, 3, ObisAccess.Configuration, inputs);
            AddInteger(table, ModuleInputObjects.InputCode, 2, 0, 23, ObisAccess.Configuration, inputs);
            AddInteger(table, ModuleInputObjects.AlarmMode, 1, ModuleInputs.AlarmOff, ModuleInputs.AlarmDisconnects, ObisAccess.Configuration, inputs);
            AddCounter(table, ModuleInputObjects.AlarmCounter, inputs);
            // Disconnect control (state, W1 command) and the limiter (Blue Book 4.5.8, 4.5.9): BreakerObjects.
            BreakerObjectOwner breaker = owners.Breaker;
            AddInteger(table, BreakerObjects.DisconnectControl, 1, BreakerObjects.CommandDisconnect, BreakerObjects.CommandRelease, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.ControlMode, 1, 0, DisconnectTransitions.MaxMode, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.ThresholdNormal, 6, 0, Limiter.MaxThreshold, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.ThresholdEmergency, 6, 0, Limiter.MaxThreshold, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.MinOver, 5, 0, Limiter.MaxDurationSeconds, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.MinUnder, 5, 0, Limiter.MaxDurationSeconds, ObisAccess.Configuration, breaker);
            AddInteger(table, BreakerObjects.Monitoring, 2, 0, 12, ObisAccess.Configuration, breaker);
            AddPowerQuality(table, owners.PowerQuality);
        }

        // Issue 20: THD per phase and u2 in % with two decimals, the week results as hex, the week's 10-min counts.
        private static void AddPowerQuality(ObisTable table, PowerQualityObjects quality)
        {
            for (int phase = 1; phase <= 3; phase++)
                table.Add(new RegisterObject(PowerQualityObjects.ThdOf(phase), ObisUnit.Percent, -2, quality) { Decimals = 2, IntegerDigits = 3 });
            table.Add(new RegisterObject(PowerQualityObjects.Unbalance, ObisUnit.Percent, -2, quality) { Decimals = 2, IntegerDigits = 3 });
            table.Add(new IntegerDataObject(PowerQualityObjects.CurrentWeek, 4, quality) { Hexadecimal = true });
            table.Add(new IntegerDataObject(PowerQualityObjects.PreviousWeek, 4, quality) { Hexadecimal = true });
            table.Add(new IntegerDataObject(PowerQualityObjects.WeekIntervals, 4, quality));
            table.Add(new IntegerDataObject(PowerQualityObjects.WeekFlaggedIntervals, 4, quality));
        }

        // A writable integer Data object (level 1) owned by owner.
        private static void AddInteger(ObisTable table, ObisCode code, int digits, long minimum, long maximum, ObisAccess access, ObisValueOwner owner)
        {
            IntegerDataObject item = new IntegerDataObject(code, digits, owner);
            item.SetWriteRange(minimum, maximum);
            item.AllowWrite(access, 1, owner);
            table.Add(item);
        }

        private static void AddText(ObisTable table, ObisCode code, int maxLength, ObisValueOwner owner)
        {
            TextDataObject item = new TextDataObject(code, maxLength, owner);
            item.AllowWrite(ObisAccess.Configuration, 1, owner);
            table.Add(item);
        }

        private static void AddList(ObisTable table, ObisCode code, ObisInterfaceClass classId, IObisListSource items, IObisValueTarget target)
        {
            ListObject list = new ListObject(code, classId, ListSettings.EntryLength, items);
            list.AllowWrite(ObisAccess.Configuration, 1, target);
            table.Add(list);
        }

        private static void AddCounter(ObisTable table, ObisCode code, IObisValueSource owner)
        {
            table.Add(new RegisterObject(code, ObisUnit.Count, 0, owner) { Decimals = 0, IntegerDigits = 5 });
        }

        private static void AddSeconds(ObisTable table, ObisCode code, IObisValueSource owner)
        {
            table.Add(new RegisterObject(code, ObisUnit.Second, 0, owner) { Decimals = 0, IntegerDigits = 8 });
        }
    }
}
