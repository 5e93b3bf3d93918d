// Longer than 400 lines: the virtual meter's run loop (virtual or real time, speed, state file, optical port
// sessions, load changes) in one place; the cycle itself is VirtualCycle, the ports (optical, DLMS in Dlms/) and state
// files have their own files.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Meter.Boards;
using Meter.Clock;
using Meter.Core;
using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;
using Meter.Obis;
using Meter.Optical;
using Meter.Simulation.Control;
using Meter.Simulation.Dlms;

namespace Meter.Simulation;

/// <summary>
/// The virtual meter: the firmware's <see cref="ElectricityMeter"/> on a
/// <see cref="SimulatedBoard"/> (hal/Meter.Hal.Simulation), driven in virtual time (1 s metering cycles, S0 edges at their
/// exact times, <see cref="VirtualCycle"/>) while the optical port is served in real time. Used by the command line
/// (tools/VirtualMeter), the tests (in process) and anyone who wants a meter to talk to.
/// Thread model: one loop thread (<see cref="RunInBackground"/>) or the caller
/// (<see cref="RunFor"/>) drives everything; other threads look at the meter through
/// <see cref="Inspect"/>, which holds the same lock.
/// </summary>
public sealed partial class VirtualMeterHost : IDisposable
{
    private const int CyclesPerSliceAtMaxSpeed = 600;

    private readonly object _gate = new();
    private readonly VirtualMeterOptions _options;
    private readonly LoadScenario _scenario;
    private readonly PhaseLoad[] _loads = new PhaseLoad[3];
    private bool _breakerOpen;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly int _cycleMs;
    private readonly long _durationMs;
    private int _measurementInterval; // set once after the first cycle, then 0
    private Thread? _thread;
    private volatile bool _stopRequested;
    private bool _stopped;
    private long _virtualMs;
    private readonly RtcStateFile? _rtcFile;
    private readonly BreakerStateFile? _breakerFile;
    private long _rtcAheadUntilMs = -1;
    private long _rtcOffsetTicks;
    private readonly IOpticalPort? _port;
    private readonly DlmsPorts? _dlms;
    private PulseInputFeed? _feed;
    private readonly MeterPreset _preset;
    private readonly ILcdPanel? _lcd;
    private readonly ControlChannel? _control;
    private PhaseLoad[]? _loadOverride; // the control channel's load, instead of the scenario's
    private bool _supplyOff;

