using System.CommandLine;
using System.Globalization;

namespace Meter.Tool.Cli;

/// <summary>`set-clock`: writes the meter clock 0-0:1.0.0 as "YY-MM-DD hh:mm:ss" (now, or a given time).</summary>
public static class SetClockCommand
{
    /// <summary>Value text of the clock (Meter.Obis ObisDateTime format).</summary>
    public static string Format(DateTime time)
    {
        if (time.Year is < 2000 or > 2099) throw new ArgumentException($"the meter clock holds 2000..2099, not {time.Year}");
        return time.ToString("yy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var time = new Option<string?>("--time") { Description = "Local time to set, \"yyyy-MM-dd HH:mm:ss\" (default: this computer's local time now)" };
        var command = new Command("set-clock", "Set the meter clock (needs --password)") { time };
        CommandRunner.SetAction(command, parse =>
        {
            string? text = parse.GetValue(time);
            DateTime? given = null;
            if (text != null)
            {
                if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                    throw new ArgumentException($"--time \"{text}\" is not \"yyyy-MM-dd HH:mm:ss\"");
                given = t;
            }
            _ = Format(given ?? DateTime.Now);
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                // Take "now" after the sign-on so the set time is as fresh as possible.
                string value = Format(given ?? DateTime.Now);
                session.Write(MeterAddresses.Clock, value);
                Console.WriteLine($"clock set to {value}");
            }
            return CommandRunner.Ok;
        });
        return command;
    }
}
