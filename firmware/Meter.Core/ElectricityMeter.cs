using Meter.Clock;
using Meter.Display;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The electricity meter: metrology, clock and tariffs, permanent storage, OBIS table,
    /// optical port and display wired together over a board's <see cref="MeterHardware"/>.
    /// Time is injected and nothing runs by itself: the device app and the virtual meter call
    /// <see cref="Start"/> once, <see cref="OnEnergyReady"/> at every metering interrupt (or
    /// every <see cref="MeterSettings.CycleMilliseconds"/>), <see cref="Tick"/> often (every few
    /// ms to 1 s), and <see cref="OnMainsFail"/> on the mains-fail signal. Not thread-safe: call
    /// everything from one thread.
    /// </summary>
    public sealed class ElectricityMeter
    {
        private readonly MeterSettings _settings;
        private readonly MeterHardware _hardware;
        private readonly MeteringCycle _metering;
        private readonly LocalTimeRule _rule;
        private readonly IntegrationPeriod _period;
        private readonly MeterClock _clock;
        private readonly TariffController _tariffs;
        private readonly MeterStorage _storage;
        private readonly EventRouting _events;
        private readonly ObisBindings _bindings;
        private readonly PeriodClosing _periods;
        private readonly SettingsWriter _settingsWriter;
        private readonly IntegrationPeriodSetting _periodSetting;
        private readonly ListSettingsWriter _listSettingsWriter;
        private readonly TamperMonitor _tamper;
        private readonly VoltageQualityMonitor _voltageQuality;
        private readonly long[] _voltageQualityRecord = new long[StorageLayout.VoltageQualityValueCount];
        private ReadoutList _readout;
        private readonly OpticalPortSettings _port = new OpticalPortSettings();
        private readonly VerificationMode _verification;
        private long _verificationUntilMs;
        private readonly long[] _record = new long[RegisterRecord.Length];
        private readonly long[] _demandRecord = new long[DemandRecord.Length];
        private readonly long[] _phaseDownAt = new long[3];
        private readonly LcdFrame _frame = new LcdFrame();
        private readonly LcdFrame _shownFrame = new LcdFrame();
        private ObisTable _table;
        private OpticalServer _optical;
        private RangeRequestLink _requestLink;
        private ProfileRequest _profileRequest;
        private EventLogRequest _eventLogRequest;
        private DisplayController _display;
        private MeterIndicators _indicators;
        private StorageRecoveryReport _recovery;
        private bool _started;
        private long _utcSeconds;
        private long _lastNowMs;
        private int _tariff;
        private long _tariffFrom = long.MaxValue;
        private long _tariffUntil = long.MinValue;
        private int _tariffRevision;
        private int _billingCounter;
        private int _cyclesSinceMeasurement;
        private bool _onBackupPower;
        private long _registerSaves;
        private long _demandSaves;
        private long _demandSavedPeriods;
        private int _loggedFault;
        private long _seenOverruns;
        private bool _wasOverrunning;
        private int _phasesDown;
        private bool _voltageWatch;

        /// <summary>Describes the meter; nothing touches the hardware until <see cref="Start"/>.</summary>
        /// <exception cref="System.ArgumentException">Bad settings or missing hardware (the message names it).</exception>
        public ElectricityMeter(MeterSettings settings, MeterHardware hardware)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            if (hardware == null) throw new System.ArgumentNullException("hardware");
            settings.Validate();
            hardware.Validate();
            _settings = settings;
            _hardware = hardware;
            _metering = new MeteringCycle(settings, hardware);
            _rule = new LocalTimeRule(settings.GmtCode, settings.EuSummerTime ? SummerTimeTable.Eu : SummerTimeTable.None);
            _period = new IntegrationPeriod(settings.IntegrationPeriodMinutes, _rule);
            // Up to 30 s inside the running interval counts as an adjustment, not a jump (Meter.Clock MeterClock).
            _clock = new MeterClock(hardware.Rtc, _period, 30);
            _tariffs = new TariffController(_rule);
            UseTariffSettings();

            StorageLayout layout = new StorageLayout();
            layout.RegisterCount = RegisterRecord.Length;
            layout.DemandValueCount = DemandRecord.Length;
            layout.ProfilePeriodMinutes = settings.IntegrationPeriodMinutes;
            MeteringConfiguration m = _metering.Accumulator.Configuration;
            RegisterSavePolicy policy = new RegisterSavePolicy(RegisterRecord.SaveSteps(m.ActiveConstant, m.ReactiveConstant, m.ApparentConstant));
            _storage = new MeterStorage(hardware.NvMemory, layout, policy);
            _events = new EventRouting(this);
            _tamper = new TamperMonitor(this, hardware);
            _voltageQuality = new VoltageQualityMonitor(this, settings.NominalVoltageVolts);
            _bindings = new ObisBindings(this);
            _periods = new PeriodClosing(this);
            _settingsWriter = new SettingsWriter(this);
            _periodSetting = new IntegrationPeriodSetting(this);
            _listSettingsWriter = new ListSettingsWriter(this, _settingsWriter);
            // Display scaler = 10^scaler Wh per last digit: 7.0 → 3, 6.1 → 2, 7.2 → 1, 6.3 → 0. Verification
            // shows 1 Wh (scaler 0): the OBIS energy registers the display reads are whole Wh.
            DisplayFormat configured = new DisplayFormat();
            configured.Decimals = DisplayFormat.DecimalsFromCode(settings.DisplayDecimalsCode);
            _verification = new VerificationMode(3 - configured.EnergyDecimals, 0, settings.VerificationLedMultiplier);
        }

        /// <summary>LegalDataChange detail: verification mode switched on or off by command (old/new: LED imp/kWh).</summary>
        public const int VerificationSwitchedDetail = 128;
        /// <summary>LegalDataChange detail: verification mode ended by its timeout (old/new: LED imp/kWh).</summary>
        public const int VerificationTimedOutDetail = 129;

        /// <summary>The integration period as a setting (W1 of 1-0:0.8.0; kept in the load profile).</summary>
        public IntegrationPeriodSetting IntegrationPeriodSetting { get { return _periodSetting; } }
        /// <summary>Optical-port setting writes and their settings record.</summary>
        public SettingsWriter SettingsWriter { get { return _settingsWriter; } }
        /// <summary>Tamper detection: terminal cover and magnetic field (counters, status, LCD symbols).</summary>
        public TamperMonitor Tamper { get { return _tamper; } }
        /// <summary>Voltage quality: dips and swells per phase (counters, durations, events).</summary>
        public VoltageQualityMonitor VoltageQuality { get { return _voltageQuality; } }
        /// <summary>Optical-port writes of the display, readout and holiday lists.</summary>
        public ListSettingsWriter ListSettingsWriter { get { return _listSettingsWriter; } }
        /// <summary>The data sets the optical port's readout sends (from <see cref="MeterSettings.ReadoutCodes"/>; after <see cref="Start"/>).</summary>
        public ReadoutList Readout { get { return _readout; } }
        /// <summary>The settings (restored from the settings record at <see cref="Start"/>; see <see cref="SettingsWriter"/>).</summary>
        public MeterSettings Settings { get { return _settings; } }
        /// <summary>Metering: driver, energy registers, demand, S0.</summary>
        public MeteringCycle Metering { get { return _metering; } }
        /// <summary>Permanent storage: register record, billing logger, load profile, event log.</summary>
        public MeterStorage Storage { get { return _storage; } }
        /// <summary>The clock.</summary>
        public MeterClock Clock { get { return _clock; } }
        /// <summary>Local time rule (GMT code and summer time).</summary>
        public LocalTimeRule TimeRule { get { return _rule; } }
        /// <summary>Integration period of demand and load profile (the load profile's newest block's; see <see cref="IntegrationPeriodSetting"/>).</summary>
        public IntegrationPeriod Period { get { return _period; } }
        /// <summary>Tariff control.</summary>
        public TariffController Tariffs { get { return _tariffs; } }
        /// <summary>The OBIS register table every interface reads (after <see cref="Start"/>).</summary>
        public ObisTable Table { get { return _table; } }
        /// <summary>The optical port server (null without an optical link).</summary>
        public OpticalServer Optical { get { return _optical; } }
        /// <summary>The range-request link (P.01, P.98) in front of the optical server (null without an optical link).</summary>
        public RangeRequestLink RangeRequests { get { return _requestLink; } }
        /// <summary>The load-profile request P.01 (null without an optical link).</summary>
        public ProfileRequest ProfileRequests { get { return _profileRequest; } }
        /// <summary>The logbook (event log) request P.98 (null without an optical link).</summary>
        public EventLogRequest EventLogRequests { get { return _eventLogRequest; } }
        /// <summary>The display controller (after <see cref="Start"/>).</summary>
        public DisplayController Display { get { return _display; } }
        /// <summary>Verification (test-rig) mode: off at every start, see <see cref="SetVerificationMode"/>.</summary>
        public VerificationMode Verification { get { return _verification; } }
        /// <summary>Monotonic ms at which verification mode ends by itself (meaningful while it is on).</summary>
        public long VerificationEndsAtMs { get { return _verificationUntilMs; } }
        /// <summary>Profile and billing closing.</summary>
        public PeriodClosing Periods { get { return _periods; } }
        /// <summary>Event routing to the event log.</summary>
        public EventRouting Events { get { return _events; } }
        /// <summary>What storage repaired at start.</summary>
        public StorageRecoveryReport Recovery { get { return _recovery; } }
        /// <summary>UTC seconds at the last cycle or tick.</summary>
        public long UtcSeconds { get { return _utcSeconds; } }
        /// <summary>Active tariff index (0 = T1).</summary>
        public int ActiveTariff { get { return _tariff; } }
        /// <summary>Billing period counter (VZ): periods closed over the meter's life.</summary>
        public int BillingPeriodCounter { get { return _billingCounter; } }
        /// <summary>True after the mains-fail signal (the meter runs on its backup supply until it stops).</summary>
        public bool OnBackupPower { get { return _onBackupPower; } }
        /// <summary>Register records written since start.</summary>
        public long RegisterSaves { get { return _registerSaves; } }
        /// <summary>Demand records written since start (see <see cref="DemandRecord"/> for when).</summary>
        public long DemandSaves { get { return _demandSaves; } }
        /// <summary>
        /// True: <see cref="Tick"/> does not poll the optical port; the host calls
        /// <see cref="PollOpticalPort"/> with its own real-time clock (the virtual meter at ×N speed).
        /// </summary>
        public bool OpticalPortOnOwnClock { get; set; }
        /// <summary>Cycles between reads of the instantaneous values (rms, power, frequency); 1 = every cycle.</summary>
        public int MeasurementIntervalCycles { get; set; } = 1;

        /// <summary>Error register F.F (see <see cref="ObisBindings"/> bits).</summary>
        public int ErrorWord
        {
            get
            {
                int error = 0;
                if (_metering.ChipFaults > 0) error |= ObisBindings.ErrorMeteringChip;
                if (_recovery != null && _recovery.RepairCount > 0) error |= ObisBindings.ErrorStorageRepaired;
                if (_settingsWriter.DefaultsRestored) error |= ObisBindings.ErrorStorageRepaired;
                if (_recovery != null && _recovery.DamagedMemoryFormatted) error |= ObisBindings.ErrorStorageFormatted;
                return error;
            }
        }

        /// <summary>Operating status word 0-0:96.5.0.</summary>
        public int StatusWord
        {
            get
            {
                int status = 0;
                if (!_clock.Status.IsValid) status |= ObisBindings.StatusClockInvalid;
                if (_rule.IsSummerTime(_utcSeconds)) status |= ObisBindings.StatusSummerTime;
                if (_metering.S0 != null && _metering.S0.OverrunFlag) status |= ObisBindings.StatusPulseOverrun;
                if (_optical != null && _optical.IsLocked) status |= ObisBindings.StatusOpticalPortLocked;
                return status;
            }
        }

        /// <summary>
        /// Power-up at <paramref name="nowMs"/> (monotonic ms): opens storage (repairs are logged
        /// as events), restores the registers and the clock state, boots the clock (a new meter or
        /// an RTC that lost its backup restarts from the stored time, or from
        /// <paramref name="factoryUtc"/> on a blank memory, marked invalid), starts the ADE7880,
        /// creates the S0 output, builds the OBIS table, optical server and display. On a blank
        /// memory (a new meter) the clock is set to <paramref name="factoryUtc"/> as the factory would.
        /// </summary>
        public void Start(long nowMs, System.DateTime factoryUtc)
        {
            if (_started) throw new System.InvalidOperationException("the meter is already started");
            System.DateTime stamp;
            if (_hardware.Rtc.HasLostTime() || !_hardware.Rtc.TryReadUtc(out stamp)) stamp = factoryUtc;
            _recovery = _storage.Open(stamp);
            _periodSetting.UseStoredPeriod(); // the load profile's newest block holds the period

            long lastStoredUtc = UnixTime.ToSeconds(factoryUtc);
            ClockStatus persisted = new ClockStatus();
            bool resumed = _recovery.RegistersFound;
            if (resumed)
            {
                _storage.Registers.CopyTo(_record);
                lastStoredUtc = _record[RegisterRecord.UtcSeconds];
                persisted = new ClockStatus((TimeQuality)(int)_record[RegisterRecord.ClockQuality],
                    (ClockSetSource)(int)_record[RegisterRecord.ClockSetSourceIndex], _record[RegisterRecord.ClockSetAt]);
            }
            ClockBootOutcome boot = _clock.Boot(persisted, lastStoredUtc);
            _utcSeconds = _clock.ReadUtcSeconds();
            if (boot != ClockBootOutcome.RtcKeptTime) _events.Log(EventKind.ClockSet, (int)boot, 0, lastStoredUtc);
            if (_recovery.Formatted)
            {
                // A new meter (blank memory) leaves the factory with its clock set, before anything is metered.
                ClockSetEvent factory = _clock.SetTime(UnixTime.ToSeconds(factoryUtc), ClockSetSource.Factory);
                _utcSeconds = factory.NewUtcSeconds;
                _events.Log(EventKind.ClockSet, (int)factory.Kind, factory.OldUtcSeconds, factory.NewUtcSeconds);
            }

            _settingsWriter.Restore(_recovery);
            RestoreVoltageQuality();
            _metering.Start(resumed ? _record : null, _hardware.S0Output, nowMs);
            _lastNowMs = nowMs;
            _tariff = CurrentTariff(_utcSeconds);
            _billingCounter = ReadBillingCounter();
            bool rewriteDemand = RestoreDemand();
            // Detail 0: the whole meter (EventKind.PowerUp: phase 1–3, 0 = all). Old value: the time the meter last ran.
            _events.Log(EventKind.PowerUp, 0, lastStoredUtc, _utcSeconds);
            LogMetrologyEvents(); // a chip that failed to start
            _periods.Start(_utcSeconds, lastStoredUtc, resumed);

            _port.ManufacturerId = _settings.ManufacturerId;
            _port.Identification = _settings.Identification;
            ApplyDeviceAddress();
            _port.MaximumBaud = _settings.MaximumBaud;
            // Answers come the minimum reaction time tr after the request: 20 ms when the id's third letter is lower
            // case (IEC 62056-21 §6.3.2 note), else 200 ms.
            _port.ReactionTimeMs = _port.MinimumReactionTimeMs;
            // The first character at the new rate comes the minimum reaction time tr after the option select
            // (IEC 62056-21 §5.3, §6.4.3: the master switches once its ACK has gone), not Meter.Optical's
            // 300 ms default for slow masters: at 19200 Bd those 100 ms were a fifth of the readout's data time.
            _port.BaudSwitchDelayMs = _port.ReactionTimeMs;
            _port.Passwords = _settings.Passwords; // the same array: a P1 password written by W1 is checked at once
            _table = _bindings.CreateTable(_port);
            _readout = new ReadoutList(ListSettings.ReadoutCapacity);
            ApplyReadoutList();
            if (_hardware.OpticalLink != null)
            {
                _profileRequest = new ProfileRequest(this);
                _eventLogRequest = new EventLogRequest(this);
                _requestLink = new RangeRequestLink(_hardware.OpticalLink, new IRangeRequest[] { _profileRequest, _eventLogRequest });
                _requestLink.ReactionTimeMs = _port.ReactionTimeMs;
                _optical = new OpticalServer(_requestLink, _port, _table, _readout, _hardware.Seal, _events);
                _requestLink.Session = _optical;
            }
            CreateDisplay(nowMs);
            _started = true;
            if (rewriteDemand) SaveDemand(); // a refused record is replaced (reported once), a missed billing close applied
            else SaveRegisters(true);
        }

        /// <summary>
        /// One metering cycle at <paramref name="nowMs"/> (ADE7880 energy-ready interrupt or the
        /// cycle timer): clock → tariff → chip read → registers → S0 → demand → save when a
        /// register crossed its save step. No allocation.
        /// </summary>
        public void OnEnergyReady(long nowMs)
        {
            CheckStarted();
            _lastNowMs = nowMs;
            _utcSeconds = _clock.ReadUtcSeconds();
            SampleTariffInputs();
            _tariff = CurrentTariff(_utcSeconds);
            _metering.Run(nowMs, _utcSeconds, _tariff);
            bool due = ++_cyclesSinceMeasurement >= MeasurementIntervalCycles;
            if (due) _cyclesSinceMeasurement = 0;
            // The chip's sag / over-voltage flag (SAGLVL 92 %, OVLVL 108 %) starts a watch: rms every cycle until every
            // phase is back inside 92 … 108 %, so a dip or swell is caught and timed between the interval's reads.
            if (_metering.VoltageEvents != 0) _voltageWatch = true;
            bool measured = (due || _voltageWatch) && _metering.ReadMeasurements();
            LogMetrologyEvents();
            LogPhaseSupply();
            if (measured) _voltageWatch = SampleVoltageQuality();
            // An integration period closed: the only moment a maximum can change (Meter.Core DemandRecord).
            if (_metering.Demand.ClosedPeriods != _demandSavedPeriods) SaveDemand();
            else SaveRegisters(false);
        }

        /// <summary>
        /// Time-driven work at <paramref name="nowMs"/>: S0 pulse edges, tamper inputs, profile
        /// intervals and billing closings, display scrolling, optical port (unless on its own clock).
        /// </summary>
        public void Tick(long nowMs)
        {
            CheckStarted();
            _lastNowMs = nowMs;
            _metering.UpdatePulses(nowMs);
            _utcSeconds = _clock.ReadUtcSeconds();
            _tamper.Sample(nowMs, _utcSeconds);
            if (_verification.IsEnabled && nowMs >= _verificationUntilMs) ChangeVerificationMode(false, VerificationTimedOutDetail);
            _periods.Update(_utcSeconds);
            if (!OpticalPortOnOwnClock) PollOpticalPort(nowMs);
            RefreshDisplay(nowMs);
        }

        /// <summary>
        /// Module-input tariff control (TariffControlMode.ModuleInputs) with the board's tariff
        /// input pins: their levels (active low = energised; a pin not fitted reads de-energised)
        /// are sampled once a cycle, right before the cycle's tariff is chosen, so a change between
        /// two cycles registers from the next cycle on and a bounce shorter than a cycle is never
        /// seen. Without pins (or in another mode) the levels are whatever the host set.
        /// </summary>
        private void SampleTariffInputs()
        {
            IInputPin io1 = _hardware.TariffInput1;
            IInputPin io2 = _hardware.TariffInput2;
            if ((io1 == null && io2 == null) || _tariffs.Mode != TariffControlMode.ModuleInputs) return;
            _tariffs.SetInputs(io1 != null && !io1.Read(), io2 != null && !io2.Read());
        }

        /// <summary>Polls the optical port with the host's monotonic ms clock (see <see cref="OpticalPortOnOwnClock"/>).</summary>
        public void PollOpticalPort(long nowMs)
        {
            if (_requestLink != null) _requestLink.Poll(nowMs); // P.01 / P.98 answers, after the reaction time
            if (_optical != null) _optical.Poll(nowMs);
        }

        /// <summary>The display push button.</summary>
        public void PressButton(long nowMs)
        {
            CheckStarted();
            _display.PressButton(nowMs);
            RefreshDisplay(nowMs);
        }

        /// <summary>
        /// Mains-fail signal: the energy the ADE7880 accumulated since the last cycle is read
        /// first (it would die with the chip: up to one cycle, 20 Wh at full load), then the
        /// registers are saved now (whatever the save steps), a power-down event is logged and
        /// the display shows the battery list. Energy metered after this is what a power cut
        /// loses (Meter.Storage README, "Energy lost at a power cut").
        /// </summary>
        public void OnMainsFail(long nowMs)
        {
            CheckStarted();
            // The save must happen whatever time the caller gives: a signal stamped before the last
            // tick (a late or reordered call) reads the chip at the last tick's time instead.
            if (nowMs < _lastNowMs) nowMs = _lastNowMs;
            _lastNowMs = nowMs;
            _utcSeconds = _clock.ReadUtcSeconds();
            SampleTariffInputs();
            _tariff = CurrentTariff(_utcSeconds);
            _metering.Run(nowMs, _utcSeconds, _tariff);
            LogMetrologyEvents();
            SaveDemand(); // registers first, then the demand state (running period, maxima)
            _events.Log(EventKind.PowerDown, 0, 0, _utcSeconds);
            _onBackupPower = true;
            _display.SetBackupPower(true, nowMs);
        }

        /// <summary>
        /// Sets the clock (optical port W1 of 0-0:1.0.0): logs the old and new time, closes and
        /// marks the profile interval when it was a jump, saves the clock state.
        /// </summary>
        public bool SetClock(long newUtcSeconds)
        {
            return SetClock(newUtcSeconds, ClockSetSource.OpticalPort);
        }

        /// <summary>Sets the clock on behalf of <paramref name="source"/> (factory, optical port, module); see <see cref="SetClock(long)"/>.</summary>
        public bool SetClock(long newUtcSeconds, ClockSetSource source)
        {
            CheckStarted();
            ClockSetEvent set;
            try
            {
                set = _clock.SetTime(newUtcSeconds, source);
            }
            catch (System.ArgumentException)
            {
                return false; // the RTC cannot hold the date
            }
            _utcSeconds = newUtcSeconds;
            _events.Log(EventKind.ClockSet, (int)set.Kind, set.OldUtcSeconds, set.NewUtcSeconds);
            _periods.OnClockSet(set.OldUtcSeconds, set.NewUtcSeconds, set.IntervalClosed);
            _tariffUntil = long.MinValue; // the cached tariff belongs to the old time
            _tariff = CurrentTariff(_utcSeconds);
            SaveRegisters(true);
            return true;
        }

        /// <summary>
        /// Register control (seeds: OMNIPOWER Z13 = 002): the tariff command selects
        /// <paramref name="tariffIndex"/> (0 = T1) from the next metering cycle on. Rejected
        /// unless <see cref="Tariffs"/> is in register control; out of range beyond the meter's tariffs.
        /// </summary>
        public ObisWriteResult CommandTariff(int tariffIndex)
        {
            CheckStarted();
            if (_tariffs.Mode != TariffControlMode.Register) return ObisWriteResult.Rejected;
            if (tariffIndex < 0 || tariffIndex >= _settings.TariffCount) return ObisWriteResult.OutOfRange;
            _tariffs.CommandTariff(tariffIndex);
            return ObisWriteResult.Accepted;
        }

        /// <summary>
        /// (Re)builds the tariff timetable from the settings: working days from
        /// <see cref="MeterSettings.WorkingDaySwitches"/> (or T2, T1 from DayTariffStartHour to
        /// DayTariffEndHour), weekends and the <see cref="MeterSettings.Holidays"/> T2; and puts the
        /// configured control in force (<see cref="MeterSettings.TariffControlCode"/>: a rebuild under input
        /// or register control stays in it, see <see cref="TariffControlSetting.Apply"/>). The next cycle evaluates the tariff anew.
        /// </summary>
        public void UseTariffSettings()
        {
            TariffDayProfile working = TariffSwitchList.ToDayProfile(_settings.WorkingDaySwitches.Length > 0
                ? _settings.WorkingDaySwitches : TariffSwitchList.DefaultSwitches(_settings.DayTariffStartHour, _settings.DayTariffEndHour));
            TariffDayProfile weekend = new TariffDayProfile(1);
            TariffTimetable timetable = TariffTimetable.AllYear(ListSettings.ToHolidayTable(_settings.Holidays), working, weekend, weekend);
            TariffControlSetting.Apply(_tariffs, _settings.TariffControlCode, timetable);
            _tariffUntil = long.MinValue; // the cached tariff belongs to the old timetable
        }

        /// <summary>The device address the optical port answers "/?address!" to (<see cref="DeviceAddressSetting.Effective"/>).</summary>
        public string DeviceAddress
        {
            get { return DeviceAddressSetting.Effective(_settings.DeviceAddress, _settings.MeterNumber); }
        }

        /// <summary>Puts <see cref="DeviceAddress"/> into the port settings (at start, after a write of it or of the meter number); the server compares with it at each sign-on.</summary>
        public void ApplyDeviceAddress()
        {
            _port.DeviceAddress = DeviceAddress;
        }

        /// <summary>
        /// Puts <paramref name="identification"/> into the optical port's identification message
        /// when the port settings accept it (IEC 62056-21 §6.3.2 rules, Meter.Optical
        /// OpticalPortSettings.Validate); false and unchanged otherwise.
        /// </summary>
        public bool TryChangeIdentification(string identification)
        {
            string old = _port.Identification;
            _port.Identification = identification;
            try
            {
                _port.Validate();
            }
            catch (System.ArgumentException)
            {
                _port.Identification = old;
                return false;
            }
            if (_optical != null) _optical.RefreshIdentification();
            return true;
        }

        /// <summary>Reads calibration register <paramref name="kind"/> (1..6, see <see cref="ObisBindings.CalibrationKinds"/>) of phase 1..3.</summary>
        public bool TryReadCalibration(int kind, int phase, out int value)
        {
            value = 0;
            if (phase < 1 || phase > 3) return false;
            if (!CalibrationKind.IsDefined(kind)) return false;
            value = _metering.ChipConfiguration.GetCalibration(kind, phase);
            return true;
        }

        /// <summary>
        /// Writes a calibration register (legal data: the table already checked password level
        /// and the seal) to the running chip in place (ADE7880 data sheet Rev. A, "Digital Signal
        /// Processor": DSP RAM may be changed without stopping the DSP; MeteringCycle.ApplyCalibration),
        /// so the chip is not reset and its energy runs on. The energy metered so far is taken
        /// first all the same: a write the chip refuses stops the driver, and the next cycle's
        /// start of the chip then loses nothing. Logged once, as <see cref="EventKind.LegalDataChange"/>
        /// with detail kind × 16 + phase and the old and new value (the optical port's own record of
        /// the write is not logged again, see <see cref="ObisBindings.IsCalibrationRegister"/>). A
        /// refused write restores the old value and answers <see cref="ObisWriteResult.Rejected"/>.
        /// </summary>
        public ObisWriteResult WriteCalibration(int kind, int phase, int value)
        {
            if (phase < 1 || phase > 3) return ObisWriteResult.UnknownObject;
            int old;
            if (!TryReadCalibration(kind, phase, out old)) return ObisWriteResult.UnknownObject;
            try
            {
                _metering.SetCalibration(kind, phase, value);
            }
            catch (System.ArgumentException)
            {
                return ObisWriteResult.OutOfRange;
            }
            OnEnergyReady(_lastNowMs);
            if (!_metering.ApplyCalibration(kind, phase))
            {
                // Not taken: the configuration keeps the old value, which the next start of the chip writes.
                _metering.ChipConfiguration.SetCalibration(kind, phase, old);
                return ObisWriteResult.Rejected;
            }
            _events.Log(EventKind.LegalDataChange, kind * 16 + phase, old, value);
            return ObisWriteResult.Accepted;
        }

        /// <summary>
        /// Verification (test-rig) mode, Kamstrup 351 data sheet: "the meter can be configured to
        /// verification mode, among other things, which improves the resolutions of the energy
        /// indications, thereby reducing the duration of test and verification". On: energies are
        /// displayed in Wh (6.3) and the test LED (CF1) runs at <see cref="MeterSettings.VerificationLedMultiplier"/>
        /// × the meter constant; the energy registers, S0 and demand are not affected. Legal data:
        /// switching on needs the seal / programming switch open (<see cref="ObisWriteResult.SealClosed"/>
        /// otherwise, nothing changes); switching off is always allowed (it only returns to the legal
        /// state). Switching on again while on restarts the timeout (logged with old = new, as is off while off). The mode ends by itself
        /// <see cref="MeterSettings.VerificationTimeoutMinutes"/> after it was switched on (checked
        /// in <see cref="Tick"/>) and is never stored: every start begins in normal mode, so a meter
        /// cannot be left in it by accident. Each change is logged as <see cref="EventKind.LegalDataChange"/>
        /// with detail <see cref="VerificationSwitchedDetail"/> or <see cref="VerificationTimedOutDetail"/>.
        /// </summary>
        public ObisWriteResult SetVerificationMode(bool enabled)
        {
            CheckStarted();
            if (enabled && (_hardware.Seal == null || !_hardware.Seal.IsOpen)) return ObisWriteResult.SealClosed;
            if (enabled == _verification.IsEnabled)
            {
                if (enabled) _verificationUntilMs = _lastNowMs + _settings.VerificationTimeoutMinutes * 60000L;
                // Still one entry a write (the optical port's record of it is not logged again, EventRouting): old = new.
                int constant = _metering.LedImpulsesPerKilowattHour;
                _events.Log(EventKind.LegalDataChange, VerificationSwitchedDetail, constant, constant);
                return ObisWriteResult.Accepted;
            }
            return ChangeVerificationMode(enabled, VerificationSwitchedDetail);
        }

        private ObisWriteResult ChangeVerificationMode(bool enabled, int detail)
        {
            int before = _metering.LedImpulsesPerKilowattHour;
            _verification.SetEnabled(enabled);
            int after = _verification.LedImpulsesPerKilowattHour(_settings.MeterConstantImpPerKwh);
            try
            {
                _metering.SetLedConstant(after);
            }
            catch (System.ArgumentOutOfRangeException)
            {
                _verification.SetEnabled(!enabled); // CF1DEN cannot give that constant: nothing changed
                return ObisWriteResult.OutOfRange;
            }
            _verificationUntilMs = _lastNowMs + _settings.VerificationTimeoutMinutes * 60000L;
            _display.Format.Decimals = DecimalsForScaler(_verification.DisplayScaler);
            _events.Log(EventKind.LegalDataChange, detail, before, after);
            RefreshDisplay(_lastNowMs);
            return ObisWriteResult.Accepted;
        }

        // Display scaler (10^scaler Wh per last digit) → decimals setting: 3 → 7.0, 2 → 6.1, 1 → 7.2, 0 → 6.3.
        private static DisplayDecimals DecimalsForScaler(int scaler)
        {
            if (scaler >= 3) return DisplayDecimals.Digits7Decimals0;
            if (scaler == 2) return DisplayDecimals.Digits6Decimals1;
            if (scaler == 1) return DisplayDecimals.Digits7Decimals2;
            return DisplayDecimals.Digits6Decimals3;
        }

        /// <summary>Saves the register record now (<paramref name="force"/>) or when the save policy says so. Returns true when written.</summary>
        public bool SaveRegisters(bool force)
        {
            _metering.Accumulator.SaveTo(_record);
            _record[RegisterRecord.UtcSeconds] = _utcSeconds;
            ClockStatus status = _clock.Status;
            _record[RegisterRecord.ClockQuality] = (int)status.Quality;
            _record[RegisterRecord.ClockSetSourceIndex] = (int)status.LastSetSource;
            _record[RegisterRecord.ClockSetAt] = status.LastSetUtcSeconds;
            if (!_storage.SaveRegisters(_record, force)) return false;
            _registerSaves++;
            return true;
        }

        /// <summary>Called by <see cref="PeriodClosing"/> after a billing period was stored: counter + 1, demand maxima cleared.</summary>
        public void OnBillingPeriodClosed()
        {
            _billingCounter++;
            _metering.Demand.CloseBillingPeriod();
            SaveDemand();
        }

        /// <summary>
        /// Saves the register record (forced), then the demand record. In this order a cut between
        /// the two leaves registers newer than the demand state, which the restore accepts; the
        /// other way round the running period could start above the restored registers.
        /// </summary>
        public void SaveDemand()
        {
            SaveRegisters(true);
            if (_storage.Demand == null) return;
            _metering.Demand.SaveTo(_demandRecord);
            _demandRecord[DemandRecord.BillingCounter] = _billingCounter;
            _storage.Demand.Commit(_demandRecord);
            _demandSavedPeriods = _metering.Demand.ClosedPeriods;
            _demandSaves++;
        }

        /// <summary>
        /// Logs what the last metering cycle found: a metrology fault (<see cref="MetrologyFaultDetail"/>) when it
        /// differs from the previous cycle's, and the start of an S0 backlog overrun (issue 4: "an overrun is an
        /// event, never a silent loss"; the pulses dropped are in the event). One event per episode, so a fault that
        /// lasts does not wear the log; nothing is logged on a good cycle (no allocation).
        /// </summary>
        private void LogMetrologyEvents()
        {
            int fault = _metering.LastFault;
            if (fault != 0 && fault != _loggedFault)
                _events.Log(EventKind.MetrologyFault, fault, _metering.LastFaultOldValue, _metering.LastFaultNewValue);
            _loggedFault = fault;
            PulseOutput s0 = _metering.S0;
            if (s0 == null) return;
            // Overruns only happen in a cycle (pulses become due when energy is added), so each cycle of an
            // overload increments OverrunEvents; the episode ends with the first cycle that does not.
            bool overrunning = s0.OverrunEvents != _seenOverruns;
            if (overrunning && !_wasOverrunning)
                _events.Log(EventKind.MetrologyFault, MetrologyFaultDetail.PulseBacklogOverrun, s0.DroppedPulses, s0.OverrunEvents);
            _wasOverrunning = overrunning;
            _seenOverruns = s0.OverrunEvents;
        }

        /// <summary>
        /// Per-phase supply loss (Kamstrup 351C: supply loss recorded per phase): PowerDown with detail = phase 1–3
        /// when the chip reports the phase's voltage zero-crossing timeout, PowerUp when the measured rms voltage of
        /// that phase is back above 10 % of full scale (the phase-symbol threshold). The old value of PowerUp is the
        /// time the phase went down. Unused phases (single-phase meter) are ignored.
        /// </summary>
        private void LogPhaseSupply()
        {
            int timeouts = _metering.VoltageTimeouts;
            bool measured = _metering.MeasurementsValid;
            for (int phase = 0; phase < 3; phase++)
            {
                int bit = 1 << phase;
                if (!_metering.Accumulator.Configuration.IsPhaseUsed(phase)) continue;
                if ((timeouts & bit) != 0 && (_phasesDown & bit) == 0)
                {
                    _phasesDown |= bit;
                    _phaseDownAt[phase] = _utcSeconds;
                    _events.Log(EventKind.PowerDown, phase + 1, 0, _utcSeconds);
                }
                else if ((_phasesDown & bit) != 0 && (timeouts & bit) == 0 && measured
                    && (long)_metering.Measurements.VoltageRms[phase] * 10 > _metering.MeasurementScale.FullScaleRmsCode)
                {
                    _phasesDown &= ~bit;
                    _events.Log(EventKind.PowerUp, phase + 1, _phaseDownAt[phase], _utcSeconds);
                }
            }
        }

        /// <summary>
        /// Dips and swells (<see cref="VoltageQualityMonitor"/>) from the rms voltages just read, on the used phases
        /// that have supply (a phase whose zero crossings timed out is interrupted, logged by <see cref="LogPhaseSupply"/>).
        /// Runs on a cycle that read the measurements: every <see cref="MeasurementIntervalCycles"/>, and every cycle
        /// of a watch the chip's sag / over-voltage flag started. So the energy-only cycle (measurements off,
        /// int.MaxValue) stays at its frames while the voltage is normal and reads the rms only around an event.
        /// Returns true while the watch must go on: a phase outside 92 … 108 % or an event running.
        /// </summary>
        private bool SampleVoltageQuality()
        {
            PhaseMeasurements m = _metering.Measurements;
            bool watch = false;
            for (int phase = 0; phase < 3; phase++)
            {
                if (!_metering.Accumulator.Configuration.IsPhaseUsed(phase) || (_phasesDown & (1 << phase)) != 0) continue;
                long millivolts = _metering.MeasurementScale.RmsToMilli(m.VoltageRms[phase], _metering.NominalVoltageMillivolts);
                _voltageQuality.Sample(phase + 1, millivolts, _utcSeconds);
                if (!_voltageQuality.IsInNormalBand(millivolts) || _voltageQuality.IsRunning(phase + 1)) watch = true;
            }
            return watch;
        }

        /// <summary>
        /// Boot: the voltage-quality counters from their record (blank after a new format or the in-place upgrade
        /// to layout version 6: all zero). A record the monitor refuses is a storage repair: logged, counting restarts at 0.
        /// A restored running event starts the rms watch, so it ends at the first cycle that shows the voltage back.
        /// </summary>
        private void RestoreVoltageQuality()
        {
            if (!_storage.VoltageQuality.HasValue) return;
            _storage.VoltageQuality.CopyTo(_voltageQualityRecord);
            if (!_voltageQuality.Restore(_voltageQualityRecord)) { _events.Log(EventKind.StorageRepair, StorageArea.VoltageQuality, 0, 1); return; }
            // An event running at the power-down: watch from the first cycle, as no chip flag may come (the voltage
            // may be back already, crossing no SAGLVL after the chip's start) and the interval's reads may be off.
            for (int phase = 1; phase <= 3; phase++)
                if (_voltageQuality.IsRunning(phase)) _voltageWatch = true;
        }

        /// <summary>
        /// Boot: restores the demand state from its record (after the registers, before the first
        /// cycle). A record the demand meter refuses (it checks the whole snapshot) is a storage
        /// repair: logged and reported, demand starts empty, the energy registers are untouched.
        /// Returns true when the record must be rewritten (refused, running period dropped, or a missed billing close applied).
        /// </summary>
        private bool RestoreDemand()
        {
            _demandSavedPeriods = 0;
            if (_storage.Demand == null || !_storage.Demand.HasValue) return false;
            _storage.Demand.CopyTo(_demandRecord);
            long savedBillingCounter = _demandRecord[DemandRecord.BillingCounter];
            bool converted;
            try
            {
                if (savedBillingCounter < 0 || savedBillingCounter > _billingCounter)
                    throw new System.ArgumentException("demand record newer than the billing logger");
                converted = _periodSetting.RestoreDemand(_demandRecord);
            }
            catch (System.ArgumentException)
            {
                _recovery.DemandRefused = true;
                _events.Log(EventKind.StorageRepair, StorageArea.Demand, 0, 1);
                return true;
            }
            _demandSavedPeriods = _metering.Demand.ClosedPeriods;
            DemandMeter demand = _metering.Demand;
            bool rewrite = converted; // a record of the period before a change (IntegrationPeriodSetting)
            if (_recovery.RegistersFound && _record[RegisterRecord.UtcSeconds] >= demand.CurrentPeriodStartSeconds + demand.PeriodSeconds)
            {
                // Registers saved after the restored period's end (an older slot after a torn write, or a clock set
                // forward just before a cut): that period cannot be closed honestly, a new one starts.
                demand.DiscardRunningPeriod();
                rewrite = true;
            }
            if (savedBillingCounter < _billingCounter)
            {
                // Cut between the billing logger's commit and the demand save (DemandRecord remarks).
                demand.CloseBillingPeriod();
                rewrite = true;
            }
            return rewrite;
        }

        /// <summary>
        /// The tariff at <paramref name="utcSeconds"/>, re-evaluated only when the time leaves the
        /// span in which it cannot change (Meter.Clock TariffController.NextPossibleChange): the
        /// timetable lookup with local-time conversion otherwise runs every cycle.
        /// </summary>
        private int CurrentTariff(long utcSeconds)
        {
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

        private int ReadBillingCounter()
        {
            if (_storage.Billing.Count == 0) return 0;
            PeriodRecord newest = new PeriodRecord(_storage.Billing.ValueCount);
            return _storage.Billing.TryRead(0, newest) ? (int)newest.Sequence : 0;
        }


        private void CreateDisplay(long nowMs)
        {
            _indicators = new MeterIndicators();
            DisplayFormat format = new DisplayFormat();
            format.Decimals = DisplayFormat.DecimalsFromCode(_settings.DisplayDecimalsCode);
            _display = new DisplayController(new ObisTableDisplaySource(_table), format, _indicators, ListSettings.LegalDisplayCodes());
            // Normal and alternate lists from the settings (checked by SettingsRecord.TryApply or the writer, the same DisplayList rules).
            _display.AutomaticList.Configure(_settings.NormalDisplayList);
            _display.ManualList.Configure(_settings.AlternateDisplayList);
            // Battery list: the legal energy readings, readable while the meter runs on backup power.
            _display.BatteryList.Configure(new ObisCode[]
            {
                StandardObjects.ActiveImport, StandardObjects.ActiveExport, StandardObjects.ActiveImportT1, StandardObjects.ActiveImportT2,
            });
            _display.Start(nowMs);
        }

        /// <summary>
        /// Shows the display lists of the settings at once (after a list write): the lists are
        /// replaced and the LCD starts again at the first reading of the automatic list.
        /// </summary>
        public void ApplyDisplayLists()
        {
            CheckStarted();
            _display.AutomaticList.Configure(_settings.NormalDisplayList);
            _display.ManualList.Configure(_settings.AlternateDisplayList);
            _display.Start(_lastNowMs);
            RefreshDisplay(_lastNowMs);
        }

        /// <summary>Refills the readout list from the settings (the next readout sends it; a readout runs only outside programming mode).</summary>
        public void ApplyReadoutList()
        {
            _readout.Clear();
            for (int i = 0; i < _settings.ReadoutCodes.Length; i++) _readout.Add(_settings.ReadoutCodes[i], _settings.ReadoutBillingPeriods[i]);
        }

        private void RefreshDisplay(long nowMs)
        {
            if (_hardware.Lcd == null) return;
            EnergyAccumulator energy = _metering.Accumulator;
            _indicators.Quadrant = energy.IsNoLoad ? 0 : (int)energy.LastQuadrant;
            _indicators.Tariff = _tariff + 1;
            _indicators.ErrorCode = ErrorWord;
            // Status bits that need attention (clock not valid, pulse overrun, optical port locked) get a display screen; summer time does not.
            _indicators.StatusCode = StatusWord & ~ObisBindings.StatusSummerTime;
            _indicators.StatusSymbols = _tamper.LcdSymbolFlags;
            for (int phase = 0; phase < 3; phase++)
            {
                bool used = energy.Configuration.IsPhaseUsed(phase);
                PhaseMeasurements m = _metering.Measurements;
                // Phase symbol (Kamstrup 382 "Mains voltage reading"): on with voltage above 10 % of
                // full scale and the phase above the metering cut-off (the starting threshold that
                // registers energy), flashing with voltage but below that cut-off.
                bool voltage = used && _metering.MeasurementsValid && (long)m.VoltageRms[phase] * 10 > _metering.MeasurementScale.FullScaleRmsCode;
                bool current = voltage && energy.IsPhaseRunning(phase);
                _indicators.SetPhase(phase + 1, voltage, current);
            }
            _display.Render(nowMs, _frame);
            if (!_frame.SameAs(_shownFrame))
            {
                _shownFrame.CopyFrom(_frame);
                _hardware.Lcd.Show(_frame);
            }
        }

        private void CheckStarted()
        {
            if (!_started) throw new System.InvalidOperationException("the meter is not started: call Start first");
        }
    }
}
