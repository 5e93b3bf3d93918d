using System.CommandLine;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Cli;

/// <summary>
/// `disconnect`, `reconnect`, `release` (W1 of 0-0:96.3.10: 0 remote_disconnect, 1 remote_reconnect, 2 remote_reconnect
/// as a release for the push button, DLMS Blue Book 4.5.8) and `limiter` (show, or set the 0-0:17.0.x limiter values).
/// </summary>
public static class BreakerCommands
{
    private const string DisconnectControl = "0-0:96.3.10";
    private static readonly string[] StateNames = { "disconnected", "connected", "ready for reconnection (press the button long to reconnect)" };

    /// <summary>Builds one of the three commands writing <paramref name="command"/> to 0-0:96.3.10.</summary>
    public static Command CreateCommand(GlobalOptions g, string name, int command, string description)
    {
        var cmd = new Command(name, description + " (W1 of 0-0:96.3.10; needs --password; with --protocol dlms an ACTION on the class-70 object as the management client)");
        CommandRunner.SetAction(cmd, parse =>
        {
            if (g.Dlms.IsDlms(parse)) return DlmsBreakerCommand.Run(parse, g, name, command);
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                try
                {
                    session.Write(DisconnectControl, command.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (MeterProtocolException e) when (e.Kind == ProtocolErrorKind.MeterError)
                {
                    throw new MeterProtocolException(e.Kind, e.State,
                        $"the meter refused `{name}`: no breaker fitted, or its control mode (0-0:96.3.11) has no such transition from the present state"
                        + (name == "release" ? " (modes 2 and 4 reconnect directly: use `reconnect`)" : "") + $" — {e.Message}", e.MeterErrorCode);
                }
                foreach (var set in session.Read(DisconnectControl, "")) Console.WriteLine($"{set} {Describe(set.ToString())}");
            }
            return CommandRunner.Ok;
        });
        return cmd;
    }

    /// <summary>Builds `limiter`: shows the limiter values, or writes the ones given.</summary>
    public static Command CreateLimiter(GlobalOptions g)
    {
        var threshold = new Option<long?>("--threshold") { Description = "threshold_normal, W (power) or mA (current) (0-0:17.0.0)" };
        var emergency = new Option<long?>("--emergency-threshold") { Description = "threshold_emergency (0-0:17.0.1)" };
        var over = new Option<long?>("--over") { Description = "min_over_threshold_duration, s (0-0:17.0.2)" };
        var under = new Option<long?>("--under") { Description = "min_under_threshold_duration, s (0-0:17.0.3)" };
        var monitor = new Option<string?>("--monitor") { Description = "off, power (1-0:1.7.0 total) or current (highest phase current)" };
        var warnOnly = new Option<bool?>("--warn-only") { Description = "true: over threshold only warns; false: disconnects" };
        var cmd = new Command("limiter", "Show the limiter (smart disconnect, 0-0:17.0.x), or set the values given (needs --password)")
            { threshold, emergency, over, under, monitor, warnOnly };
        CommandRunner.SetAction(cmd, parse =>
        {
            var writes = new List<(string Code, string Value)>();
            void Add(string code, long? v)
            {
                if (v == null) return;
                if (v < 0) throw new ArgumentException($"{code}: {v} is negative");
                writes.Add((code, v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            Add("0-0:17.0.0", parse.GetValue(threshold));
            Add("0-0:17.0.1", parse.GetValue(emergency));
            Add("0-0:17.0.2", parse.GetValue(over));
            Add("0-0:17.0.3", parse.GetValue(under));
            string? m = parse.GetValue(monitor);
            bool? w = parse.GetValue(warnOnly);
            if (m != null || w != null)
            {
                int kind = m switch
                {
                    null => -1, "off" => 0, "power" => 1, "current" => 2,
                    _ => throw new ArgumentException($"--monitor {m}: expected off, power or current"),
                };
                if (kind < 0 || w == null)
                    throw new ArgumentException("--monitor and --warn-only are written together (0-0:17.0.4 = monitored + 10 × warn-only)");
                writes.Add(("0-0:17.0.4", (kind + (w.Value ? 10 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                foreach (var (code, value) in writes)
                {
                    try { session.Write(code, value); }
                    catch (MeterProtocolException e) when (e.Kind == ProtocolErrorKind.MeterError)
                    {
                        throw new MeterProtocolException(e.Kind, e.State, $"the meter refused limiter value {code} = {value}: {e.Message}", e.MeterErrorCode);
                    }
                }
                foreach (string code in new[] { "0-0:17.0.0", "0-0:17.0.1", "0-0:17.0.2", "0-0:17.0.3", "0-0:17.0.4" })
                    foreach (var set in session.Read(code, "")) Console.WriteLine(set.ToString());
            }
            return CommandRunner.Ok;
        });
        return cmd;
    }

    private static string Describe(string set)
    {
        int open = set.IndexOf('(');
        if (open < 0 || open + 1 >= set.Length) return "";
        return StateName(set[open + 1] - '0');
    }

    /// <summary>The words for control_state <paramref name="state"/> (Blue Book 4.5.8), or "" for another value.</summary>
    public static string StateName(long state) => state >= 0 && state < StateNames.Length ? StateNames[state] : "";
}
