namespace Meter.Core
{
    /// <summary>
    /// Everything the meter is configured with: nameplate and board scaling (from a
    /// <see cref="Meter.Boards.MeterPreset"/>, see <see cref="PresetSettings"/>), pulse constants,
    /// tariffs, clock rule, periods and the optical port's identity and passwords. Plain data,
    /// checked by <see cref="Validate"/> when the meter starts.
    /// </summary>
    public sealed class MeterSettings
    {
        /// <summary>Preset name (shown in diagnostics).</summary>
        public string PresetName = "custom";

        /// <summary>Measuring systems: 3 (three-phase four-wire) or 1 (single phase, channel A).</summary>
        public int Phases = 3;

        /// <summary>Rms mains voltage at the ADC's full scale, mV (board front end).</summary>
        public int FullScaleVoltageMillivolts;

        /// <summary>
        /// Nominal phase voltage of the nameplate, V: the declared input voltage Udin the voltage-quality
        /// thresholds are percentages of (<see cref="VoltageQualityMonitor"/>; EN 50160 Un = 230 V).
        /// </summary>
        public int NominalVoltageVolts = 230;

        /// <summary>Rms phase current at the ADC's full scale, mA (board front end).</summary>
        public int FullScaleCurrentMilliamps;

        /// <summary>PGA gain of the current channels (board front end): 1, 2, 4, 8 or 16.</summary>
        public int CurrentPgaGain = 1;

        /// <summary>PGA gain of the voltage channels (board front end): 1, 2, 4, 8 or 16.</summary>
        public int VoltagePgaGain = 1;

        /// <summary>Meter constant of the test LED, imp/kWh (legal).</summary>
        public int MeterConstantImpPerKwh = 1000;

        /// <summary>S0 output constant, imp/kWh.</summary>
        public int S0ImpPerKwh = 1000;

        /// <summary>S0 pulse width, ms (30 or 80; IEC 62053-31 class A/B).</summary>
        public int S0PulseMilliseconds = 30;

        /// <summary>CT primary current, A (5 for a direct meter).</summary>
        public int CtPrimaryAmps = 5;

        /// <summary>CT secondary current, A.</summary>
        public int CtSecondaryAmps = 5;

        /// <summary>
        /// Per-phase starting / no-load threshold on apparent power, mVA secondary (Meter.Metrology
        /// <c>StartingThreshold</c>; EN 50470-3 starting and no-load tests); 0 registers any energy.
        /// </summary>
        public long StartingThresholdMilliVoltAmperes;

        /// <summary>Tariff registers, 1..8.</summary>
        public int TariffCount = 2;

        /// <summary>Working days: tariff 2 (index 1) from 00:00, tariff 1 (index 0) from this hour…</summary>
        public int DayTariffStartHour = 6;

        /// <summary>…until this hour (then tariff 2 again). Weekends and holidays stay in tariff 2.</summary>
        public int DayTariffEndHour = 22;

        /// <summary>
        /// Working-day switching times written over the optical port (packed minute of day × 8 +
        /// tariff index, ascending, see <see cref="TariffSwitchList"/>); empty: the two hours above.
        /// </summary>
        public int[] WorkingDaySwitches = new int[0];

        /// <summary>
        /// Tariff control (<see cref="TariffControlSetting"/>: 000 timetable, 100 + DD module inputs,
        /// 200 register control), written over the optical port as 0-0:128.4.0; default the timetable.
        /// </summary>
        public int TariffControlCode = TariffControlSetting.Timetable;

        /// <summary>
        /// Holidays of the tariff timetable (shown the Sunday tariff), written over the optical
        /// port as 0-0:11.0.0 (<see cref="ListSettingsWriter"/>): month × 100 + day for a date of
        /// every year, year × 10000 + month × 100 + day (year 2000..2099) for one date.
        /// </summary>
        public int[] Holidays = new int[0];

        /// <summary>Normal (automatic, scrolling) display list 0-0:21.0.1; default: the energies and the power.</summary>
        public Meter.Obis.ObisCode[] NormalDisplayList = ListSettings.DefaultNormalDisplayList();

        /// <summary>Alternate (push-button) display list 0-0:21.0.2; default: energies, demand, voltages, currents, frequency.</summary>
        public Meter.Obis.ObisCode[] AlternateDisplayList = ListSettings.DefaultAlternateDisplayList();

