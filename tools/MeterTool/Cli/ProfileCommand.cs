using System.CommandLine;
using System.Globalization;
using Meter.Tool.Output;
using Meter.Tool.Profile;

namespace Meter.Tool.Cli;

/// <summary>`profile`: the load profile (R1 "P.01(from;to)") to CSV and a PNG chart, and the billing logger (readout "*VZ" values) to CSV.</summary>
public static class ProfileCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var from = new Option<string?>("--from") { Description = "First interval, \"yyyy-MM-dd HH:mm\" (default: the oldest)" };
        var to = new Option<string?>("--to") { Description = "Last interval, \"yyyy-MM-dd HH:mm\" (default: the newest)" };
        var csv = new Option<string>("--csv") { Description = "Load profile CSV file", DefaultValueFactory = _ => "profile.csv" };
        var png = new Option<string>("--png") { Description = "Load profile chart (PNG)", DefaultValueFactory = _ => "profile.png" };
        var billing = new Option<string>("--billing-csv") { Description = "Billing logger CSV file", DefaultValueFactory = _ => "billing.csv" };
        var address = new Option<string>("--profile-address") { Description = "Address of the load profile request (R1 address(from;to))", DefaultValueFactory = _ => MeterAddresses.LoadProfile };
        var dlmsObject = new Option<string>("--object") { Description = "DLMS: logical name of the load profile (profile generic, class 7)", DefaultValueFactory = _ => DlmsCommands.LoadProfile };
        var command = new Command("profile", "Fetch the load profile and the billing logger (needs --password); with --protocol dlms the profile generic's buffer to --csv") { from, to, csv, png, billing, address, dlmsObject };
        CommandRunner.SetAction(command, parse =>
        {
            DateTime? f = ParseTime(parse.GetValue(from), "--from"), t = ParseTime(parse.GetValue(to), "--to");
            if (f > t) throw new ArgumentException("--from is after --to");
            if (g.Dlms.IsDlms(parse)) return DlmsCommands.Profile(parse, g, parse.GetValue(dlmsObject)!, f, t, parse.GetValue(csv)!);
            var (transport, client) = g.Connect(parse);
            using (transport)
            {
                var readout = CommandRunner.WithProgress(client, "billing logger (readout)",
                    () => client.Readout(parse.GetValue(g.Address) ?? "", parse.GetValue(g.BaudMax)));
                var log = BillingLog.FromDataSets(readout.DataSets);
                File.WriteAllText(parse.GetValue(billing)!, Csv.Billing(log));
                Console.WriteLine($"billing logger: {log.Rows.Count} periods → {parse.GetValue(billing)}");

                ProfileReadout profile;
                using (var session = g.OpenSession(parse, client))
                {
                    var sets = CommandRunner.WithProgress(client, "load profile",
                        () => session.Read(parse.GetValue(address)!, ProfileReadout.RequestRange(f, t)));
                    profile = ProfileReadout.Parse(sets);
                }
                File.WriteAllText(parse.GetValue(csv)!, Csv.Profile(profile));
                Console.WriteLine($"load profile: {profile.Entries.Count} intervals of {profile.Periods} min → {parse.GetValue(csv)}");
                int clockChanges = profile.Entries.Count(e => e.ClockChange);
                if (clockChanges > 0)
                    Console.WriteLine($"the clock was set {clockChanges} time(s) in the range: rows sorted by time, marked \"clock set\" in the CSV and by dashed lines on the chart");
                if (profile.Entries.Count > 0)
                {
                    ProfileChart.SavePng(profile, parse.GetValue(png)!);
                    Console.WriteLine($"chart → {parse.GetValue(png)}");
                }
                else Console.WriteLine("no intervals in the range: no chart drawn");
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    /// <summary>"yyyy-MM-dd HH:mm" or "yyyy-MM-dd" of <paramref name="option"/>; null when not given.</summary>
    internal static DateTime? ParseTime(string? text, string option)
    {
        if (text == null) return null;
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            throw new ArgumentException($"{option} \"{text}\" is not \"yyyy-MM-dd HH:mm\"");
        return t;
    }
}
