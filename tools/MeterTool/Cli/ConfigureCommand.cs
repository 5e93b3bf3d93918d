using System.CommandLine;
using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Cli;

/// <summary>
/// `configure`: integration period, pulse figure, display lists, readout list, holidays,
/// tariff switching times and tariff control, as W1 writes of OBIS-addressed parameters (addresses in
/// <see cref="MeterAddresses"/>). Lists are written one entry a W1, "nn;item" (position 01..,
/// item), then "nn;" to end the list — each value within the 32 characters of an IEC 62056-21
/// §6.3 data-set value and without ( ) * / !. The meter checks each entry and the whole list
/// and replaces its list only at the end mark (firmware/Meter.Core ListSettingsWriter).
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

    /// <summary>
    /// Parses "12-24,25-04-18" into holiday items: "MM-DD" every year or "YY-MM-DD" one date
    /// (2000..2099), checked as the meter checks them (a real date; 29 February allowed every year).
    /// "none" gives the empty table.
    /// </summary>
    public static IReadOnlyList<string> HolidayItems(string text)
    {
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var items = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool ok = part.Length == 5
                ? DateTime.TryParseExact("2000-" + part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                : part.Length == 8 && DateTime.TryParseExact("20" + part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            if (!ok) throw new ArgumentException($"--holidays entry \"{part}\" is not MM-DD (every year) or YY-MM-DD (one date), e.g. 12-25,25-04-18");
            items.Add(part);
        }
        if (items.Count == 0) throw new ArgumentException("--holidays needs MM-DD or YY-MM-DD dates, or none to clear the table");
        if (items.Count > 32) throw new ArgumentException("--holidays: the meter keeps at most 32 holidays");
        if (items.Distinct().Count() != items.Count) throw new ArgumentException("--holidays: a date is listed twice");
        return items;
    }

    /// <summary>Parses "0-0:96.1.0,1.8.0;3" into readout items (OBIS code, optionally ";N" for its last N = 0..99 billing values).</summary>
    public static IReadOnlyList<string> ReadoutItems(string text)
    {
        var items = SplitCodes(text, "a readout list");
        foreach (string item in items)
        {
            int semicolon = item.IndexOf(';');
            if (semicolon >= 0 && !(int.TryParse(item[(semicolon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 99 && item.Length - semicolon <= 3))
                throw new ArgumentException($"--readout-list entry \"{item}\": after ';' comes the number of billing periods, 0..99");
        }
        if (items.Count > 32) throw new ArgumentException("--readout-list: the meter keeps at most 32 data sets");
        return items;
    }

    /// <summary>
    /// Parses "timetable", "inputs:DD" or "register" into the value of <see cref="MeterAddresses.TariffControl"/>
    /// ("000", "1DD", "200"). DD is one of the Kamstrup 351/382 "DD Input/output configuration" codes whose
    /// tariff control is "Module" — 01, 02 (4 tariffs), 07..14 (2 tariffs) — the codes the meter accepts (01 and 02
    /// only with 4 tariffs or more: a meter with fewer answers ER10).
    /// </summary>
    public static string TariffControlValue(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t == "timetable") return "000";
        if (t == "register") return "200";
        if (t.StartsWith("inputs:", StringComparison.Ordinal))
        {
            string dd = t["inputs:".Length..];
            if (dd.Length is 1 or 2 && int.TryParse(dd, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                && (code is 1 or 2 || code is >= 7 and <= 14))
                return (100 + code).ToString(CultureInfo.InvariantCulture);
            throw new ArgumentException($"--tariff-control {text}: DD code {dd} has no tariff input; give 01, 02 (4 tariffs) or 07..14 (2 tariffs)");
        }
        throw new ArgumentException($"--tariff-control {text}: give timetable, inputs:DD (DD = 01, 02, 07..14) or register");
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var period = new Option<int?>("--integration-period") { Description = "Demand and load-profile integration period, minutes (5, 15, 30 or 60)" };
        var pulses = new Option<int?>("--pulse-figure") { Description = "S0 pulse output constant, imp/kWh (1..100000)" };
        var display = new Option<string?>("--display-list") { Description = "Normal (scrolling) display list, 1..16 OBIS codes separated by commas, e.g. 1.8.0,2.8.0,32.7.0" };
        var alternate = new Option<string?>("--alternate-list") { Description = "Alternate (push-button) display list, up to 40 OBIS codes; must hold 1.8.0 and 2.8.0" };
        var readout = new Option<string?>("--readout-list") { Description = "Data sets of the readout, up to 32, e.g. \"0-0:96.1.0,1.8.0;3\" (;N = also the last N billing values)" };
        var holidays = new Option<string?>("--holidays") { Description = "Holidays (Sunday tariff), up to 32: MM-DD every year or YY-MM-DD, e.g. 12-25,25-04-18; none = no holidays" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff switching times, e.g. 06:00=1,22:00=2" };
        var tariffControl = new Option<string?>("--tariff-control") { Description = "Who chooses the tariff: timetable, inputs:DD (the tariff inputs, DD code 01, 02, 07..14) or register (commands to 0-0:96.14.0)" };
        var command = new Command("configure", "Write configuration parameters (needs --password)") { period, pulses, display, alternate, readout, holidays, tariffs, tariffControl };
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
            if (parse.GetValue(display) is string d) writes.AddRange(ListWrites(MeterAddresses.DisplayListNormal, SplitCodes(d, "a display list")));
            if (parse.GetValue(alternate) is string a) writes.AddRange(ListWrites(MeterAddresses.DisplayListAlternate, SplitCodes(a, "a display list")));
            if (parse.GetValue(readout) is string r) writes.AddRange(ListWrites(MeterAddresses.ReadoutList, ReadoutItems(r)));
            if (parse.GetValue(holidays) is string h) writes.AddRange(ListWrites(MeterAddresses.HolidayTable, HolidayItems(h)));
            if (parse.GetValue(tariffs) is string t) writes.AddRange(ListWrites(MeterAddresses.TariffTable, TariffItems(t)));
            // After the switching times: the mode is the last write, so a rejected list leaves the mode as it was.
            if (parse.GetValue(tariffControl) is string c) writes.Add((MeterAddresses.TariffControl, TariffControlValue(c)));
            if (writes.Count == 0) throw new ArgumentException("nothing to configure: give --integration-period, --pulse-figure, --display-list, --alternate-list, --readout-list, --holidays, --tariffs or --tariff-control");
            return WriteAll(g, parse, writes);
        });
        return command;
    }

    /// <summary>Logs in and makes the W1 writes in order; a refusal (ERnn) ends the command with the meter's answer.</summary>
    public static int WriteAll(GlobalOptions g, ParseResult parse, IReadOnlyList<(string Address, string Value)> writes)
    {
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
    }

    private static IReadOnlyList<string> SplitCodes(string text, string what)
    {
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0) throw new ArgumentException(what + " needs at least one OBIS code");
        // A billing period is written "&F" in a list entry: "*" may not stand in a data-set value (IEC 62056-21 §6.3).
        return codes.Select(c => c.Replace('*', '&')).ToArray();
    }
}