        /// <summary>Data sets of the mode A/B/C readout 0-0:21.0.0, in order (default: Meter.Optical DefaultReadout).</summary>
        public Meter.Obis.ObisCode[] ReadoutCodes = ListSettings.DefaultReadoutCodes();

        /// <summary>Billing periods each readout item also sends (0..99), parallel to <see cref="ReadoutCodes"/>.</summary>
        public int[] ReadoutBillingPeriods = ListSettings.DefaultReadoutBillingPeriods();

        /// <summary>GMT code LL (seeds: 00–12 = UTC+0..+12 h, 13–23 = UTC−11..−1 h).</summary>
        public int GmtCode = 1;

        /// <summary>True: EU summer time (PPP = 001); false: none.</summary>
        public bool EuSummerTime = true;

        /// <summary>Integration period of demand and load profile, minutes (5, 15, 30, 60), for an empty or lost load profile; a W1 change is kept in the profile (IntegrationPeriodSetting).</summary>
        public int IntegrationPeriodMinutes = 15;

        /// <summary>Billing target day GG (1..28) — the period closes at 00:00 local time of that day.</summary>
        public int BillingTargetDay = 1;

        /// <summary>Billing interval code HH (01 = monthly, Kamstrup 351 "Configuration 2").</summary>
        public int BillingIntervalCode = 1;

        /// <summary>Meter (serial) number, 0-0:96.1.0.</summary>
        public string MeterNumber = "00000001";

        /// <summary>Device address of the sign-on "/?address!" (<see cref="DeviceAddressSetting"/>, 0-0:128.5.0); "" = the meter number.</summary>
        public string DeviceAddress = "";

        /// <summary>Firmware version text, 1-0:0.2.0.</summary>
        public string FirmwareVersion = "0.1.0";

        /// <summary>
        /// Manufacturer's 3-letter id of the identification message (IEC 62056-21 §6.3.2). The third letter in
        /// lower case declares the short minimum reaction time tr of 20 ms instead of 200 ms (§6.3.2 note,
        /// §5.3), which the meter then uses: each of the readout's two turns costs 20 ms, not 200 ms.
        /// </summary>
        public string ManufacturerId = "OMf";

        /// <summary>Identification text after the baud character.</summary>
        public string Identification = "OpenMeter";

        /// <summary>
        /// Highest baud rate offered in mode C: 19200 Bd, baud character '6' (IEC 62056-21 §6.3.14, the
        /// table's highest; the ESP32 UART runs it, boards/ set no limit).
        /// </summary>
        public int MaximumBaud = 19200;

        /// <summary>Rate of the module UART (<see cref="ModulePort"/>, HDLC 8N1 from power-up): 300 … 115200 Bd, 9600 by default.</summary>
        public int ModuleBaud = 9600;

        /// <summary>Optical port passwords, index 0 = level 1.</summary>
        public string[] Passwords = new string[] { "00000000" };

        /// <summary>Display decimals code (seeds' configuration: 1 = 7.0, 2 = 6.1, 3 = 7.2, 4 = 6.3).</summary>
        public int DisplayDecimalsCode = 1;

        /// <summary>Metering cycle, ms (the ADE7880 energy registers are read this often).</summary>
        public int CycleMilliseconds = 1000;

        /// <summary>NV memory bytes the storage layout may use (the whole part).</summary>
        public int NvMemoryBytes = 131072;

        /// <summary>Verification mode: factor on the test-LED constant, 1 … 100 (Meter.Metrology VerificationMode).</summary>
        public int VerificationLedMultiplier = 10;

        /// <summary>Verification mode ends by itself this many minutes after it was switched on, 1 … 1440.</summary>
        public int VerificationTimeoutMinutes = 60;

        /// <summary>
        /// Power-quality measurement (issue 20): the chip's harmonic scan and angles on, the instantaneous values feed
        /// <see cref="PowerQualityRecorder"/>. Off by default: the energy cycle keeps its SPI frames. A build-time setting
        /// like <see cref="Phases"/>, not in the settings record (its spare values 121..127 are taken).
        /// </summary>
        public bool QualityMeasurement;

