namespace Meter.Simulation;

/// <summary>What the virtual meter runs with (the command line, or a test building it directly).</summary>
public sealed class VirtualMeterOptions
{
    /// <summary>Meter preset: ct-5-6a, direct-5-105a (default), single-phase-5-100a.</summary>
    public string Preset { get; set; } = "direct-5-105a";

    /// <summary>Named load scenario (see <see cref="LoadScenario.Names"/>); ignored when <see cref="ScenarioFile"/> is set.</summary>
    public string Load { get; set; } = "balanced";

    /// <summary>CSV of 15-minute means per phase (the format of tools/VirtualMeter/scenarios/*.csv).</summary>
    public string? ScenarioFile { get; set; }

    /// <summary>Time speed: 1 = real time, N = ×N, 0 = as fast as possible.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>"tcp:HOST:PORT" (PORT 0 = any free port), "pty", or "none".</summary>
    public string Optical { get; set; } = "tcp:127.0.0.1:6100";

    /// <summary>
    /// How long a silent TCP client holds the optical port before it is dropped and the next waiting
    /// one is served; null = <see cref="TcpOpticalPort.StandardIdleTimeout"/> (120 s, IEC 62056-21's
    /// inactivity time-out). Shorter for tests.
    /// </summary>
    public TimeSpan? OpticalIdleTimeout { get; set; }

    /// <summary>DLMS/COSEM with the IEC 62056-47 wrapper: "tcp", "tcp:HOST", "tcp:HOST:PORT" (default 127.0.0.1:4059; 0 = any free port); null or "none" = off.</summary>
    public string? Dlms { get; set; }

    /// <summary>DLMS/COSEM with HDLC frames on TCP: the same forms (default port 4060); null or "none" = off.</summary>
    public string? DlmsHdlc { get; set; }

    /// <summary>How long a silent DLMS TCP client holds the port; null = 120 s (<see cref="Meter.Simulation.Dlms.DlmsPorts.StandardIdleTimeout"/>).</summary>
    public TimeSpan? DlmsIdleTimeout { get; set; }

    /// <summary>The control channel's TCP port on 127.0.0.1 (Control/ControlCommands: load, time, button, supply, S0); 0 = any free port; null = off.</summary>
    public int? ControlPort { get; set; }

    /// <summary>Virtual time moves only when the control channel (or <see cref="VirtualMeterHost.Advance"/>) advances it: for tests that need exact times.</summary>
    public bool HoldTime { get; set; }

    /// <summary>NV memory file (a restart with the same file resumes the registers); null = memory only.</summary>
    public string? StateFile { get; set; }

    /// <summary>Format the state file (erasing it; a copy is kept in FILE.bak) instead of refusing one the meter cannot recover.</summary>
    public bool StateFormat { get; set; }

    /// <summary>Simulated time to run before stopping; null = until stopped.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Virtual UTC start time when no state file holds one; null = now (or the scenario file's first interval).</summary>
    public DateTime? Start { get; set; }

    /// <summary>Seal (programming switch) open: legal data such as calibration may be written.</summary>
    public bool SealOpen { get; set; }

    /// <summary>Terminal cover removed from the start (the board's terminal-cover switch open).</summary>
    public bool TerminalCoverOpen { get; set; }

    /// <summary>A magnet at the meter from the start (the board's magnetic-field sensor sees a field).</summary>
    public bool MagneticField { get; set; }

    /// <summary>Prepayment starting credit in Wh: starts prepayment at the start unless it is already on (a --state file keeps its credit); null = not started.</summary>
    public long? StartingCreditWh { get; set; }
    /// <summary>The module inputs' own DD code (Meter.Core ModuleInputCode: 00, 03, 04, 05, 18–21), written at start; null = as stored.</summary>
    public int? InputCode { get; set; }

    /// <summary>The pulse-input register as the load profile's 5th channel (Meter.Core MeterSettings.PulseInputProfileChannel).</summary>
    public bool PulseInputProfileChannel { get; set; }

    /// <summary>Pulses a second fed to the pulse input (I/O 1) from the start; null = none.</summary>
    public double? PulseInputHertz { get; set; }

    /// <summary>Alarm input (I/O 2) energised from the start.</summary>
    public bool AlarmInputEnergised { get; set; }

    /// <summary>Tariff control by the module's tariff inputs with this DD code (01, 02, 07–14, Meter.Clock TariffInputDecoder); null = the timetable.</summary>
    public int? TariffInputCode { get; set; }

    /// <summary>Tariff input I/O 1 energised at the start.</summary>
    public bool TariffInput1Energised { get; set; }

    /// <summary>Tariff input I/O 2 energised at the start.</summary>
    public bool TariffInput2Energised { get; set; }

    /// <summary>Gain error of the simulated chip's current channels, e.g. 0.02 = reads 2 % high until calibrated.</summary>
    public double CurrentGainError { get; set; }

    /// <summary>Phase error of the simulated chip's current channels in degrees (positive = lags), until xPHCAL compensates it.</summary>
    public double CurrentPhaseErrorDegrees { get; set; }

    /// <summary>Meter number.</summary>
    public string MeterNumber { get; set; } = "12345678";

    /// <summary>Password of level 1.</summary>
    public string Password { get; set; } = "00000000";

    /// <summary>Display decimals code (1 = 7.0 … 4 = 6.3); 6.3 so a freshly started virtual meter shows Wh moving, not a stuck "0 kWh".</summary>
    public int DisplayDecimalsCode { get; set; } = 4;

    /// <summary>Power-quality measurement (THD, u2, EN 50160 week) on; implied by the quality loads (<see cref="LoadScenario.QualityNames"/>) and <see cref="ThdPercent"/>.</summary>
    public bool QualityMeasurement { get; set; }

    /// <summary>Voltage THD of <c>--load harmonics</c>, % (null: the scenario's own harmonics).</summary>
    public double? ThdPercent { get; set; }
}
