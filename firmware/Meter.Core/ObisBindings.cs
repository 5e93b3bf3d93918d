using Meter.Clock;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The meter's live values behind the OBIS register table (IEC 62056-61 codes): energies
    /// total and per tariff, maximum demand with its time, instantaneous values, clock, meter
    /// number, status/error words, billing-period values (F = VZ) and the ADE7880 calibration
    /// registers (manufacturer-specific 1-0:128.K.P, as tools/MeterTool/MeterAddresses.cs).
    /// Also where validated optical writes land. Every read converts on demand: nothing here
    /// runs in the metering cycle.
    /// </summary>
    public sealed class ObisBindings : IObisValueSource, IObisValueTarget
    {
        /// <summary>1-0:21.7.0 instantaneous active power L1 (W with one decimal).</summary>
        public static readonly ObisCode ActivePowerL1 = new ObisCode(21, 7, 0);
        /// <summary>1-0:41.7.0 instantaneous active power L2.</summary>
        public static readonly ObisCode ActivePowerL2 = new ObisCode(41, 7, 0);
        /// <summary>1-0:61.7.0 instantaneous active power L3.</summary>
        public static readonly ObisCode ActivePowerL3 = new ObisCode(61, 7, 0);

        /// <summary>Calibration group C = 128 (manufacturer-specific, IEC 62056-61 §7.3.3).</summary>
        public const int CalibrationGroup = 128;
        /// <summary>K of 1-0:128.K.P: 1 xVGAIN, 2 xIGAIN, 3 xPGAIN, 4 xPHCAL, 5 xVRMSOS, 6 xIRMSOS.</summary>
        public const int CalibrationKinds = 6;

        /// <summary>
        /// True for a calibration register 1-0:128.kind.phase (kind 1 … <see cref="CalibrationKinds"/>,
        /// phase 1–3): ElectricityMeter.WriteCalibration logs each change with its old and new value.
        /// </summary>
        public static bool IsCalibrationRegister(ObisCode code)
        {
            return code.A == 1 && code.C == CalibrationGroup && code.D >= 1 && code.D <= CalibrationKinds && code.E >= 1 && code.E <= 3;
        }

        /// <summary>1-0:128.128.0 verification mode, 0 = off, 1 = on (legal: seal open; ElectricityMeter.SetVerificationMode).</summary>
        public static readonly ObisCode VerificationModeCode = new ObisCode(CalibrationGroup, 128, 0);

        /// <summary>Error register bit: the metering IC did not answer in a cycle.</summary>
        public const int ErrorMeteringChip = 0x01;
        /// <summary>Error register bit: NV memory areas were repaired at the last start.</summary>
        public const int ErrorStorageRepaired = 0x02;
        /// <summary>Error register bit: the NV memory was unreadable (not blank, no format record) and was formatted at the last start: registers and logs restarted from zero; the LCD shows the error word, "Err 4" when alone.</summary>
        public const int ErrorStorageFormatted = 0x04;
        /// <summary>Status word bit: the clock is not valid (never set or backup lost).</summary>
        public const int StatusClockInvalid = 0x01;
        /// <summary>Status word bit: summer time.</summary>
        public const int StatusSummerTime = 0x02;
        /// <summary>Status word bit: S0 pulse backlog overrun.</summary>
        public const int StatusPulseOverrun = 0x04;
        /// <summary>
        /// Status word bit: the optical port refuses passwords after too many wrong ones (Meter.Optical
        /// OpticalServer.IsLocked), for as long as the lock lasts; the LCD shows it on the status screen (C.5.0).
        /// </summary>
        public const int StatusOpticalPortLocked = 0x08;

        private readonly ElectricityMeter _meter;
        private readonly PeriodRecord _billingRecord = new PeriodRecord(BillingValues.Count);
        private readonly ListSettingsReader _lists;

        /// <summary>Binds the values of <paramref name="meter"/>.</summary>
        public ObisBindings(ElectricityMeter meter)
        {
            _meter = meter;
            _lists = new ListSettingsReader(meter);
        }

        /// <summary>
        /// Creates the register table: <see cref="StandardObjects"/>, per-phase powers, calibration
        /// registers, the <see cref="SettingsObjects"/>, the P1 password of <paramref name="port"/>
        /// (write-only, Meter.Optical PasswordObject), the tamper objects and the event counters (<see cref="EventCounterObjects"/>).
        /// </summary>
        public ObisTable CreateTable(OpticalPortSettings port)
        {
            ObisTable table = new ObisTable(StandardObjects.Count + 3 + 3 * CalibrationKinds + SettingsObjects.Count + 1 + ListSettings.Count + TamperObjects.Count
                + EventCounterObjects.Count + VoltageQualityObjects.Count);
            StandardObjects.AddTo(table, this, this);
            table.Add(new RegisterObject(ActivePowerL1, ObisUnit.Watt, -1, this) { Decimals = 1, IntegerDigits = 6 });
            table.Add(new RegisterObject(ActivePowerL2, ObisUnit.Watt, -1, this) { Decimals = 1, IntegerDigits = 6 });
            table.Add(new RegisterObject(ActivePowerL3, ObisUnit.Watt, -1, this) { Decimals = 1, IntegerDigits = 6 });
            for (int kind = 1; kind <= CalibrationKinds; kind++)
            {
                for (int phase = 1; phase <= 3; phase++)
                {
                    IntegerDataObject register = new IntegerDataObject(new ObisCode(1, 0, CalibrationGroup, (byte)kind, (byte)phase, 255), 1, this);
                    // 24-bit signed DSP RAM words (ADE7880 data sheet Rev. C, "Communicating with the ADE7880" / Table 30 formats);
                    // xPHCAL is 10 bits. The driver checks the exact format again.
                    if (kind == 4) register.SetWriteRange(0, 1023);
                    else register.SetWriteRange(-8388608, 8388607);
                    register.AllowWrite(ObisAccess.Legal, 1, this);
                    table.Add(register);
                }
            }
            IntegerDataObject targetDay = new IntegerDataObject(SettingsObjects.BillingTargetDay, 2, this);
            targetDay.SetWriteRange(1, 28);
            targetDay.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(targetDay);
            IntegerDataObject interval = new IntegerDataObject(SettingsObjects.BillingIntervalCode, 2, this);
            interval.SetWriteRange(0, 24);
            interval.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(interval);
            TextDataObject identification = new TextDataObject(SettingsObjects.Identification, SettingsRecord.TextLength, this);
            identification.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(identification);
            // Longer than IEC 62056-21 §6.3.1 allows (32): refused as too long (ER11).
            TextDataObject deviceAddress = new TextDataObject(SettingsObjects.DeviceAddress, DeviceAddressSetting.MaximumLength, this);
            deviceAddress.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(deviceAddress);
            IntegerDataObject tariffControl = new IntegerDataObject(SettingsObjects.TariffControl, 3, this);
            tariffControl.SetWriteRange(TariffControlSetting.Timetable, TariffControlSetting.Register); // SettingsWriter checks the codes
            tariffControl.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(tariffControl);
            ListObject tariffs = new ListObject(SettingsObjects.TariffTable, ObisInterfaceClass.ActivityCalendar, ListSettings.EntryLength, _lists);
            tariffs.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(tariffs);
            table.Add(new PasswordObject(1, port, this));
            AddListObjects(table);
            IntegerDataObject verification = new IntegerDataObject(VerificationModeCode, 1, this);
            verification.SetWriteRange(0, 1);
            verification.AllowWrite(ObisAccess.Legal, 1, this);
            table.Add(verification);
            AddTamperObjects(table);
            for (int kind = 0; kind <= EventKind.Count; kind++)
                table.Add(new IntegerDataObject(EventCounterObjects.Of(kind), 4, this));
            AddVoltageQualityObjects(table);
            return table;
        }

        /// <inheritdoc />
        public bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == VerificationModeCode) { value = _meter.Verification.IsEnabled ? 1 : 0; return true; }
            if (code.C == CalibrationGroup && code.A == 1) return TryReadCalibration(code, out value);
            if (code.A == 1 && code.F != 255) return TryReadBillingValue(code, out value);
            EnergyAccumulator energy = _meter.Metering.Accumulator;
            if (code.A == 0)
            {
                if (code == StandardObjects.ErrorRegister) { value = _meter.ErrorWord; return true; }
                if (code == StandardObjects.StatusRegister) { value = _meter.StatusWord; return true; }
                if (code == StandardObjects.ActiveTariff) { value = _meter.ActiveTariff + 1; return true; }
                if (code == SettingsObjects.BillingTargetDay) { value = _meter.Settings.BillingTargetDay; return true; }
                if (code == SettingsObjects.BillingIntervalCode) { value = _meter.Settings.BillingIntervalCode; return true; }
                if (code == SettingsObjects.TariffControl) { value = _meter.Settings.TariffControlCode; return true; }
                if (code == TamperObjects.Status) { value = _meter.Tamper.Status; return true; }
                int tamper = TamperObjects.DetailOf(code);
                if (tamper != 0) { value = _meter.Tamper.CountOf(tamper); return true; }
                int kind = EventCounterObjects.KindOf(code);
                if (kind == 0) { value = _meter.Storage.Events.TotalLogged; return true; }
                if (kind > 0) { value = _meter.Storage.Events.CountOf(kind); return true; }
                return false;
            }
            if (code.C == 0)
            {
                if (code == StandardObjects.BillingPeriodCounter) { value = _meter.BillingPeriodCounter; return true; }
                if (code == StandardObjects.IntegrationPeriod) { value = _meter.Period.Minutes; return true; }
                if (code == StandardObjects.MeterConstant) { value = _meter.Settings.MeterConstantImpPerKwh; return true; }
                if (code == StandardObjects.PulseFigure) { value = _meter.Settings.S0ImpPerKwh; return true; }
                if (code == StandardObjects.CtRatio) { value = energy.Configuration.CtRatio.PrimaryAmps; return true; }
                return false;
            }
            if (code.D == 8)
            {
                // Energy registers in Wh (scaler 0), primary side (IEC 62056-61 D = 8: time integral 1).
                if (code.E == 0)
                {
                    if (code.C == 1) { value = energy.ReadEnergy(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0); return true; }
                    if (code.C == 2) { value = energy.ReadEnergy(EnergyRegister.ActiveExport, MeterChannel.Total, true, 0); return true; }
                    if (code.C == 3) { value = energy.ReadEnergy(EnergyRegister.ReactiveImport, MeterChannel.Total, true, 0); return true; }
                    if (code.C == 4) { value = energy.ReadEnergy(EnergyRegister.ReactiveExport, MeterChannel.Total, true, 0); return true; }
                    return false;
                }
                int tariff = code.E - 1;
                if (tariff < 0 || tariff >= _meter.Settings.TariffCount) return false;
                if (code.C == 1) { value = energy.ReadTariffActiveImport(tariff, true, 0); return true; }
                if (code.C == 3) { value = energy.ReadTariffReactiveImport(tariff, true, 0); return true; }
                return false; // no per-tariff export registers in Meter.Metrology
            }
            DemandMeter demand = _meter.Metering.Demand;
            if (code == StandardObjects.MaximumDemandImport) { value = demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0); return true; }
            if (code == StandardObjects.CurrentDemandImport)
            {
                value = demand.ToPower(demand.GetCurrentPeriodCounts(DemandQuantity.ActiveImport), DemandQuantity.ActiveImport, true, 0);
                return true;
            }
            if (code.D == 7) return TryReadInstantaneous(code, out value);
            return TryReadVoltageQuality(code, out value);
        }

        // Counters and cumulative durations of dips and swells (VoltageQualityObjects).
        private bool TryReadVoltageQuality(ObisCode code, out long value)
        {
            value = 0;
            int phase = VoltageQualityObjects.PhaseOf(code);
            if (phase == 0) return false;
            VoltageQualityMonitor quality = _meter.VoltageQuality;
            int kind = VoltageQualityObjects.KindOf(code);
            if (phase == VoltageQualityObjects.AnyPhase)
            {
                for (int p = 1; p <= 3; p++) value += quality.CountOf(p, kind);
                return true;
            }
            value = VoltageQualityObjects.IsDuration(code) ? quality.SecondsOf(phase, kind) : quality.CountOf(phase, kind);
            return true;
        }

        /// <inheritdoc />
        public bool TryReadText(ObisCode code, out string value)
        {
            value = null;
            if (code == StandardObjects.MeterNumber) { value = _meter.Settings.MeterNumber; return true; }
            if (code == StandardObjects.FirmwareVersion) { value = _meter.Settings.FirmwareVersion; return true; }
            if (code == SettingsObjects.Identification) { value = _meter.Settings.Identification; return true; }
            if (code == SettingsObjects.DeviceAddress) { value = _meter.DeviceAddress; return true; }
            return false;
        }

        /// <inheritdoc />
        public bool TryReadDateTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (code != StandardObjects.Clock) return false;
            value = ToLocalObis(_meter.UtcSeconds);
            return true;
        }

        /// <inheritdoc />
        public bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (code.F != 255)
            {
                if (code.C != 1 || code.D != 6 || !FindBillingRecord(code.F)) return false;
                long at = _billingRecord.Values[BillingValues.PPlusMaxTime];
                if (at < 0) return false;
                value = ToLocalObis(at);
                return true;
            }
            int tamper = TamperObjects.DetailOf(code);
            if (tamper != 0)
            {
                long start = _meter.Tamper.LatestStartUtcSeconds(tamper);
                if (start <= 0) return false; // never: no time group
                value = ToLocalObis(start);
                return true;
            }
            if (code != StandardObjects.MaximumDemandImport) return false;
            long seconds = _meter.Metering.Demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
            if (seconds < 0) return false;
            value = ToLocalObis(seconds);
            return true;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (code == VerificationModeCode) return _meter.SetVerificationMode(value != 0);
            if (code.C == CalibrationGroup && code.A == 1) return _meter.WriteCalibration(code.D, code.E, (int)value);
            if (code == StandardObjects.ActiveTariff) return _meter.CommandTariff((int)value - 1);
            if (code == TamperObjects.Status) return _meter.Tamper.Acknowledge(); // the write range admits 0 only
            SettingsWriter writer = _meter.SettingsWriter;
            if (code == StandardObjects.PulseFigure) return writer.WritePulseFigure(value);
            if (code == StandardObjects.CtRatio) return writer.WriteCtPrimary(value);
            if (code == SettingsObjects.BillingTargetDay) return writer.WriteBillingTargetDay(value);
            if (code == SettingsObjects.BillingIntervalCode) return writer.WriteBillingIntervalCode(value);
            if (code == SettingsObjects.TariffControl) return writer.WriteTariffControl(value);
            if (code == StandardObjects.IntegrationPeriod) return _meter.IntegrationPeriodSetting.Write(value);
            // Presetting energy and changing the meter constant are not offered: refused.
            return ObisWriteResult.Rejected;
        }

        // Tamper status (W1 of 0 acknowledges the latched cover opening) and the counters with the latest start as capture time.
        private void AddTamperObjects(ObisTable table)
        {
            IntegerDataObject status = new IntegerDataObject(TamperObjects.Status, 2, this) { Hexadecimal = true };
            status.SetWriteRange(0, 0);
            status.AllowWrite(ObisAccess.Configuration, 1, this);
            table.Add(status);
            table.Add(new ExtendedRegisterObject(TamperObjects.MagneticCounter, ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 4 });
            table.Add(new ExtendedRegisterObject(TamperObjects.TerminalCoverCounter, ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 4 });
        }

        // Per phase: dips, their seconds, swells, their seconds; then the two sums over the phases.
        private void AddVoltageQualityObjects(ObisTable table)
        {
            for (int phase = 1; phase <= 3; phase++)
            {
                table.Add(new RegisterObject(VoltageQualityObjects.Of(phase, VoltageQualityObjects.DipCount), ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 5 });
                table.Add(new RegisterObject(VoltageQualityObjects.Of(phase, VoltageQualityObjects.DipDuration), ObisUnit.Second, 0, this) { Decimals = 0, IntegerDigits = 8 });
                table.Add(new RegisterObject(VoltageQualityObjects.Of(phase, VoltageQualityObjects.SwellCount), ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 5 });
                table.Add(new RegisterObject(VoltageQualityObjects.Of(phase, VoltageQualityObjects.SwellDuration), ObisUnit.Second, 0, this) { Decimals = 0, IntegerDigits = 8 });
            }
            table.Add(new RegisterObject(VoltageQualityObjects.DipsAnyPhase, ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 5 });
            table.Add(new RegisterObject(VoltageQualityObjects.SwellsAnyPhase, ObisUnit.Count, 0, this) { Decimals = 0, IntegerDigits = 5 });
        }

        // Display, readout and holiday lists (ListSettings), written entry by entry "nn;item" (ListEntryBuffer)
        // and read back the same way (ListSettingsReader).
        private void AddListObjects(ObisTable table)
        {
            ObisCode[] codes = new ObisCode[] { ListSettings.NormalDisplayList, ListSettings.AlternateDisplayList, ListSettings.ReadoutList, ListSettings.HolidayTable };
            for (int i = 0; i < codes.Length; i++)
            {
                ObisInterfaceClass kind = codes[i] == ListSettings.HolidayTable ? ObisInterfaceClass.SpecialDaysTable : ObisInterfaceClass.ProfileGeneric;
                ListObject list = new ListObject(codes[i], kind, ListSettings.EntryLength, _lists);
                list.AllowWrite(ObisAccess.Configuration, 1, this);
                table.Add(list);
            }
        }

        /// <inheritdoc />
        public ObisWriteResult WriteText(ObisCode code, string value)
        {
            if (ListSettingsWriter.Handles(code)) return _meter.ListSettingsWriter.WriteEntry(code, value);
            SettingsWriter writer = _meter.SettingsWriter;
            if (code == StandardObjects.MeterNumber) return writer.WriteMeterNumber(value);
            if (code == SettingsObjects.Identification) return writer.WriteIdentification(value);
            if (code == SettingsObjects.DeviceAddress) return writer.WriteDeviceAddress(value);
            if (code == PasswordObject.CodeForLevel(1)) return writer.WritePassword(value);
            if (code == SettingsObjects.TariffTable) return writer.WriteTariffSwitchEntry(value);
            return ObisWriteResult.Rejected;
        }

        /// <inheritdoc />
        public ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value)
        {
            if (code != StandardObjects.Clock || !value.IsValid) return ObisWriteResult.InvalidFormat;
            // The optical port gives local wall-clock time; a repeated autumn hour means its first
            // (summer-time) occurrence (Meter.Clock LocalTimeRule.FirstUtcAtOrAfterLocal).
            long localSeconds = Meter.Clock.CivilCalendar.DayNumber(value.Year, value.Month, value.Day) * UnixTime.SecondsPerDay
                + value.Hour * 3600L + value.Minute * 60L + value.Second;
            long utc = _meter.TimeRule.FirstUtcAtOrAfterLocal(localSeconds);
            return _meter.SetClock(utc) ? ObisWriteResult.Accepted : ObisWriteResult.Rejected;
        }

        private bool TryReadInstantaneous(ObisCode code, out long value)
        {
            value = 0;
            MeteringCycle metering = _meter.Metering;
            if (!metering.MeasurementsValid) return false;
            PhaseMeasurements m = metering.Measurements;
            int phase = (code.C - 1) / 20;  // 21/41/61, 31/51/71, 32/52/72 → 1, 2, 3; 1/14 → 0
            int quantity = (code.C - 1) % 20 + 1; // 1 = P+, 11 = I, 12 = U (IEC 62056-61 Table 8)
            if (code.C == 14)
            {
                // Frequency of phase A in 0.01 Hz (ADE7880 xPERIOD at 256 kHz).
                if (m.Period[0] <= 0) return false;
                value = metering.MeasurementScale.PeriodToMillihertz(m.Period[0]) / 10;
                return true;
            }
            if (code.C == 1)
            {
                long sum = 0;
                for (int p = 0; p < 3; p++) sum += PowerMilliwatts(m.ActivePower[p]);
                value = sum > 0 ? sum / 1000 : 0; // 1.7.0 is P+ (import) in W
                return true;
            }
            if (phase < 1 || phase > 3) return false;
            int i = phase - 1;
            if (quantity == 1)
            {
                long mw = PowerMilliwatts(m.ActivePower[i]);
                value = mw > 0 ? mw / 100 : 0; // P+ of the phase in 0.1 W
                return true;
            }
            if (quantity == 12) { value = metering.MeasurementScale.RmsToMilli(m.VoltageRms[i], metering.NominalVoltageMillivolts) / 100; return true; }
            if (quantity == 11) { value = metering.MeasurementScale.RmsToMilli(m.CurrentRms[i], metering.NominalCurrentMilliamps); return true; }
            return false;
        }

        /// <summary>
        /// xWATT code → mW. The instantaneous power registers read PMAX/16 at full-scale inputs
        /// ("AWATT multiplier is 16", docs/ade7880-notes.md §7; the simulated chip models it).
        /// </summary>
        private long PowerMilliwatts(int code)
        {
            MeteringCycle metering = _meter.Metering;
            // 16 × code × Vfs[mV] × Ifs[mA] / PMAX = µW; within 64 bits (2^25 × 2^19 before the division).
            long microwatts = metering.MeasurementScale.PowerToMicrowatts(code, metering.NominalVoltageMillivolts, metering.NominalCurrentMilliamps);
            return microwatts / 1000;
        }

        private bool TryReadCalibration(ObisCode code, out long value)
        {
            value = 0;
            int result;
            if (!_meter.TryReadCalibration(code.D, code.E, out result)) return false;
            value = result;
            return true;
        }

        private bool TryReadBillingValue(ObisCode code, out long value)
        {
            value = 0;
            if (!FindBillingRecord(code.F)) return false;
            int index = -1;
            if (code.D == 8)
            {
                if (code.E == 0)
                {
                    if (code.C == 1) index = BillingValues.APlus;
                    else if (code.C == 2) index = BillingValues.AMinus;
                    else if (code.C == 3) index = BillingValues.RPlus;
                    else if (code.C == 4) index = BillingValues.RMinus;
                }
                else if (code.E <= 4)
                {
                    if (code.C == 1) index = BillingValues.APlusTariff1 + code.E - 1;
                    else if (code.C == 3) index = BillingValues.RPlusTariff1 + code.E - 1;
                }
            }
            else if (code.C == 1 && code.D == 6 && code.E == 0) index = BillingValues.PPlusMax;
            if (index < 0) return false;
            value = _billingRecord.Values[index];
            return true;
        }

        /// <summary>Finds the stored billing period whose counter ends in <paramref name="f"/> (VZ, mod 100).</summary>
        private bool FindBillingRecord(int f)
        {
            PeriodLogger billing = _meter.Storage.Billing;
            int newest = _meter.BillingPeriodCounter;
            if (newest <= 0 || f > 99) return false;
            int age = ((newest % 100) - f + 100) % 100;
            if (age >= billing.Count) return false;
            return billing.TryRead(age, _billingRecord);
        }

        private ObisDateTime ToLocalObis(long utcSeconds)
        {
            LocalDateTime local = _meter.TimeRule.ToLocal(utcSeconds);
            return new ObisDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second);
        }
    }
}