        /// <summary>
        /// Channels of the analysis logger (with <see cref="QualityMeasurement"/>; 1 … 24, <see cref="AnalysisChannels"/>):
        /// build-time like it. Default the 8 of <see cref="AnalysisChannels.Default"/>. Another list starts the logger afresh.
        /// </summary>
        public Meter.Obis.ObisCode[] AnalysisChannelCodes = AnalysisChannels.Default();

        /// <summary>
        /// The pulse-input register 0-1:24.2.1 as a 5th load-profile channel (issue 19), while the pulse input is fitted
        /// and counting (<see cref="ModuleInputs.PulseInputCounting"/>): each interval then records the register's
        /// increase after A+, A−, R+, R−. Off by default (the profile stays as it was, byte for byte). A build-time
        /// setting like <see cref="QualityMeasurement"/>, not in the settings record (all its values are used).
        /// </summary>
        public bool PulseInputProfileChannel;

        /// <summary>Nominal supply frequency, mHz (EN 50160 §4.2.1: 50 Hz), 50000 or 60000.</summary>
        public int NominalFrequencyMillihertz = 50000;

        /// <summary>Checks the settings; throws <see cref="System.ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (Phases != 1 && Phases != 3) throw new System.ArgumentException("Phases must be 1 or 3");
            if (QualityMeasurement) AnalysisChannels.Validate(AnalysisChannelCodes);
            if (FullScaleVoltageMillivolts <= 0) throw new System.ArgumentException("FullScaleVoltageMillivolts must be positive");
            if (NominalVoltageVolts <= 0) throw new System.ArgumentException("NominalVoltageVolts must be positive");
            if (FullScaleCurrentMilliamps <= 0) throw new System.ArgumentException("FullScaleCurrentMilliamps must be positive");
            if (TariffCount < 2 || TariffCount > 8) throw new System.ArgumentException("TariffCount must be 2 … 8 (the timetable uses T1 and T2)");
            if (DayTariffStartHour < 0 || DayTariffEndHour > 23 || DayTariffStartHour >= DayTariffEndHour)
                throw new System.ArgumentException("day tariff hours must satisfy 0 <= start < end <= 23");
            if (StartingThresholdMilliVoltAmperes < 0) throw new System.ArgumentException("StartingThresholdMilliVoltAmperes must not be negative");
            if (CycleMilliseconds < 100 || CycleMilliseconds > 60000) throw new System.ArgumentException("CycleMilliseconds must be 100 … 60000");
            if (MeterNumber == null || MeterNumber.Length == 0 || MeterNumber.Length > 16) throw new System.ArgumentException("MeterNumber must be 1 … 16 characters");
            if (DeviceAddress == null || (DeviceAddress.Length > 0 && !DeviceAddressSetting.IsValid(DeviceAddress)))
                throw new System.ArgumentException("DeviceAddress must be \"\" (the meter number) or 1 … 32 characters 0-9, A-Z, a-z, space (IEC 62056-21 §6.3.1)");
            if (DisplayDecimalsCode < 1 || DisplayDecimalsCode > 4) throw new System.ArgumentException("DisplayDecimalsCode must be 1 (7.0), 2 (6.1), 3 (7.2) or 4 (6.3)");
            if (Passwords == null || Passwords.Length == 0) throw new System.ArgumentException("at least one optical port password is required");
            if (!TariffControlSetting.IsValid(TariffControlCode)) throw new System.ArgumentException("TariffControlCode must be 0 (timetable), 100 + DD with DD = 01, 02, 07..14 (module inputs) or 200 (register control)");
            if (!TariffControlSetting.FitsTariffCount(TariffControlCode, TariffCount)) throw new System.ArgumentException("TariffControlCode 101 / 102 (4-tariff inputs) needs TariffCount 4 or more");
            if (VerificationLedMultiplier < 1 || VerificationLedMultiplier > 100) throw new System.ArgumentException("VerificationLedMultiplier must be 1 … 100");
            if (ModuleBaud < 300 || ModuleBaud > 115200) throw new System.ArgumentException("ModuleBaud must be 300 … 115200 Bd");
            if (VerificationTimeoutMinutes < 1 || VerificationTimeoutMinutes > 1440) throw new System.ArgumentException("VerificationTimeoutMinutes must be 1 … 1440");
            if (NominalFrequencyMillihertz != 50000 && NominalFrequencyMillihertz != 60000) throw new System.ArgumentException("NominalFrequencyMillihertz must be 50000 or 60000");
        }
    }
}
