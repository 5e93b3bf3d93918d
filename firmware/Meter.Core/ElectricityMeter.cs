using Meter.Clock;
using Meter.Dlms;
using Meter.Display;
using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The electricity meter: the composition root that wires the components (README.md lists them)
    /// once over a board's <see cref="MeterHardware"/>, and the schedule that drives them. Time is
    /// injected and nothing runs by itself: the device app and the virtual meter call <see cref="Start"/>
    /// once, <see cref="OnEnergyReady"/> at every metering interrupt (or every
    /// <see cref="MeterSettings.CycleMilliseconds"/>), <see cref="Tick"/> often (every few ms to 1 s), and
    /// <see cref="OnMainsFail"/> on the mains-fail signal. Not thread-safe: call everything from one thread.
    /// The getters give hosts and tests read access to the components; no component uses them.
    /// </summary>
    public sealed class ElectricityMeter
    {
        private readonly MeterSettings _settings;
        private readonly MeteringCycle _metering;
        private readonly LocalTimeRule _rule;
        private readonly IntegrationPeriod _period;
        private readonly MeterClock _clock;
        private readonly TariffController _tariffController;
        private readonly MeterStorage _storage;
        private readonly DeviceStateRecord _deviceState;
        private readonly MeterTime _time;
        private readonly EventRouting _events;
        private readonly BillingCounter _billing = new BillingCounter();
        private readonly RegisterPersistence _registers;
        private readonly TariffSelection _tariffs;
        private readonly PeriodClosing _periods;
        private readonly IntegrationPeriodSetting _periodSetting;
        private readonly TamperMonitor _tamper;
        private readonly ModuleInputs _inputs;
        private readonly VoltageQualityMonitor _voltageQuality;
        private readonly MetrologyEventLog _metrologyLog;
        private readonly EnergyCycle _cycle;
        private readonly CalibrationAccess _calibration;
        private readonly OpticalPort _optical;
        private readonly SettingsWriter _settingsWriter;
        private readonly MeterStatusWords _status;
        private readonly ObisTable _table = new ObisTable(MeterObjectTable.Capacity + PrepaymentObjects.Count);
        private readonly Prepayment _prepayment;
        private readonly MeterDisplay _display;
        private readonly VerificationSwitch _verificationSwitch;
        private readonly ClockSetting _clockSetting;
        private readonly MeterStartUp _startUp;
        private readonly ModulePort _module;
        private readonly InstantaneousValues _instantaneous;
        private readonly DisconnectControl _disconnect;
        private readonly LocalDisconnectRequests _localDisconnects;
        private readonly Limiter _limiter;
        private bool _started;
        private bool _onBackupPower;

        /// <summary>Composes the meter; nothing touches the hardware until <see cref="Start"/>.</summary>
        /// <exception cref="System.ArgumentException">Bad settings or missing hardware (the message names it).</exception>
        public ElectricityMeter(MeterSettings settings, MeterHardware hardware)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            if (hardware == null) throw new System.ArgumentNullException("hardware");
            settings.Validate();
            hardware.Validate();
            _settings = settings;
            _metering = new MeteringCycle(settings, hardware);
            EnergyAccumulator energy = _metering.Accumulator;
            DemandMeter demand = _metering.Demand;
            _rule = new LocalTimeRule(settings.GmtCode, settings.EuSummerTime ? SummerTimeTable.Eu : SummerTimeTable.None);
            _period = new IntegrationPeriod(settings.IntegrationPeriodMinutes, _rule);
            // Up to 30 s inside the running interval counts as an adjustment, not a jump (Meter.Clock MeterClock).
            _clock = new MeterClock(hardware.Rtc, _period, 30);
            _tariffController = new TariffController(_rule);
            _tariffs = new TariffSelection(_tariffController, settings, hardware.TariffInput1, hardware.TariffInput2);
            _tariffs.UseSettings();
            _storage = new MeterStorage(hardware.NvMemory, RegisterRecord.Layout(settings), RegisterRecord.SavePolicy(energy.Configuration));
            _deviceState = new DeviceStateRecord(_storage.DeviceState);
            _time = new MeterTime(_clock);
            ObisLocalTime localTime = new ObisLocalTime(_rule);
            _events = new EventRouting(_time, _storage);
            _registers = new RegisterPersistence(energy, demand, _clock, _time, _storage, _billing, _events);
            _inputs = new ModuleInputs(hardware.TariffInput1, hardware.TariffInput2, _tariffController, _deviceState, _events);
            _periods = new PeriodClosing(settings, _storage, _period, _rule, energy, demand, _registers, _billing, _inputs);
            _periodSetting = new IntegrationPeriodSetting(_period, demand, _storage, _periods, _registers, _events, _time);
            SettingsRecordStore settingsRecord = new SettingsRecordStore(settings, _storage);
            _tamper = new TamperMonitor(hardware.MagneticSensor, hardware.TerminalCoverSwitch, _events, settingsRecord, localTime);
            settingsRecord.KeepTamperState(_tamper);
            _voltageQuality = new VoltageQualityMonitor(_events, _storage, settings.NominalVoltageVolts);
            InstantaneousValues instantaneous = new InstantaneousValues(_metering);
            _instantaneous = instantaneous;
            _disconnect = new DisconnectControl(hardware.Breaker, _deviceState, new DisconnectEventLog(_events), DisconnectControl.DefaultMode);
            _limiter = new Limiter(_disconnect, _deviceState);
            _metrologyLog = new MetrologyEventLog(_metering, energy.Configuration, instantaneous, _voltageQuality, _events, _time);
            _cycle = new EnergyCycle(_time, _tariffs, _metering, _metrologyLog, _registers);
            if (settings.QualityMeasurement) _cycle.Quality = new PowerQualityRecorder(_voltageQuality, _metering.MeasurementScale,
                _metering.NominalVoltageMillivolts, _metering.NominalCurrentMilliamps, settings.NominalVoltageVolts * 1000L, settings.NominalFrequencyMillihertz);
            if (settings.QualityMeasurement) _cycle.Quality.Analysis = new AnalysisLogging(_storage.Analysis, settings.AnalysisChannelCodes, _rule);
            if (settings.QualityMeasurement) _cycle.Quality.WeekLog = new QualityWeekLog(_storage.QualityWeeks);
            _calibration = new CalibrationAccess(_metering, _cycle, _time, _events, new CalibrationRecord(_storage.Calibration));
            OpticalPortSettings port = new OpticalPortSettings();
            _optical = new OpticalPort(port, settings, hardware.OpticalLink, hardware.Seal, _events, _storage, _rule, _time);
            _settingsWriter = new SettingsWriter(settings, settingsRecord, _tamper, energy, energy.Configuration.CtRatio, _metering,
                _periods, _tariffs, _optical, _events, _time);
            _status = new MeterStatusWords(_metering, _settingsWriter, _clock, _rule, _time, _optical);
            _prepayment = new Prepayment(energy, _deviceState, settings, _rule, _events, _time);
            _localDisconnects = new LocalDisconnectRequests(_disconnect, _prepayment, _inputs);
            _status.ShowPrepayment(_prepayment);
            _status.UseInputs(_inputs);
            _optical.UseInputs(_inputs);
            _status.PowerQuality = new PowerQualityObjects(_cycle.Quality);
            _display = new MeterDisplay(hardware.Lcd, _table, settings, energy, energy.Configuration, _metering, _tariffs, _status, _tamper, _time);
            _display.ShowPrepayment(_prepayment);
            _status.Disconnect = _disconnect;
            _display.Disconnect = _disconnect;
            _display.PowerQuality = _status.PowerQuality;
            _verificationSwitch = new VerificationSwitch(_metering, hardware.Seal, settings, _events, _time, _display);
            _clockSetting = new ClockSetting(_clock, _time, localTime, _events, _periods, _tariffs, _registers);
            MeterObjectTable.Declare(_table, Owners(energy, demand, localTime, instantaneous, settingsRecord), port);
            new PrepaymentObjects(_prepayment).Declare(_table);
            TariffCalendarObjects calendar = new TariffCalendarObjects(settings, settingsRecord, _tariffs, _events, localTime, _storage.Calendar);
            CosemTableWrites cosemWrites = new CosemTableWrites(_table, _events, _time);
            ICosemObjects cosemObjects = new CompositeCosemObjects(new ICosemObjects[]
            {
                new ObisTableCosemObjects(_table, MeterProfiles.Create(_storage, _rule, settings.AnalysisChannelCodes, settings.PulseInputProfileChannel), new DemandRegisterValues(demand, _rule),
                    new ClockAttributes(_rule, _time), cosemWrites, BreakerObjects.CosemClassObjects),
                new SapAssignmentObject(1, new MeterLogicalDeviceName(settings)),
                calendar,
                new DisconnectControlObject(_disconnect, cosemWrites),
                new LimiterObject(_limiter, _rule, _time, cosemWrites),
            });
            Dlms = new CosemServer(cosemObjects, new DlmsPasswordCheck(port, _optical), new CosemServerSettings());
            // The module UART has its own association (it runs beside the optical port), over the same objects and passwords.
            if (hardware.ModuleLink != null)
            {
                ModuleDlms = new CosemServer(cosemObjects, new DlmsPasswordCheck(port, _optical), new CosemServerSettings());
                _module = new ModulePort(hardware.ModuleLink, settings.ModuleBaud, ModuleDlms);
            }
            _startUp = new MeterStartUp(hardware.Rtc, _storage, _clock, _time, _events, _periodSetting, _registers, _settingsWriter,
                _metrologyLog, _calibration, _metering, hardware.S0Output, _tariffs, calendar, _billing, _periods, _status);
        }

        public IntegrationPeriodSetting IntegrationPeriodSetting => _periodSetting;
        public SettingsWriter SettingsWriter => _settingsWriter;
        public TamperMonitor Tamper => _tamper;
        /// <summary>The module's pulse input and alarm input.</summary>
        public ModuleInputs Inputs => _inputs;
        public VoltageQualityMonitor VoltageQuality => _voltageQuality;
        /// <summary>The power-quality recorder (null unless <see cref="MeterSettings.QualityMeasurement"/>).</summary>
        public PowerQualityRecorder PowerQuality => _cycle.Quality;
        /// <summary>The data sets the optical port's readout sends (filled at <see cref="Start"/>).</summary>
        public ReadoutList Readout => _optical.Readout;
        public MeterSettings Settings => _settings;
        public MeteringCycle Metering => _metering;
        public MeterStorage Storage => _storage;
        /// <summary>The device-state record (breaker, prepayment, pulse and alarm inputs), restored at <see cref="Start"/>.</summary>
        public DeviceStateRecord DeviceState => _deviceState;
        /// <summary>Prepayment: credit, tokens, emergency credit, friendly time and its disconnect request (values in the device-state record).</summary>
        public Prepayment Prepayment => _prepayment;
        /// <summary>Disconnect control (class 70) over the breaker (connected and refusing commands without one).</summary>
        public DisconnectControl Disconnect => _disconnect;
        /// <summary>The limiter (smart disconnect, class 71).</summary>
        public Limiter Limiter => _limiter;
        public MeterClock Clock => _clock;
        public MeterTime Time => _time;
        public LocalTimeRule TimeRule => _rule;
        public IntegrationPeriod Period => _period;
        public TariffController Tariffs => _tariffController;
        /// <summary>The OBIS register table every interface reads.</summary>
        public ObisTable Table => _table;
        public OpticalServer Optical => _optical.Server;
        public IApduHandler Dlms { get; }
        /// <summary>The COSEM server of the module UART (null without one).</summary>
        public IApduHandler ModuleDlms { get; }
        /// <summary>The module UART's HDLC port (null without one).</summary>
        public ModulePort Module => _module;
        /// <summary>The optical port's mode-E session (null without an optical link).</summary>
        public OpticalModeE OpticalModeE => _optical.ModeE;
        public RangeRequestLink RangeRequests => _optical.RangeRequests;
        public ProfileRequest ProfileRequests => _optical.ProfileRequests;
        public EventLogRequest EventLogRequests => _optical.EventLogRequests;
        public DisplayController Display => _display.Controller;
        public VerificationMode Verification => _verificationSwitch.Mode;
        public long VerificationEndsAtMs => _verificationSwitch.EndsAtMs;
        public PeriodClosing Periods => _periods;
        public EventRouting Events => _events;
        public StorageRecoveryReport Recovery => _startUp.Recovery;
        public long UtcSeconds => _time.UtcSeconds;
        /// <summary>Active tariff index (0 = T1).</summary>
        public int ActiveTariff => _tariffs.Active;
        public int BillingPeriodCounter => _billing.Value;
        public bool OnBackupPower => _onBackupPower;
        public long RegisterSaves => _registers.RegisterSaves;
        public long DemandSaves => _registers.DemandSaves;
        public int ErrorWord => _status.ErrorWord;
        public int StatusWord => _status.StatusWord;
        public string DeviceAddress => _optical.DeviceAddress;
        /// <summary>True: <see cref="Tick"/> does not poll the optical port; the host calls <see cref="PollOpticalPort"/> on its own clock.</summary>
        public bool OpticalPortOnOwnClock { get; set; }
        /// <summary>Cycles between reads of the instantaneous values (rms, power, frequency); 1 = every cycle.</summary>
        public int MeasurementIntervalCycles { get => _cycle.MeasurementIntervalCycles; set => _cycle.MeasurementIntervalCycles = value; }

        /// <summary>Power-up at <paramref name="nowMs"/> (<see cref="MeterStartUp.Run"/>), then the optical port and the display.</summary>
        public void Start(long nowMs, System.DateTime factoryUtc)
        {
            if (_started) throw new System.InvalidOperationException("the meter is already started");
            bool rewriteDemand = _startUp.Run(nowMs, factoryUtc);
            _deviceState.Restore(); // after the storage opened, before any function reads its state
            _inputs.Restore();
            _disconnect.Start(nowMs);
            _limiter.Start();
            _optical.Start(_table, Dlms);
            if (_module != null) _module.Start(nowMs);
            _display.Start(nowMs);
            _started = true;
            if (rewriteDemand) _registers.SaveDemand(); // a refused record is replaced (reported once), a missed billing close applied
            else _registers.SaveRegisters(true);
        }

        /// <summary>One metering cycle at <paramref name="nowMs"/> (<see cref="EnergyCycle.Run"/>). No allocation.</summary>
        public void OnEnergyReady(long nowMs)
        {
            CheckStarted();
            _cycle.Run(nowMs);
            long monitored;
            if (LimiterMonitoredValue.TryRead(_instantaneous, _limiter.MonitoredValue, out monitored))
                _limiter.Sample(monitored, nowMs, _time.UtcSeconds);
        }

        /// <summary>
        /// Time-driven work at <paramref name="nowMs"/>: S0 pulse edges, tamper inputs, verification
        /// timeout, profile intervals and billing closings, optical port (unless on its own clock), module UART, display.
        /// </summary>
        public void Tick(long nowMs)
        {
            CheckStarted();
            _time.SetNow(nowMs);
            _metering.UpdatePulses(nowMs);
            long utcSeconds = _time.ReadClock();
            _tamper.Sample(nowMs, utcSeconds);
            _inputs.Sample(nowMs, utcSeconds);
            _localDisconnects.Update(); // prepayment and alarm input ask the breaker through the disconnect control
            _disconnect.Tick(nowMs);
            _verificationSwitch.CheckTimeout(nowMs);
            _periods.Update(utcSeconds);
            if (!OpticalPortOnOwnClock) PollOpticalPort(nowMs);
            if (_module != null) _module.Poll(nowMs);
            _display.Refresh(nowMs);
        }

        /// <summary>Polls the optical port with the host's monotonic ms clock (see <see cref="OpticalPortOnOwnClock"/>).</summary>
        public void PollOpticalPort(long nowMs) => _optical.Poll(nowMs);

        /// <summary>The display push button.</summary>
        public void PressButton(long nowMs)
        {
            CheckStarted();
            _display.PressButton(nowMs);
        }

        /// <summary>The push button held long (the disconnect function, <see cref="DisconnectControl.LongPress"/>): a <see cref="DisconnectResult"/>.</summary>
        public int LongPressButton(long nowMs)
        {
            CheckStarted();
            _disconnect.Tick(nowMs);
            return _disconnect.LongPress();
        }

        /// <summary>
        /// Mains-fail signal: the energy since the last cycle is read and saved with the demand state
        /// (<see cref="EnergyCycle.RunBeforePowerDown"/>), a power-down event is logged and the display
        /// shows the battery list. Energy metered after this is what a power cut loses (Meter.Storage README).
        /// </summary>
        public void OnMainsFail(long nowMs)
        {
            CheckStarted();
            // The save must happen whatever time the caller gives: a signal stamped before the last
            // tick (a late or reordered call) reads the chip at the last tick's time instead.
            if (nowMs < _time.NowMs) nowMs = _time.NowMs;
            _cycle.RunBeforePowerDown(nowMs);
            _deviceState.SaveIfChanged(); // after the registers: the credit and the pulse count follow them
            _events.Log(EventKind.PowerDown, 0, 0, _time.UtcSeconds);
            _onBackupPower = true;
            _display.SetBackupPower(nowMs);
        }

        /// <summary>Sets the clock as the optical port does (W1 of 0-0:1.0.0; <see cref="ClockSetting"/>).</summary>
        public bool SetClock(long newUtcSeconds) => SetClock(newUtcSeconds, ClockSetSource.OpticalPort);

        /// <summary>Sets the clock on behalf of <paramref name="source"/> (factory, optical port, module).</summary>
        public bool SetClock(long newUtcSeconds, ClockSetSource source)
        {
            CheckStarted();
            return _clockSetting.Set(newUtcSeconds, source);
        }

        /// <summary>Verification (test-rig) mode on or off (<see cref="VerificationSwitch"/>).</summary>
        public ObisWriteResult SetVerificationMode(bool enabled)
        {
            CheckStarted();
            return _verificationSwitch.Set(enabled);
        }

        /// <summary>Reads calibration register <paramref name="kind"/> of <paramref name="phase"/> (<see cref="CalibrationAccess"/>).</summary>
        public bool TryReadCalibration(int kind, int phase, out int value) => _calibration.TryRead(kind, phase, out value);

        private MeterObjectOwners Owners(EnergyAccumulator energy, DemandMeter demand, ObisLocalTime localTime, InstantaneousValues instantaneous,
            SettingsRecordStore settingsRecord)
        {
            EnergyRegisterValues registers = new EnergyRegisterValues(energy, _settings);
            StandardObjectOwners standard = new StandardObjectOwners
            {
                Settings = _settingsWriter, SettingsTarget = _settingsWriter, Clock = _clockSetting, ClockTarget = _clockSetting,
                Status = _status, Tariff = _tariffs, TariffTarget = _tariffs, Period = _periodSetting, PeriodTarget = _periodSetting,
                Billing = new BillingHistory(_storage, _billing, localTime), Energy = registers, EnergyTarget = registers,
                Demand = new DemandValues(demand, localTime), Instantaneous = instantaneous,
            };
            return new MeterObjectOwners
            {
                Standard = standard, Instantaneous = instantaneous, Calibration = _calibration, Settings = _settingsWriter,
                ListReader = new ListSettingsReader(_settings),
                Lists = new ListSettingsWriter(_settings, settingsRecord, _table, _display, _optical, _tariffs, _events),
                Verification = _verificationSwitch, Tamper = _tamper, Events = _events, VoltageQuality = _voltageQuality,
                Inputs = _inputs,
                Breaker = new BreakerObjectOwner(_disconnect, _limiter),
                PowerQuality = _status.PowerQuality,
            };
        }

        private void CheckStarted()
        {
            if (!_started) throw new System.InvalidOperationException("the meter is not started: call Start first");
        }
    }
}
