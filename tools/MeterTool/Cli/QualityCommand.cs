using System.CommandLine;
using System.Globalization;
using Meter.Tool.Output;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;
using Spectre.Console;

namespace Meter.Tool.Cli;

/// <summary>
/// `quality`: the analysis logger (R1 "P.02(from;to)", 10-min values) and the meter's weekly EN 50160 results
/// (1-0:12.128.0 … 3) → a table of the EN 50160 criteria and of each channel, a CSV and a PNG report (issue 20).
/// </summary>
public static class QualityCommand
{
    /// <summary>The message when the meter has no analysis logger.</summary>
    public const string NoLogger = "the meter answers no P.02: quality measurement is off in its build";

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var from = new Option<string?>("--from") { Description = "First 10-min interval (its end), \"yyyy-MM-dd HH:mm\" (default: the oldest)" };
        var to = new Option<string?>("--to") { Description = "Last 10-min interval, \"yyyy-MM-dd HH:mm\" (default: the newest)" };
        var csv = new Option<string?>("--csv") { Description = "Write the 10-min values to this CSV file (one row an interval, the channel codes as header)" };
        var png = new Option<string?>("--png") { Description = "Write the PNG report (voltage band, THD, harmonics, unbalance, frequency) to this file" };
        var nominal = new Option<decimal>("--nominal") { Description = "Nominal phase voltage Un in V (EN 50160 bands)", DefaultValueFactory = _ => 230m };
        var command = new Command("quality", "Power quality to EN 50160: the analysis logger's 10-min values and the meter's weekly results (needs --password)")
            { from, to, csv, png, nominal };
        CommandRunner.SetAction(command, parse =>
        {
            DateTime? f = ProfileCommand.ParseTime(parse.GetValue(from), "--from"), t = ProfileCommand.ParseTime(parse.GetValue(to), "--to");
            if (f > t) throw new ArgumentException("--from is after --to");
            decimal un = parse.GetValue(nominal);
            if (un is < 50 or > 1000) throw new ArgumentException($"--nominal {un}: a nominal phase voltage in V, 50 … 1000 (e.g. 230)");
            var (transport, client) = g.Connect(parse);
            AnalysisLog log;
            var weeks = new Dictionary<string, string>();
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                var sets = CommandRunner.WithProgress(client, "analysis logger", () => ReadLogger(session, ProfileReadout.RequestRange(f, t)));
                try
                {
                    log = AnalysisLog.Parse(sets);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"analysis logger ({AnalysisChannels.Address}): {e.Message}", e);
                }
                foreach (string code in new[] { WeekResult.PreviousWeek, WeekResult.CurrentWeek, WeekResult.WeekIntervals, WeekResult.WeekFlaggedIntervals })
                    weeks[code] = ReadValue(session, code);
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected) console.Profile.Width = 120;
            console.Write(WeeksTable(weeks));
            if (log.Intervals.Count == 0)
                throw new ArgumentException($"no 10-min values in the range {Range(f, t)}: nothing to evaluate (choose another --from/--to)");
            var results = En50160Check.Evaluate(log, un);
            console.Write(CriteriaTable(log, results));
            console.Write(ChannelTable(ChannelSummary.Of(log)));
            if (parse.GetValue(csv) is string csvFile)
            {
                File.WriteAllText(csvFile, Csv.Quality(log));
                Console.WriteLine($"10-min values: {log.Intervals.Count} intervals → {csvFile}");
            }
            if (parse.GetValue(png) is string pngFile)
            {
                QualityReportChart.SavePng(log, results, un, pngFile);
                Console.WriteLine($"report → {pngFile}");
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    // R1 "P.02(from;to)"; a meter without the logger answers "no such object" (ER05), "not supported" (ER01) or,
    // as P.02 is no OBIS address, "malformed" (ER13): say what that means.
    private static IReadOnlyList<DataSet> ReadLogger(IMeterSession session, string range)
    {
        try
        {
            return session.Read(AnalysisChannels.Address, range);
        }
        catch (MeterProtocolException e) when (e.MeterErrorCode is "ER01" or "ER05" or "ER13")
        {
            throw new MeterProtocolException(e.Kind, e.State, $"{NoLogger} (it answered ({e.MeterErrorCode}) to P.02({range}))", e.MeterErrorCode);
        }
        catch (MeterProtocolException e) when (e.Kind == ProtocolErrorKind.MeterError)
        {
            throw new MeterProtocolException(e.Kind, e.State, $"the meter refused the analysis logger request P.02({range}): {e.Message}", e.MeterErrorCode);
        }
    }

    // The value of a weekly object; "" for the empty value or an object the meter does not have (older firmware).
    // The meter names group A = 1, B = 0 objects in the short form ("12.128.0"): the answer's one data set is the value.
    private static string ReadValue(IMeterSession session, string code)
    {
        try
        {
            var sets = session.Read(code);
            return sets.Count > 0 ? sets[0].Value : "";
        }
        catch (MeterProtocolException e) when (e.MeterErrorCode == "ER05")
        {
            return "";
        }
    }

    private static string Range(DateTime? f, DateTime? t) =>
        (f?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "oldest") + " … " + (t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "newest");

    /// <summary>The meter's own weekly results (Monday 00:00 UTC weeks, frequency from its 10-s values).</summary>
    public static Table WeeksTable(IReadOnlyDictionary<string, string> values)
    {
        var table = new Table().AddColumn("Week (meter's result)");
        foreach (var name in WeekResult.CriterionNames) table.AddColumn(name);
        table.AddColumn("Week");
        table.Title = new TableTitle("EN 50160 weekly results kept by the meter (1-0:12.128.0/1)");
        string counts = $"current week ({Count(values, WeekResult.WeekIntervals)} values, {Count(values, WeekResult.WeekFlaggedIntervals)} flagged)";
        foreach (var (label, code) in new[] { ("last finished week", WeekResult.PreviousWeek), (counts, WeekResult.CurrentWeek) })
        {
            var week = WeekResult.Parse(values.TryGetValue(code, out var v) ? v : "");
            if (week == null)
            {
                table.AddRow([Markup.Escape(label), .. WeekResult.CriterionNames.Select(_ => "–"), "no result"]);
                continue;
            }
            table.AddRow([Markup.Escape(label), .. week.Verdicts.Select(VerdictMarkup), week.Passes ? "[green]pass[/]" : "[red]fail[/]"]);
        }
        return table;
    }

    /// <summary>Per criterion: limit, share needed, share within, result.</summary>
    public static Table CriteriaTable(AnalysisLog log, IReadOnlyList<CriterionResult> results)
    {
        int flagged = log.Intervals.Count(AnalysisLog.IsFlagged);
        var table = new Table().AddColumns("Criterion", "Limit", "Needed", "Within", "Share", "Result");
        table.Title = new TableTitle(Markup.Escape($"EN 50160 over {log.Intervals.Count} 10-min values {First(log)} … {Last(log)} ({flagged} flagged, left out)"));
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.Criterion), Markup.Escape(r.Limit), Markup.Escape(r.Required), $"{r.Within}/{r.Evaluated}",
                r.SharePercent is decimal s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–", VerdictMarkup(r.Verdict));
        return table;
    }

    /// <summary>Per channel (a phase's voltage, THD, … each a row): min, mean, max of the unflagged values.</summary>
    public static Table ChannelTable(IReadOnlyList<ChannelSummary> channels)
    {
        var table = new Table().AddColumns("Channel", "Quantity", "Unit", "Min", "Mean", "Max");
        table.Title = new TableTitle("10-min values (unflagged)");
        foreach (var c in channels)
            table.AddRow(Markup.Escape(c.Code), Markup.Escape(c.Name), Markup.Escape(c.Unit), Number(c.Min), Number(Math.Round(c.Mean, 3)), Number(c.Max));
        return table;
    }

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string First(AnalysisLog log) => log.Intervals[0].End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Last(AnalysisLog log) => log.Intervals[^1].End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Count(IReadOnlyDictionary<string, string> values, string code) =>
        values.TryGetValue(code, out var v) && v.Length > 0 ? v : "?";

    private static string VerdictMarkup(WeekVerdict v) => v switch
    {
        WeekVerdict.Pass => "[green]pass[/]",
        WeekVerdict.Fail => "[red]fail[/]",
        _ => "no data",
    };
}
