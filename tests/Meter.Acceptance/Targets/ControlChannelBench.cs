using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Meter.Acceptance.Targets;

/// <summary>The virtual meter's bench, over its control channel (tools/Meter.Simulation Control/ControlCommands: one line a command, one line back).</summary>
public sealed class ControlChannelBench : IMeterBench, IDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    /// <summary>Connects to the control channel on 127.0.0.1:<paramref name="port"/>.</summary>
    public ControlChannelBench(int port)
    {
        _client = new TcpClient("127.0.0.1", port) { NoDelay = true, ReceiveTimeout = 120_000 };
        var stream = _client.GetStream();
        _reader = new StreamReader(stream, Encoding.ASCII);
        _writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>Sends <paramref name="command"/>; returns what follows "ok" (empty when nothing), or throws with the channel's error.</summary>
    public string Send(string command)
    {
        _writer.WriteLine(command);
        string answer = _reader.ReadLine() ?? throw new IOException($"control channel closed after '{command}'");
        if (answer == "ok") return "";
        if (answer.StartsWith("ok ", StringComparison.Ordinal)) return answer[3..];
        throw new InvalidOperationException($"control channel: '{command}' → {answer}");
    }

    /// <inheritdoc />
    public void SetLoad(double amps, double angleDegrees = 0, double volts = 230) =>
        Send(string.Create(CultureInfo.InvariantCulture, $"load {amps} {angleDegrees} {volts}"));

    /// <inheritdoc />
    public DateTime Advance(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerSecond != 0 || span <= TimeSpan.Zero) throw new ArgumentException($"advance {span}: whole seconds only");
        return ParseUtc(Send("advance " + (long)span.TotalSeconds + "s"));
    }

    /// <inheritdoc />
    public DateTime Time() => ParseUtc(Send("time"));

    /// <inheritdoc />
    public void PressButton() => Send("button short");

    /// <inheritdoc />
    public void HoldButton() => Send("button long");

    /// <inheritdoc />
    public void SetTerminalCoverOpen(bool open) => Send(open ? "cover open" : "cover closed");

    /// <inheritdoc />
    public void SetMagnet(bool present) => Send(present ? "magnet on" : "magnet off");

    /// <inheritdoc />
    public void CutPower() => Send("power cut");

    /// <inheritdoc />
    public void RestorePower() => Send("power restore");

    /// <inheritdoc />
    public long S0Pulses() => long.Parse(Send("s0"), CultureInfo.InvariantCulture);

    private static DateTime ParseUtc(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
