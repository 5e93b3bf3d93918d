using System.CommandLine;
using System.Globalization;

namespace Meter.Tool.Cli;

/// <summary>
/// `pulse-input configure`: the pulse input's constant (pulses per unit) and unit (the seeds' NN code), and
/// optionally the inputs' own DD code and the alarm mode, as W1 writes to 0-0:128.20.0..3 (firmware/Meter.Core
/// ModuleInputObjects). The meter checks each value; a refusal (ERnn) ends the command with the meter's answer.
/// </summary>
public static class PulseInputCommand
{
    /// <summary>0-0:128.20.0 pulses per unit.</summary>
    public const string Constant = "0-0:128.20.0";
    /// <summary>0-0:128.20.1 unit code NN.</summary>
    public const string Unit = "0-0:128.20.1";
    /// <summary>0-0:128.20.2 the inputs' own DD code.</summary>
    public const string InputCode = "0-0:128.20.2";
    /// <summary>0-0:128.20.3 alarm mode.</summary>
    public const string AlarmMode = "0-0:128.20.3";

    /// <summary>The NN code of a unit name: none 00, kWh 01, m3 02, L 03.</summary>
    public static string UnitCode(string text) => text.ToLowerInvariant() switch
    {
        "none" => "00",
        "kwh" => "01",
        "m3" or "m³" => "02",
        "l" => "03",
        _ => throw new ArgumentException($"--unit {text}: give none, kWh, m3 or L"),
    };

    /// <summary>The alarm mode of a name: off 0, on 1, disconnect 2.</summary>
    public static string AlarmValue(string text) => text.ToLowerInvariant() switch
    {
        "off" => "0",
        "on" => "1",
        "disconnect" => "2",
        _ => throw new ArgumentException($"--alarm {text}: give off, on or disconnect"),
    };

    /// <summary>The W1 writes the options ask for, checked as the meter checks them.</summary>
    public static IReadOnlyList<(string Address, string Value)> Writes(long? constant, string? unit, string? inputCode, string? alarm)
    {
        var writes = new List<(string, string)>();
        if (constant is long c)
        {
            if (c is < 1 or > 1000000) throw new ArgumentException($"--constant {c}: must be 1..1000000 pulses per unit");
            writes.Add((Constant, c.ToString(CultureInfo.InvariantCulture)));
        }
        if (unit != null) writes.Add((Unit, UnitCode(unit)));
        if (inputCode != null)
        {
            if (!int.TryParse(inputCode, NumberStyles.None, CultureInfo.InvariantCulture, out int dd) || !(dd is 0 or 3 or 4 or 5 or (>= 18 and <= 21)))
                throw new ArgumentException($"--input-code {inputCode}: give 00, 03, 04, 05 or 18..21 (07..14 are tariff control: configure --tariff-control inputs:DD)");
            writes.Add((InputCode, dd.ToString("00", CultureInfo.InvariantCulture)));
        }
        if (alarm != null) writes.Add((AlarmMode, AlarmValue(alarm)));
        if (writes.Count == 0) throw new ArgumentException("nothing to configure: give --constant, --unit, --input-code or --alarm");
        return writes;
    }

    /// <summary>Builds `pulse-input` with its `configure` subcommand.</summary>
    public static Command Create(GlobalOptions g)
    {
        var constant = new Option<long?>("--constant") { Description = "Pulses per unit, 1..1000000 (e.g. 100 for 10 L a pulse in m3)" };
        var unit = new Option<string?>("--unit") { Description = "Unit of the pulse register 0-1:24.2.1: none, kWh, m3 or L (the seeds' NN code)" };
        var inputCode = new Option<string?>("--input-code") { Description = "The inputs' own DD code when the tariff inputs are not in control: 00, 03, 04, 05, 18..21" };
        var alarm = new Option<string?>("--alarm") { Description = "Alarm input: off, on (event, status bit, LCD) or disconnect (also asks for a disconnection while active)" };
        var configure = new Command("configure", "Write the pulse input's constant and unit (and the inputs' code, the alarm mode); needs --password")
            { constant, unit, inputCode, alarm };
        CommandRunner.SetAction(configure, parse =>
        {
            var writes = Writes(parse.GetValue(constant), parse.GetValue(unit), parse.GetValue(inputCode), parse.GetValue(alarm));
            return ConfigureCommand.WriteAll(g, parse, writes);
        });
        return new Command("pulse-input", "The module's pulse input (and alarm input)") { configure };
    }
}
