using System.CommandLine;
using System.Globalization;

namespace Meter.Tool.Cli;

/// <summary>
/// `set-clock`: writes the meter clock 0-0:1.0.0 as "YY-MM-DD hh:mm:ss", the meter's local
/// wall-clock time: a given --time as it is, or now (UTC) converted by the meter's time zone.
/// </summary>
public static class SetClockCommand
{
    /// <summary>Value text of the clock (Meter.Obis ObisDateTime format).</summary>
    public static string Format(DateTime time)
    {
        if (time.Year is < 2000 or > 2099) throw new ArgumentException($"the meter clock holds 2000..2099, not {time.Year}");
        return time.ToString("yy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The value to send and the line that says what it is: the meter's local time for
    /// <paramref name="utcNow"/> in <paramref name="zone"/>, or <paramref name="given"/> (meter local time) as typed.
    /// </summary>
    public static (string Value, string Report) ClockToSet(DateTime utcNow, MeterTimeZone zone, DateTime? given)
    {
        string utcText = utcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";
        if (given is DateTime g)
            return (Format(g), $"clock set to {Format(g)}: the --time given, taken as the meter's local time (UTC now {utcText}; the meter's local time now would be {Format(zone.LocalOf(utcNow))}, {zone.OffsetText(utcNow)})");
        DateTime local = zone.LocalOf(utcNow);
        return (Format(local), $"clock set to {Format(local)}: the meter's local time, {zone.OffsetText(utcNow)}, for UTC {utcText} (this computer's own time zone is not used)");
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var time = new Option<string?>("--time") { Description = "The meter's local time to set, \"yyyy-MM-dd HH:mm:ss\" (default: now, UTC converted to the meter's local time)" };
        var offset = new Option<int>("--utc-offset") { Description = "The meter's standard-time offset from UTC in hours, its GMT code (default +1: CET)", DefaultValueFactory = _ => 1 };
        var summer = new Option<string>("--summer-time") { Description = "The meter's summer time: eu (default) or none", DefaultValueFactory = _ => "eu" };
        var command = new Command("set-clock", "Set the meter clock (needs --password)") { time, offset, summer };
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
            int hours = parse.GetValue(offset);
            if (hours is < -11 or > 12) throw new ArgumentException($"--utc-offset {hours}: the meter's GMT codes cover -11..+12 hours");
            string season = parse.GetValue(summer)!;
            if (season is not ("eu" or "none")) throw new ArgumentException($"--summer-time \"{season}\": give eu or none");
            var zone = new MeterTimeZone(hours, season == "eu");
            _ = ClockToSet(DateTime.UtcNow, zone, given); // a year outside 2000..2099 before connecting
            if (g.Dlms.IsDlms(parse)) return DlmsCommands.SetClock(parse, g, zone, given);
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                // Take "now" after the sign-on so the set time is as fresh as possible.
                var (value, report) = ClockToSet(DateTime.UtcNow, zone, given);
                session.Write(MeterAddresses.Clock, value);
                Console.WriteLine(report);
            }
            return CommandRunner.Ok;
        });
        return command;
    }
}
