using System.CommandLine;
using Meter.Tool.Output;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>`readout`: the meter's data readout as a table, CSV or JSON.</summary>
public static class ReadoutCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var csv = new Option<bool>("--csv") { Description = "Print CSV (address,value,unit,more)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the console" };
        var command = new Command("readout", "Read the meter's data readout (IEC 62056-21 mode A/B/C)") { csv, json, output };
        CommandRunner.SetAction(command, parse =>
        {
            if (parse.GetValue(csv) && parse.GetValue(json)) throw new ArgumentException("choose --csv or --json, not both");
            if (g.Dlms.IsDlms(parse)) return DlmsCommands.Readout(parse, g, parse.GetValue(csv), parse.GetValue(json), parse.GetValue(output));
            var (transport, client) = g.Connect(parse);
            using (transport)
            {
                var readout = CommandRunner.WithProgress(client, "readout", () => client.Readout(parse.GetValue(g.Address) ?? "", parse.GetValue(g.BaudMax)));
                string? file = parse.GetValue(output);
                if (parse.GetValue(csv) || parse.GetValue(json))
                {
                    string text = parse.GetValue(csv) ? Csv.Readout(readout.DataSets) : Json.Readout(readout);
                    if (file != null) File.WriteAllText(file, text); else Console.Write(text);
                    return CommandRunner.Ok;
                }
                var table = new Table().AddColumns("Address", "Value", "Unit", "More");
                table.Title = new TableTitle(Markup.Escape($"{readout.Identification.ManufacturerId} {readout.Identification.Ident} — mode {readout.Identification.Mode}, {readout.Baud} Bd, {readout.DataSets.Count} data sets"));
                foreach (var s in readout.DataSets)
                    table.AddRow(Markup.Escape(s.Address), Markup.Escape(s.Value), Markup.Escape(s.Unit),
                        Markup.Escape(string.Join(" ", s.Values.Skip(1).Select(v => "(" + v + ")"))));
                AnsiConsole.Write(table);
                if (file != null) File.WriteAllText(file, Csv.Readout(readout.DataSets));
                return CommandRunner.Ok;
            }
        });
        return command;
    }
}
