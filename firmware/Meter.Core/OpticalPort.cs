using Meter.Clock;
using Meter.Dlms;
using Meter.Hal;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The IEC 62056-21 optical port: its settings from the meter settings (identification, device
    /// address, passwords, rates, reaction time), the readout list, and the server over the board's
    /// link with the range requests P.01 / P.98 in front (none without a link). It reads and writes
    /// the register table every interface shares.
    /// </summary>
    public sealed class OpticalPort
    {
        private readonly OpticalPortSettings _port;
        private readonly MeterSettings _settings;
        private readonly ISerialLink _link;
        private readonly IProgrammingSwitch _seal;
        private readonly EventRouting _events;
        private readonly MeterStorage _storage;
        private readonly LocalTimeRule _rule;
        private readonly MeterTime _time;
        private readonly ReadoutList _readout = new ReadoutList(ListSettings.ReadoutCapacity);
        private OpticalServer _server;
        private RangeRequestLink _requestLink;
        private ProfileRequest _profileRequest;
        private ModuleInputs _inputs;
        private EventLogRequest _eventLogRequest;
        private OpticalModeE _modeE;

        /// <summary>
        /// The port over <paramref name="link"/> (null: none) with <paramref name="port"/> (shared with the P1
        /// password object) set from <paramref name="settings"/>; P.01 / P.98 answered from <paramref name="storage"/>.
        /// </summary>
        public OpticalPort(OpticalPortSettings port, MeterSettings settings, ISerialLink link, IProgrammingSwitch seal,
            EventRouting events, MeterStorage storage, LocalTimeRule rule, MeterTime time)
        {
            _port = port;
            _settings = settings;
            _link = link;
            _seal = seal;
            _events = events;
            _storage = storage;
            _rule = rule;
            _time = time;
        }

        /// <summary>The data sets a readout sends (filled at <see cref="Start"/>).</summary>
        public ReadoutList Readout { get { return _readout; } }
        /// <summary>The optical port server (null without an optical link).</summary>
        public OpticalServer Server { get { return _server; } }
        /// <summary>The range-request link (P.01, P.98) in front of the server (null without an optical link).</summary>
        public RangeRequestLink RangeRequests { get { return _requestLink; } }
        /// <summary>The load-profile request P.01 (null without an optical link).</summary>
        public ProfileRequest ProfileRequests { get { return _profileRequest; } }
        /// <summary>The logbook request P.98 (null without an optical link).</summary>
        public EventLogRequest EventLogRequests { get { return _eventLogRequest; } }
        /// <summary>Mode E on the port: the HDLC session after "ACK 2 Z 2" (null without an optical link or a COSEM server).</summary>
        public OpticalModeE ModeE { get { return _modeE; } }
        /// <summary>True while the server refuses passwords after too many wrong ones.</summary>
        public bool IsLocked { get { return _server != null && _server.IsLocked; } }

        /// <summary>The device address the port answers "/?address!" to (<see cref="DeviceAddressSetting.Effective"/>).</summary>
        public string DeviceAddress
        {
            get { return DeviceAddressSetting.Effective(_settings.DeviceAddress, _settings.MeterNumber); }
        }

        /// <summary>The module inputs whose pulse unit P.01 names for the pulse-input channel (before <see cref="Start"/>).</summary>
        public void UseInputs(ModuleInputs inputs)
        {
            _inputs = inputs;
        }

        /// <summary>
        /// Start-up, after the settings were restored: the port settings, the readout list and the server on
        /// <paramref name="table"/>; mode E offered with <paramref name="dlms"/> (null: modes C only) as its COSEM server.
        /// </summary>
        public void Start(ObisTable table, IApduHandler dlms)
        {
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
            // Mode E with a COSEM server, when the identification leaves room for its "\2": one stored longer before keeps
            // the meter in mode C rather than refusing to start.
            _port.OffersModeE = _link != null && dlms != null
                && _port.Identification.Length <= OpticalPortSettings.MaximumIdentificationLengthWithModeE;
            ApplyReadoutList();
            if (_link == null) return;
            _profileRequest = new ProfileRequest(_storage, _rule, _inputs);
            _eventLogRequest = new EventLogRequest(_storage, _rule, _time);
            // P.02 (analysis logger) and P.03 (weekly EN 50160 results) only with quality measurement (their storage exists only then).
            _requestLink = new RangeRequestLink(_link, _storage.Analysis == null ? new IRangeRequest[] { _profileRequest, _eventLogRequest }
                : new IRangeRequest[] { _profileRequest, _eventLogRequest, new AnalysisRequest(_storage.Analysis, _settings.AnalysisChannelCodes, _rule),
                    new QualityWeekRequest(new QualityWeekLog(_storage.QualityWeeks), _rule) });
            _requestLink.ReactionTimeMs = _port.ReactionTimeMs;
            _server = new OpticalServer(_requestLink, _port, table, _readout, _seal, _events);
            _requestLink.Session = _server;
            if (dlms == null) return;
            // HDLC goes straight to the line, not through the range-request filter in front of the IEC 62056-21 server.
            _modeE = new OpticalModeE(_link, new HdlcServerSettings(), dlms);
            _server.ModeE = _modeE;
        }

        /// <summary>Polls the port with the host's monotonic ms clock.</summary>
        public void Poll(long nowMs)
        {
            if (_requestLink != null) _requestLink.Poll(nowMs); // P.01 / P.98 answers, after the reaction time
            if (_server != null) _server.Poll(nowMs);
        }

        /// <summary>Refills the readout list from the settings (the next readout sends it; a readout runs only outside programming mode).</summary>
        public void ApplyReadoutList()
        {
            _readout.Clear();
            for (int i = 0; i < _settings.ReadoutCodes.Length; i++) _readout.Add(_settings.ReadoutCodes[i], _settings.ReadoutBillingPeriods[i]);
        }

        /// <summary>Puts <see cref="DeviceAddress"/> into the port settings (at start, after a write of it or of the meter number); the server compares with it at each sign-on.</summary>
        public void ApplyDeviceAddress()
        {
            _port.DeviceAddress = DeviceAddress;
        }

        /// <summary>
        /// Puts <paramref name="identification"/> into the identification message when the port
        /// settings accept it (IEC 62056-21 §6.3.2 rules, Meter.Optical OpticalPortSettings.Validate);
        /// false and unchanged otherwise.
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
            if (_server != null) _server.RefreshIdentification();
            return true;
        }
    }
}
