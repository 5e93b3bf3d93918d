using System.IO.Ports;
using Meter.Rig.Serial;

namespace Meter.Rig;

/// <summary>
/// A bench on a serial line speaking docs/bench-rig.md (e.g. the ESP32 of tools/RigFirmware: a photodiode on the
/// meter's LED and a reference meter's pulse output). Each call is one command and one answer line; time-outs: SET and
/// ID <see cref="CommandTimeout"/>, RUN the expected run time from the set power and the meter constant, × 1.5 plus
/// <see cref="RunMargin"/>. After a RUN time-out the rig is sent STOP and everything up to STOP's OK is dropped.
/// </summary>
public sealed class SerialRig : IReferenceRig
{
    /// <summary>Serial settings of the protocol: 115200 Bd, 8N1.</summary>
    public const int BaudRate = 115200;

    private readonly LineChannel _link;
    private readonly PhaseSetting[] _settings;
    private readonly int _impulsesPerKilowattHour;

    /// <summary>
    /// The rig on <paramref name="stream"/> (owned), for a meter with <paramref name="phases"/> phases and LED constant
    /// <paramref name="impulsesPerKilowattHour"/>; asks its ID. <paramref name="commandTimeout"/>: of ID, SET and STOP
    /// (default 10 s: a rig whose source is set by hand answers SET once it is set).
    /// </summary>
    public SerialRig(Stream stream, int phases, int impulsesPerKilowattHour, string portName = "stream", TimeSpan? commandTimeout = null)
    {
        CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10);
        _link = new LineChannel(stream);
        _settings = Enumerable.Range(0, phases).Select(_ => PhaseSetting.VoltageOnly(0m)).ToArray();
        _impulsesPerKilowattHour = impulsesPerKilowattHour;
        try
        {
            Description = $"serial rig on {portName}: " + Command("ID");
        }
        catch
        {
            _link.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="port"/> at 115200 8N1.</summary>
    /// <exception cref="IOException">The port cannot be opened (the message names it).</exception>
    public static SerialRig Open(string port, int phases, int impulsesPerKilowattHour)
    {
        var serial = new SerialPort(port, BaudRate, Parity.None, 8, StopBits.One) { NewLine = "\n" };
        try
        {
            serial.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException)
        {
            serial.Dispose();
            throw new IOException($"rig port {port}: {e.Message}", e);
        }
        return new SerialRig(serial.BaseStream, phases, impulsesPerKilowattHour, port);
    }

    /// <summary>Time-out of ID, SET and STOP.</summary>
    public TimeSpan CommandTimeout { get; }

    /// <summary>What a RUN may take beyond 1.5 × its expected time (settling, waiting for the first pulse).</summary>
    public TimeSpan RunMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public void SetPhase(int phase, PhaseSetting setting)
    {
        if (phase < 1 || phase > _settings.Length) throw new ArgumentException($"phase {phase}: the meter has phases 1 … {_settings.Length}");
        setting.Validated();
        foreach (string command in RigProtocol.SetCommands(phase, setting)) Command(command);
        _settings[phase - 1] = setting;
    }

    /// <inheritdoc />
    public RigResult RunPulses(int pulses)
    {
        if (pulses < 1) throw new ArgumentException($"pulse count {pulses}: give at least 1");
        double perSecond = Math.Abs(_settings.Sum(s => s.ActivePowerWatts)) / 3.6e6 * _impulsesPerKilowattHour;
        if (perSecond <= 0) throw new ArgumentException("no active power set: the meter's LED cannot pulse");
        return Run(RigProtocol.RunPulses(pulses), TimeSpan.FromSeconds(pulses / perSecond * 1.5) + RunMargin);
    }

    /// <inheritdoc />
    public RigResult RunFor(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) throw new ArgumentException($"duration {duration}: give a positive time");
        return Run(RigProtocol.RunTime((long)duration.TotalMilliseconds), duration * 1.5 + RunMargin);
    }

    /// <inheritdoc />
    public void Dispose() => _link.Dispose();

    private RigResult Run(string command, TimeSpan timeout)
    {
        _link.WriteLine(command);
        string answer;
        try
        {
            answer = _link.ReadLine(timeout, command);
        }
        catch (TimeoutException)
        {
            // Abort the rig's run; drop its late answers (the run's ERR stopped or RESULT) up to STOP's OK, so the next
            // command reads its own answer.
            _link.WriteLine("STOP");
            try
            {
                while (!_link.ReadLine(CommandTimeout, "STOP").StartsWith("OK", StringComparison.Ordinal)) { }
            }
            catch (TimeoutException)
            {
                _link.DiscardReceived(); // a rig that ignores STOP too: the run's time-out is the error to report
            }
            throw;
        }
        return RigProtocol.ParseResult(command, answer);
    }

    private string Command(string command)
    {
        _link.WriteLine(command);
        return RigProtocol.ExpectOk(command, _link.ReadLine(CommandTimeout, command));
    }
}
