using System.CommandLine;
using System.Globalization;
using Meter.Tool.Protocol;

namespace Meter.Tool.Cli;

/// <summary>
/// `configure`: integration period, pulse figure, display lists and tariff switching times,
/// as W1 writes of OBIS-addressed parameters (addresses in <see cref="MeterAddresses"/>).
/// Lists are written one entry a W1, "nn;item" (position 01.., item), then "nn;" to end the
/// list — values stay within the 32 characters IEC 62056-21 §6.3.18 allows. PROVISIONAL
/// encoding until the meter's server defines the list objects.
/// </summary>
public static class ConfigureCommand
{
    /// <summary>The W1 (address, value) pairs for a list: entries then the terminator.</summary>
    public static IReadOnlyList<(string Address, string Value)> ListWrites(string address, IReadOnlyList<string> items)
    {
        if (items.Count > 99) throw new ArgumentException($"{address}: at most 99 list entries");
        var writes = new List<(string, string)>();
        for (int i = 0; i < items.Count; i++)
            writes.Add((address, (i + 1).ToString("00", CultureInfo.InvariantCulture) + ";" + items[i]));
        writes.Add((address, (items.Count + 1).ToString("00", CultureInfo.InvariantCulture) + ";"));
        foreach (var (_, v) in writes)
            if (v.Length > 32 || v.IndexOfAny(['(', ')', '*', '/', '!']) >= 0)
                throw new ArgumentException($"{address}: list entry \"{v}\" longer than 32 characters or holding ( ) * / !");
        return writes;
    }

    /// <summary>Parses "06:00=1,22:00=2" into "06:00;1" items (switch time; tariff 1..8).</summary>
    public static IReadOnlyList<string> TariffItems(string text)
    {
        var items = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] kv = part.Split('=');
            if (kv.Length != 2 || !TimeOnly.TryParseExact(kv[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out int tariff) || tariff is < 1 or > 8)
                throw new ArgumentException($"--tariffs entry \"{part}\" is not HH:mm=T with T = 1..8, e.g. 06:00=1,22:00=2");
            items.Add(t.ToString("HH:mm", CultureInfo.InvariantCulture) + ";" + tariff.ToString(CultureInfo.InvariantCulture));
        }
        if (items.Count == 0) throw new ArgumentException("--tariffs needs at least one HH:mm=T entry");
        return items;
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var period = new Option<int?>("--integration-period") { Description = "Demand and load-profile integration period, minutes (5, 15, 30 or 60)" };
        var pulses = new Option<int?>("--pulse-figure") { Description = "S0 pulse output constant, imp/kWh (1..100000)" };
        var display = new Option<string?>("--display-list") { Description = "Normal display list, OBIS codes separated by commas" };
        var alternate = new Option<string?>("--alternate-list") { Description = "Alternate display list, OBIS codes separated by commas" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff switching times, e.g. 06:00=1,22:00=2" };
        var command = new Command("configure", "Write configuration parameters (needs --password)") { period, pulses, display, alternate, tariffs };
        CommandRunner.SetAction(command, parse =>
        {
            var writes = new List<(string Address, string Value)>();
            if (parse.GetValue(period) is int p)
            {
                if (p is not (5 or 15 or 30 or 60)) throw new ArgumentException($"--integration-period {p}: must be 5, 15, 30 or 60 minutes");
                writes.Add((MeterAddresses.IntegrationPeriod, p.ToString(CultureInfo.InvariantCulture)));
            }
            if (parse.GetValue(pulses) is int n)
            {
                // Issue 4: any integer 1..100 000 imp/kWh (the meter checks the same range).
                if (n is < 1 or > 100000) throw new ArgumentException($"--pulse-figure {n}: must be 1..100000 imp/kWh");
                writes.Add((MeterAddresses.PulseFigure, n.ToString(CultureInfo.InvariantCulture)));
            }
            if (parse.GetValue(display) is string d) writes.AddRange(ListWrites(MeterAddresses.DisplayListNormal, SplitCodes(d)));
            if (parse.GetValue(alternate) is string a) writes.AddRange(ListWrites(MeterAddresses.DisplayListAlternate, SplitCodes(a)));
            if (parse.GetValue(tariffs) is string t) writes.AddRange(ListWrites(MeterAddresses.TariffTable, TariffItems(t)));
            if (writes.Count == 0) throw new ArgumentException("nothing to configure: give --integration-period, --pulse-figure, --display-list, --alternate-list or --tariffs");
            var (transport, client) = g.Connect(parse);
            using (transport)
            using (var session = g.OpenSession(parse, client))
            {
                foreach (var (address, value) in writes)
                {
                    session.Write(address, value);
                    Console.WriteLine($"{address}({value}) written");
                }
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    private static IReadOnlyList<string> SplitCodes(string text)
    {
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0) throw new ArgumentException("a display list needs at least one OBIS code");
        return codes;
    }
}