    /// <summary>Builds the board and the meter and starts the meter (storage opened, chip up).</summary>
    /// <exception cref="ArgumentException">A bad option (the message names it).</exception>
    public VirtualMeterHost(VirtualMeterOptions options, ILcdPanel? lcd = null)
    {
        _options = options;
        if (options.Speed < 0 || double.IsNaN(options.Speed)) throw new ArgumentException("--speed must be positive (1 = real time) or max");
        PasswordOption.Check(options.Password);
        MeterPreset preset;
        _lcd = lcd;
        try { preset = MeterPresets.ByName(options.Preset); }
        catch (ArgumentException) { throw new ArgumentException($"unknown --preset '{options.Preset}'; known: {string.Join(", ", MeterPresets.Names)}"); }
        _preset = preset;
        double fullScaleCurrent = preset.FrontEnd.FullScaleCurrentMilliamps / 1000.0;
        _scenario = options.ScenarioFile != null
            ? FileScenario.Load(options.ScenarioFile, 0.95 * fullScaleCurrent)
            : LoadScenario.Named(options.Load, fullScaleCurrent, preset.Phases, options.ThdPercent);

        DateTime start = options.Start ?? _scenario.NaturalStart ?? DateTime.UtcNow;
        start = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (options.StateFile != null)
        {
            // The RTC is battery-backed: it continues from where the last run stopped (or was killed).
            _rtcFile = new RtcStateFile(options.StateFile);
            if (_rtcFile.Read() is DateTime kept) start = kept;
            _breakerFile = new BreakerStateFile(options.StateFile);
        }

        if (options.StateFile != null)
        {
            try
            {
                StateNote = StateFileGuard.Prepare(options.StateFile, SimulatedBoard.NvBytes, options.StateFormat, image => DryRun(image, preset, start, options));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"--state '{options.StateFile}': {e.Message}", e);
            }
        }
        IOpticalPort? port = _port = OpenPort(options.Optical, options.OpticalIdleTimeout);
        try
        {
            Board = OpenBoard(preset, start, port, options);
            // The bistable breaker stayed where it was while the meter was off; the meter reads it through the feedback.
            if (_breakerFile?.Read() is int contacts) Board.Breaker?.ForceContacts(contacts);
            _breakerOpen = Board.Breaker != null && Board.Breaker.Contacts == BreakerPosition.Open;
            MeterSettings settings = Settings(preset, options);
            Meter = new ElectricityMeter(settings, Board.Hardware(lcd)) { OpticalPortOnOwnClock = true };
            if (options.ControlPort is int controlPort) _control = new ControlChannel(controlPort, line => ControlCommands.Execute(this, line));
            // The TCP port connects the next client only when the meter's port is idle (called under the loop's lock).
            if (port is TcpOpticalPort tcp)
            {
                tcp.MeterIsIdle = () => Meter.Optical.State == OpticalServerState.Idle;
                tcp.ClientLeft = () => Meter.Optical.EndSession();
            }
            _cycleMs = settings.CycleMilliseconds;
            _scenario.LoadsAt(start.Ticks / TimeSpan.TicksPerSecond - 62135596800L, _loads);
            ApplyLoads();
            Board.SetTerminalCoverOpen(options.TerminalCoverOpen);
            Board.SetMagneticField(options.MagneticField);
            Board.SetTariffInputs(options.TariffInput1Energised, options.TariffInput2Energised);
            Meter.Start(0, start);
            // After Start: the option writes the tariff-control setting, as W1 of 0-0:128.4.0 would.
            if (options.TariffInputCode is int dd) UseTariffInputs(dd);
            // As W1 of 0-0:128.30.8 would; never over a credit a state file already counts down.
            if (options.StartingCreditWh is long credit && !Meter.Prepayment.IsActive) Meter.Prepayment.Start(credit);
            if (options.InputCode is int inputs) UseInputCode(inputs);
            if (options.AlarmInputEnergised) SetAlarmInput(true);
            if (options.PulseInputHertz is double hz) FeedPulses(hz);
            // The DLMS ports are served by the same loop as the optical port (ServePort), never from another thread.
            _dlms = new DlmsPorts(options.Dlms, options.DlmsHdlc, Meter.Dlms, DlmsPhysicalAddress.FromMeterNumber(options.MeterNumber), options.DlmsIdleTimeout);
        }
        catch
        {
            _control?.Dispose();
            _dlms?.Dispose();
            port?.Dispose();
            Board?.Dispose();
            throw;
        }
        // Quality measurement reads every cycle (the harmonic scan advances one phase a read; 10-s frequency values).
        _measurementInterval = QualityOn(options) ? 1 : MeasurementInterval(options.Speed);
        _durationMs = options.Duration is TimeSpan d ? (long)d.TotalMilliseconds : long.MaxValue;
    }

    /// <summary>What was done to the state file before the start (a repair, conversion or format, and where the copy is), or null.</summary>
    public string? StateNote { get; }

    /// <summary>The meter (use from another thread only inside <see cref="Inspect"/>).</summary>
    public ElectricityMeter Meter { get; private set; }

    /// <summary>The simulated board.</summary>
    public SimulatedBoard Board { get; }

    /// <summary>The load scenario's description.</summary>
    public string LoadDescription => _scenario.Description;

    /// <summary>Where the optical port listens ("tcp:127.0.0.1:6100", "/dev/pts/3"), or "off".</summary>
    public string OpticalEndpoint => _port?.Endpoint ?? "off";

    /// <summary>True when the meter has an optical port (not --optical none).</summary>
    public bool HasOpticalPort => _port != null;

    /// <summary>The TCP port of the optical port, or 0.</summary>
    public int TcpPort => _port is TcpOpticalPort tcp ? tcp.Port : 0;

    /// <summary>The control channel's TCP port on 127.0.0.1, or 0 when it is off.</summary>
    public int ControlPort => _control?.Port ?? 0;

    /// <summary>The DLMS/COSEM TCP ports (wrapper, HDLC); each is null when not asked for.</summary>
    public DlmsPorts DlmsPorts => _dlms!;

    /// <summary>Simulated time since start, ms.</summary>
    public long VirtualMilliseconds => Interlocked.Read(ref _virtualMs);

    /// <summary>True once the duration ran out or <see cref="Stop"/> was called.</summary>
    public bool IsFinished => _stopped;

    /// <summary>Runs <paramref name="look"/> on the meter while the loop is held.</summary>
    public T Inspect<T>(Func<VirtualMeterHost, T> look)
    {
        lock (_gate) return look(this);
    }

    /// <summary>Presses the display button.</summary>
    public void PressButton()
    {
        lock (_gate) Meter.PressButton(_virtualMs);
    }

    /// <summary>Holds the push button long (the disconnect function); a Meter.Core DisconnectResult.</summary>
    public int LongPressButton()
    {
        lock (_gate) return Meter.LongPressButton(_virtualMs);
    }

    /// <summary>Removes (true) or puts back (false) the terminal cover; the meter sees it at its next ticks.</summary>
    public void SetTerminalCoverOpen(bool open)
    {
        lock (_gate) Board.SetTerminalCoverOpen(open);
    }

    /// <summary>Brings a magnet to the meter (true) or takes it away (false).</summary>
    public void SetMagneticField(bool present)
    {
        lock (_gate) Board.SetMagneticField(present);
    }

    /// <summary>Sets the tariff input levels (true = energised); under input control the next metering cycle registers in the tariff they select.</summary>
    public void SetTariffInputs(bool io1Energised, bool io2Energised)
    {
        lock (_gate) Board.SetTariffInputs(io1Energised, io2Energised);
    }

    /// <summary>Toggles the terminal cover (key c).</summary>
    public void ToggleTerminalCover()
    {
        lock (_gate) Board.SetTerminalCoverOpen(!Board.TerminalCover!.Read());
    }

    /// <summary>Toggles the magnet (key m).</summary>
    public void ToggleMagneticField()
    {
        lock (_gate) Board.SetMagneticField(Board.MagneticSensor!.Read());
    }

    /// <summary>Toggles tariff input I/O <paramref name="input"/> (1 or 2; keys 1 and 2).</summary>
    public void ToggleTariffInput(int input)
    {
        lock (_gate)
        {
            bool io1 = !Board.TariffInput1!.Read(), io2 = !Board.TariffInput2!.Read();
            if (input == 1) io1 = !io1; else io2 = !io2;
            Board.SetTariffInputs(io1, io2);
        }
    }

    /// <summary>
    /// Tariff control by the module's tariff inputs with DD code <paramref name="ddCode"/> (the board's
    /// tariff input pins), through the meter's tariff-control setting (Meter.Core SettingsWriter.WriteTariffControl:
    /// stored, logged, kept over restarts with the same --state file); a setting already so is left alone.
    /// </summary>
    /// <exception cref="ArgumentException">A DD code without tariff inputs.</exception>
    public void UseTariffInputs(int ddCode)
    {
        if (!TariffInputDecoder.HasTariffInputs(ddCode))
            throw new ArgumentException($"--tariff-input-code '{ddCode:00}': DD code without tariff inputs; tariff inputs: 01, 02, 07..14");
        int code = TariffControlSetting.ForInputs(ddCode);
        lock (_gate)
        {
            if (Meter.Settings.TariffControlCode != code && Meter.SettingsWriter.WriteTariffControl(code) != ObisWriteResult.Accepted)
                throw new ArgumentException($"--tariff-input-code '{ddCode:00}': the meter refuses it (DD 01 and 02 are 4-tariff inputs; this meter has {Meter.Settings.TariffCount} tariffs)");
        }
    }

    /// <summary>The module inputs' own DD code (Meter.Core ModuleInputs.WriteInputCode: stored and logged, kept with --state).</summary>
    /// <exception cref="ArgumentException">A code the inputs' setting does not take.</exception>
    public void UseInputCode(int ddCode)
    {
        lock (_gate)
        {
            if (Meter.Inputs.WriteInputCode(ddCode) != ObisWriteResult.Accepted)
                throw new ArgumentException($"--input-code '{ddCode:00}': the inputs' own code must be 00, 03, 04, 05 or 18..21 (07..14 are tariff-input codes: --tariff-input-code)");
        }
    }

    /// <summary>Feeds <paramref name="hertz"/> pulses a second to the pulse input (I/O 1) from now on; 0 stops the feed.</summary>
    /// <exception cref="ArgumentException">A rate above the input's maximum (Meter.Core PulseInput).</exception>
    public void FeedPulses(double hertz)
    {
        lock (_gate)
        {
            _feed = hertz == 0 ? null : new PulseInputFeed(Board.TariffInput1!, PulseInputFeed.PeriodFor(hertz), _virtualMs + PulseInput.PollMilliseconds);
            if (_feed == null) Board.TariffInput1!.Set(true);
        }
    }

    /// <summary>The pulse feed running, or null.</summary>
    public PulseInputFeed? PulseFeed => _feed;

    /// <summary>The alarm input (I/O 2) energised or not.</summary>
    public void SetAlarmInput(bool energised)
    {
        lock (_gate) Board.TariffInput2!.Set(!energised);
    }

    /// <summary>Energises the alarm input (I/O 2) or takes it off.</summary>
    public void ToggleAlarmInput()
    {
        lock (_gate) Board.TariffInput2!.Set(!Board.TariffInput2.Read());
    }

    /// <summary>
    /// Cycles between reads of the instantaneous values: every cycle in real time or ×N, once a
    /// simulated minute at --speed max, where nobody sees a second and reading them every cycle
    /// would double the time of a simulated year. Energy, profile and billing are read from the
    /// energy registers every cycle either way, and a dip or swell the chip flags is still timed
    /// to the cycle (ElectricityMeter reads the rms every cycle while its watch runs). The first
    /// cycle reads them whatever the speed, so the display and summary have values at once.
    /// </summary>
    internal static int MeasurementInterval(double speed) => speed == 0 ? 60 : 1;

    /// <summary>Runs <paramref name="simulated"/> of virtual time now, as fast as possible, on the calling thread (optical port served in between).</summary>
    public void RunFor(TimeSpan simulated)
    {
        long target = _virtualMs + (long)simulated.TotalMilliseconds;
        while (_virtualMs < target)
        {
            lock (_gate)
            {
                ServePort();
                long sliceEnd = Math.Min(target, _virtualMs + CyclesPerSliceAtMaxSpeed * (long)_cycleMs);
                KeepRtcFileAhead(sliceEnd);
                while (_virtualMs + _cycleMs <= sliceEnd) Cycle();
                if (_virtualMs + _cycleMs > target) break;
            }
        }
    }

    /// <summary>Starts the loop thread: virtual time at the configured speed, port served every few ms, until the duration ends or <see cref="Stop"/>.</summary>
    public void RunInBackground()
    {
        if (_thread != null) throw new InvalidOperationException("already running");
        _thread = new Thread(Loop) { IsBackground = true, Name = "virtual meter" };
        _thread.Start();
    }

    /// <summary>Blocks until the loop thread ends (duration over or stopped).</summary>
    public void WaitForEnd() => _thread?.Join();

    /// <summary>Stops the loop, then powers the meter down: mains-fail save, RTC state kept with the state file.</summary>
    public void Stop()
    {
        _stopRequested = true;
        if (_thread != null && Thread.CurrentThread != _thread) _thread.Join();
        PowerDown();
    }

    /// <summary>
    /// A power cut without the mains-fail signal (for tests of the save policy): the loop stops
    /// and nothing more is written; the NV memory keeps what was last saved.
    /// </summary>
    public void CutPower()
    {
        _stopRequested = true;
        if (_thread != null && Thread.CurrentThread != _thread) _thread.Join();
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            _rtcFile?.Write(Board.Rtc.ChipTime);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        Board.Dispose();
        _control?.Dispose();
        _port?.Dispose();
        _dlms?.Dispose();
    }

    /// <summary>What stopped the loop thread unexpectedly (a bug or a meter fault), or null.</summary>
    public Exception? Failure { get; private set; }

    private void Loop()
    {
        try
        {
            LoopBody();
        }
        catch (Exception e)
        {
            Failure = e;
            _stopped = true;
        }
    }

    private void LoopBody()
    {
        long startWall = _wall.ElapsedMilliseconds;
        long startVirtual = _virtualMs;
        while (!_stopRequested && _virtualMs < _durationMs)
        {
            lock (_gate)
            {
                ServePort();
                long target;
                if (_options.HoldTime) target = _virtualMs;
                else if (_options.Speed == 0) target = _virtualMs + CyclesPerSliceAtMaxSpeed * (long)_cycleMs;
                else
                {
                    target = startVirtual + (long)((_wall.ElapsedMilliseconds - startWall) * _options.Speed);
                    // Falling behind (slow machine, ×N too high): do not try to catch up unboundedly.
                    long cap = _virtualMs + CyclesPerSliceAtMaxSpeed * (long)_cycleMs;
                    if (target > cap) { startVirtual -= target - cap; target = cap; }
                }
                target = Math.Min(target, _durationMs);
                KeepRtcFileAhead(target);
                while (_virtualMs + _cycleMs <= target) Cycle();
            }
            if (_options.Speed != 0 || _options.HoldTime) Thread.Sleep(2);
        }
        PowerDown();
    }

    private void ServePort()
    {
        _control?.Pump();
        _dlms?.Pump(_wall.ElapsedMilliseconds);
        if (_port == null) return;
        _port.Pump();
        if (!_supplyOff) Meter.PollOpticalPort(_wall.ElapsedMilliseconds);
    }

    /// <summary>One cycle of virtual time (<see cref="VirtualCycle"/>), then the load of the next moment.</summary>
    private void Cycle()
    {
        long end = _virtualMs + _cycleMs;
        if (_supplyOff)
        {
            // No supply: the firmware and the chip are down, the clock runs on its battery.
            Board.Rtc.Advance(TimeSpan.FromMilliseconds(_cycleMs));
            Interlocked.Exchange(ref _virtualMs, end);
            return;
        }
        VirtualCycle.Run(Meter, Board.Chip, Board.Rtc, _virtualMs, _cycleMs, _feed);
        Interlocked.Exchange(ref _virtualMs, end);
        if (_measurementInterval != 0)
        {
            // After the first cycle (which read the instantaneous values); a caller that set its own interval keeps it.
            if (Meter.MeasurementIntervalCycles == 1) Meter.MeasurementIntervalCycles = _measurementInterval;
            _measurementInterval = 0;
        }
        bool breakerOpen = Board.Breaker != null && Board.Breaker.Contacts == BreakerPosition.Open;
        bool loadsChanged = _loadOverride == null && _scenario.LoadsAt(Meter.UtcSeconds, _loads);
        if (loadsChanged || breakerOpen != _breakerOpen)
        {
            if (breakerOpen != _breakerOpen) _breakerFile?.Write(Board.Breaker!.Contacts);
            _breakerOpen = breakerOpen;
            ApplyLoads();
        }
    }

    private void ApplyLoads()
    {
        for (int p = 0; p < 3; p++)
        {
            bool used = Board.Preset.Phases == 3 || p == 0;
            PhaseLoad load = used ? _loads[p] : PhaseLoad.Off();
            // An open breaker leaves the supply voltage at the meter and no current through it.
            if (_breakerOpen) load = load with { CurrentRms = 0, Harmonics = Array.Empty<Harmonic>() };
            Board.Chip.Phases[p].Set(load);
        }
    }

    private void PowerDown()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            if (!_supplyOff) Meter.OnMainsFail(_virtualMs);
            _rtcFile?.Write(Board.Rtc.ChipTime);
        }
    }

    /// <summary>Quality measurement on: asked for, a quality load, a set THD or a scenario file with quality columns.</summary>
    public static bool QualityOn(VirtualMeterOptions options) =>
        options.QualityMeasurement || options.ThdPercent != null || (options.ScenarioFile == null && LoadScenario.QualityNames.Contains(options.Load))
        || (options.ScenarioFile != null && FileScenario.FileHasQualityColumns(options.ScenarioFile));

    private static MeterSettings Settings(MeterPreset preset, VirtualMeterOptions options)
    {
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.MeterNumber = options.MeterNumber;
        settings.Passwords = [options.Password];
        settings.DisplayDecimalsCode = options.DisplayDecimalsCode;
        settings.PulseInputProfileChannel = options.PulseInputProfileChannel;
        if (QualityOn(options))
        {
            settings.QualityMeasurement = true;
            PowerQualityObjects.AddToLists(settings); // THD and the week in the readout, with u2 in the manual display list
        }
        settings.Validate();
        return settings;
    }

    /// <summary>The meter started on a RAM copy of a state file's image: what it would recover, nothing written to the file.</summary>
    private static StateCheck DryRun(byte[] image, MeterPreset preset, DateTime start, VirtualMeterOptions options)
    {
        using var board = Parts(preset, start, options).Build();
        board.Nv.Write(0, image, 0, image.Length);
        var meter = new ElectricityMeter(Settings(preset, options), board.Hardware(null));
        try
        {
            meter.Start(0, start);
        }
        catch (InvalidOperationException e)
        {
            return new StateCheck(null, 0, e.Message);
        }
        return new StateCheck(meter.Recovery, meter.Storage.Events.Count, null);
    }

    /// <summary>
    /// Before the cycles up to <paramref name="targetMs"/> run: the clock file must already show a time at
    /// least that late, as a real RTC would after a power cut at any moment (a kill then looks like a short
    /// outage, never a clock behind the NV memory's last save). Written ahead by about 0.2 s of wall time at
    /// the speed seen so far, so it is rewritten a few times a second at any speed; again at once when the
    /// clock was set (its offset to the virtual time changed).
    /// </summary>
    private void KeepRtcFileAhead(long targetMs)
    {
        if (_rtcFile == null) return;
        long offset = Board.Rtc.ChipTime.Ticks - _virtualMs * TimeSpan.TicksPerMillisecond;
        if (targetMs <= _rtcAheadUntilMs && offset == _rtcOffsetTicks) return;
        long wallMs = Math.Max(1, _wall.ElapsedMilliseconds);
        long ahead = Math.Max(targetMs, _virtualMs + _virtualMs / wallMs * 200);
        _rtcFile.Write(new DateTime(offset + ahead * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));
        _rtcAheadUntilMs = ahead;
        _rtcOffsetTicks = offset;
    }

    /// <summary>The board; a state file that cannot be opened or is not an NV image of the right size is a bad --state argument.</summary>
    private static SimulatedBoard OpenBoard(MeterPreset preset, DateTime start, IOpticalPort? port, VirtualMeterOptions options)
    {
        try
        {
            return Parts(preset, start, options).WithNvFile(options.StateFile).WithOpticalLink(port).Build();
        }
        catch (Exception e) when (options.StateFile != null && e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ArgumentException($"--state '{options.StateFile}': {e.Message}", e);
        }
    }

    /// <summary>The reference board's parts for <paramref name="preset"/> with the options' seal and gain error (NV in RAM, no optical link).</summary>
    private static SimulatedBoardBuilder Parts(MeterPreset preset, DateTime start, VirtualMeterOptions options) =>
        SimulatedBoard.For(preset, start).WithSealOpen(options.SealOpen).WithCurrentGainError(options.CurrentGainError)
            .WithCurrentPhaseError(options.CurrentPhaseErrorDegrees);

    private static IOpticalPort? OpenPort(string spec, TimeSpan? idleTimeout)
    {
        if (spec == "none") return null;
        if (spec == "pty") return new PtyOpticalPort();
        if (spec.StartsWith("tcp:", StringComparison.Ordinal))
        {
            string rest = spec[4..];
            int colon = rest.LastIndexOf(':');
            if (colon > 0 && IPAddress.TryParse(rest[..colon], out var address)
                && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535)
                return new TcpOpticalPort(address, port, idleTimeout);
        }
        throw new ArgumentException($"--optical '{spec}': use tcp:ADDRESS:PORT (e.g. tcp:127.0.0.1:6100, port 0 = any free port), pty or none");
    }
}
