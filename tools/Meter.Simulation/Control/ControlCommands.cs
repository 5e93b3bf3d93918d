using System.Globalization;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Simulation.Control;

/// <summary>
/// The control channel's line protocol (ASCII, one command a line, words separated by spaces; every
/// command gets exactly one line back: <c>ok</c>, <c>ok VALUE</c> or <c>error REASON</c>):
/// <list type="table">
/// <item><term><c>load AMPS [ANGLE [VOLTS]]</c></term><description>the same load on every phase from now on (replaces the scenario): current in A, angle of the current behind the voltage in degrees (default 0 = PF 1; 180 = export), voltage in V (default 230)</description></item>
/// <item><term><c>advance SPAN</c></term><description>runs SPAN of virtual time now (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>; whole metering cycles); answers the clock chip's UTC time after it</description></item>
/// <item><term><c>time</c></term><description>the clock chip's UTC time, <c>yyyy-MM-ddTHH:mm:ssZ</c></description></item>
/// <item><term><c>button short</c> | <c>button long</c></term><description>the push button pressed, or held long (answers the disconnect result code)</description></item>
/// <item><term><c>cover open</c> | <c>cover closed</c></term><description>the terminal cover off or back on</description></item>
/// <item><term><c>magnet on</c> | <c>magnet off</c></term><description>a magnet at the meter or taken away</description></item>
/// <item><term><c>power cut</c> | <c>power restore</c></term><description>the supply fails (the meter saves on its mains-fail signal; the clock runs on its battery while time advances) or comes back (the firmware starts again from its NV memory)</description></item>
/// <item><term><c>s0</c></term><description>the pulses seen on the S0 output since the start (rising edges)</description></item>
/// </list>
/// </summary>
public static class ControlCommands
{
    /// <summary>Runs <paramref name="line"/> on <paramref name="host"/> (the caller holds the host's loop); returns the answer line.</summary>
    public static string Execute(VirtualMeterHost host, string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "error empty line; commands: " + Commands;
        try
        {
            return words[0] switch
            {
                "load" => Load(host, words),
                "advance" when words.Length == 2 => "ok " + Utc(host.Advance(ParseSpan(words[1]))),
                "time" when words.Length == 1 => "ok " + Utc(host.Inspect(h => h.Board.Rtc.ChipTime)),
                "button" when words.Length == 2 && words[1] == "short" => Ok(host.PressButton),
                "button" when words.Length == 2 && words[1] == "long" => "ok " + host.LongPressButton().ToString(CultureInfo.InvariantCulture),
                "cover" when words.Length == 2 && words[1] is "open" or "closed" => Ok(() => host.SetTerminalCoverOpen(words[1] == "open")),
                "magnet" when words.Length == 2 && words[1] is "on" or "off" => Ok(() => host.SetMagneticField(words[1] == "on")),
                "power" when words.Length == 2 && words[1] == "cut" => Ok(host.CutSupply),
                "power" when words.Length == 2 && words[1] == "restore" => Ok(host.RestoreSupply),
                "s0" when words.Length == 1 => "ok " + host.S0Pulses.ToString(CultureInfo.InvariantCulture),
                _ => $"error unknown command '{line}'; commands: {Commands}",
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "error " + e.Message;
        }
    }

    /// <summary>The commands, for an error message.</summary>
    public const string Commands = "load AMPS [ANGLE [VOLTS]], advance SPAN, time, button short|long, cover open|closed, magnet on|off, power cut|restore, s0";

    private static string Ok(Action action)
    {
        action();
        return "ok";
    }

    private static string Load(VirtualMeterHost host, string[] words)
    {
        if (words.Length is < 2 or > 4) throw new ArgumentException("load AMPS [ANGLE [VOLTS]], e.g. load 10 0 230");
        double amps = Number(words[1], "AMPS", 0, 1000);
        double angle = words.Length > 2 ? Number(words[2], "ANGLE", -360, 360) : 0;
        double volts = words.Length > 3 ? Number(words[3], "VOLTS", 0, 500) : LoadScenario.NominalVoltage;
        host.SetLoad(new PhaseLoad(volts, amps, angle));
        return "ok";
    }

    private static double Number(string text, string name, double min, double max)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= min && v <= max) return v;
        throw new ArgumentException($"{name} '{text}': give a number {min.ToString(CultureInfo.InvariantCulture)} … {max.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>"90s", "15m", "2h", "7d" (a positive whole number and a unit).</summary>
    public static TimeSpan ParseSpan(string text)
    {
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 && n <= 366L * 86400)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm' when n <= 366L * 1440: return TimeSpan.FromMinutes(n);
                case 'h' when n <= 366L * 24: return TimeSpan.FromHours(n);
                case 'd' when n <= 366: return TimeSpan.FromDays(n);
            }
        }
        throw new ArgumentException($"SPAN '{text}': give a whole number of s, m, h or d up to a year, e.g. 90s, 15m, 2h, 7d");
    }

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
