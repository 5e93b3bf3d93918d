using System.CommandLine;
using System.Globalization;
using Meter.Tool.Output;
using Meter.Tool.Profile;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>`events`: the meter's event log (logbook, R1 "P.98(from;to)") as a table, CSV or JSON.</summary>
public static class EventsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var from = new Option<string?>("--from") { Description = "First event time, \"yyyy-MM-dd HH:mm[:ss]\" meter local time (default: the oldest)" };
        var to = new Option<string?>("--to") { Description = "Last event time, \"yyyy-MM-dd HH:mm[:ss]\" (a minute includes its seconds; default: the newest)" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (time,summer,kind,event,detail,description,old,new)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the console" };
        var address = new Option<string>("--logbook-address") { Description = "Address of the logbook request (R1 address(from;to))", DefaultValueFactory = _ => MeterAddresses.Logbook };
        var dlmsObject = new Option<string>("--object") { Description = "DLMS: logical name of the event log (profile generic, class 7)", DefaultValueFactory = _ => DlmsCommands.EventLog };
        var command = new Command("events", "Read the meter's event log (logbook: power, clock, parameter, password, tamper, fault events; needs --password); with --protocol dlms the event log's buffer")
            { from, to, csv, json, output, address, dlmsObject };
        CommandRunner.SetAction(command, parse =>
        {
            if (parse.GetValue(csv) && parse.GetValue(json)) throw new ArgumentException("choose --csv or --json, not both");
            var (f, fSeconds) = ParseTime(parse.GetValue(from), "--from");
            var (t, tSeconds) = ParseTime(parse.GetValue(to), "--to");
            if (f > t) throw new ArgumentException("--from is after --to");
            if (g.Dlms.IsDlms(parse))
            {
                if (parse.GetValue(json)) throw new ArgumentException("--json is for the optical logbook; with --protocol dlms use the table or --csv");
                return DlmsCommands.Events(parse, g, parse.GetValue(dlmsObject)!, f, tSeconds ? t : t?.AddSeconds(59), parse.GetValue(csv), parse.GetValue(output));
            }
            var (transport, client) = g.Connect(parse);
            using (transport)
            {
                Logbook logbook;
                using (var session = g.OpenSession(parse, client))
                {
                    var sets = CommandRunner.WithProgress(client, "event log",
                        () => session.Read(parse.GetValue(address)!, Logbook.RequestRange(f, fSeconds, t, tSeconds)));
                    try
                    {
                        logbook = Logbook.Parse(sets);
                    }
                    catch (FormatException e)
                    {
                        throw new FormatException($"event log ({parse.GetValue(address)}): {e.Message}", e);
                    }
                }
                string? file = parse.GetValue(output);
                if (parse.GetValue(csv) || parse.GetValue(json))
                {
                    string text = parse.GetValue(csv) ? Csv.Events(logbook) : Json.Events(logbook);
                    if (file != null) File.WriteAllText(file, text); else Console.Write(text);
                    return CommandRunner.Ok;
                }
                AnsiConsole.Write(Table(logbook));
                if ((logbook.Status & Logbook.Truncated) != 0) Console.WriteLine("the meter left out older events of the range (answer limit): narrow --from/--to");
                if ((logbook.Status & Logbook.UnreadableSkipped) != 0) Console.WriteLine("the meter skipped event records it could not read (torn by a power cut)");
                if (file != null) File.WriteAllText(file, Csv.Events(logbook));
                return CommandRunner.Ok;
            }
        });
        return command;
    }

    /// <summary>The events as a console table: time (S = summer time), event, detail in words, old, new.</summary>
    public static Table Table(Logbook logbook)
    {
        var table = new Table().AddColumns("Time", "Event", "Detail", "Old", "New");
        table.Title = new TableTitle($"{logbook.Entries.Count} events");
        foreach (var e in logbook.Entries)
            table.AddRow(Markup.Escape(e.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (e.SummerTime ? " S" : "")),
                Markup.Escape(EventDescriptions.KindName(e.Kind)), Markup.Escape(EventDescriptions.DetailText(e)),
                Markup.Escape(EventDescriptions.ValueText(e, true)), Markup.Escape(EventDescriptions.ValueText(e, false)));
        return table;
    }

    private static (DateTime? Time, bool HasSeconds) ParseTime(string? text, string option)
    {
        if (text == null) return (null, false);
        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withSeconds))
            return (withSeconds, true);
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            throw new ArgumentException($"{option} \"{text}\" is not \"yyyy-MM-dd HH:mm[:ss]\"");
        return (t, false);
    }
}
