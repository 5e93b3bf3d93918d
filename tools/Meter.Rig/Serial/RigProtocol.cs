using System.Globalization;

namespace Meter.Rig.Serial;

/// <summary>
/// The bench rig's line protocol (docs/bench-rig.md): ASCII lines ending in LF, one answer line a command.
/// Commands: <c>ID</c>, <c>SET U1 230.000</c> / <c>SET I1 5.0000</c> / <c>SET PHI1 60.000</c>, <c>RUN PULSES 100</c>,
/// <c>RUN TIME 60000</c>, <c>STOP</c>. Answers: <c>OK [text]</c>, <c>ERR &lt;reason&gt;</c>,
/// <c>RESULT REF_WH=… METER_PULSES=… TIME_MS=…</c>.
/// </summary>
public static class RigProtocol
{
    /// <summary>The longest line either side may send, characters (without the LF).</summary>
    public const int MaximumLineLength = 120;

    /// <summary><c>SET U1 230.000</c>: volts with 3 decimals, amps with 4, degrees with 3.</summary>
    public static string[] SetCommands(int phase, PhaseSetting s) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"SET U{phase} {s.Volts:0.000}"),
        string.Create(CultureInfo.InvariantCulture, $"SET I{phase} {s.Amps:0.0000}"),
        string.Create(CultureInfo.InvariantCulture, $"SET PHI{phase} {s.AngleDegrees:0.000}"),
    ];

    /// <summary><c>RUN PULSES n</c>.</summary>
    public static string RunPulses(int pulses) => "RUN PULSES " + pulses.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>RUN TIME ms</c>.</summary>
    public static string RunTime(long milliseconds) => "RUN TIME " + milliseconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks an answer to a command that expects <c>OK</c>; returns the text after it.</summary>
    /// <exception cref="RigException">ERR from the rig, or an answer that is not OK.</exception>
    public static string ExpectOk(string command, string answer)
    {
        ThrowOnError(command, answer);
        if (answer == "OK") return "";
        if (answer.StartsWith("OK ", StringComparison.Ordinal)) return answer[3..];
        throw new RigException($"rig answered \"{answer}\" to \"{command}\": expected OK or ERR <reason>");
    }

    /// <summary>Parses <c>RESULT REF_WH=… METER_PULSES=… TIME_MS=…</c> (the three keys in any order, each once).</summary>
    /// <exception cref="RigException">ERR from the rig, or a malformed result (the message quotes it).</exception>
    public static RigResult ParseResult(string command, string answer)
    {
        ThrowOnError(command, answer);
        string[] parts = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || parts[0] != "RESULT")
            throw new RigException($"rig answered \"{answer}\" to \"{command}\": expected RESULT REF_WH=… METER_PULSES=… TIME_MS=…");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in parts.Skip(1))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || !values.TryAdd(part[..eq], part[(eq + 1)..]))
                throw new RigException($"rig answered \"{answer}\": \"{part}\" is not KEY=VALUE, or a key is repeated");
        }
        decimal wh = Number(values, "REF_WH", answer, allowFraction: true);
        long pulses = (long)Number(values, "METER_PULSES", answer, allowFraction: false);
        long ms = (long)Number(values, "TIME_MS", answer, allowFraction: false);
        return new RigResult(wh, pulses, ms);
    }

    private static decimal Number(Dictionary<string, string> values, string key, string answer, bool allowFraction)
    {
        if (!values.TryGetValue(key, out string? text))
            throw new RigException($"rig answered \"{answer}\": {key} is missing");
        var style = allowFraction ? NumberStyles.AllowDecimalPoint : NumberStyles.None;
        if (!decimal.TryParse(text, style, CultureInfo.InvariantCulture, out decimal value) || value > long.MaxValue)
            throw new RigException($"rig answered \"{answer}\": {key}={text} is not a {(allowFraction ? "non-negative decimal" : "non-negative integer")}");
        return value;
    }

    private static void ThrowOnError(string command, string answer)
    {
        if (answer == "ERR" || answer.StartsWith("ERR ", StringComparison.Ordinal))
            throw new RigException($"rig refused \"{command}\": {(answer.Length > 4 ? answer[4..] : "no reason given")}");
    }
}
