using System.CommandLine;
using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Cli;

/// <summary>
/// `read-list LIST`: one of the lists `configure` writes, as the meter has it now. The meter reads a
/// list back the way it is written (firmware/Meter.Obis ListObject): R1 "address()" answers the number of
/// entries, R1 "address(nn)" the entry "nn;item", each item in the text form `configure` sends. Printed:
/// the entries "nn;item", then the `configure` option that writes the same list again.
/// </summary>
public static class ReadListCommand
{
    /// <summary>One readable list: the name on the command line, its address, what it is, the configure option.</summary>
    public sealed record ListKind(string Name, string Address, string Title, string ConfigureOption);

    /// <summary>The lists, by the name `read-list` takes.</summary>
    public static readonly IReadOnlyList<ListKind> Lists =
    [
        new("display", MeterAddresses.DisplayListNormal, "normal display list", "--display-list"),
        new("alternate", MeterAddresses.DisplayListAlternate, "alternate display list", "--alternate-list"),
        new("readout", MeterAddresses.ReadoutList, "readout list", "--readout-list"),
        new("holidays", MeterAddresses.HolidayTable, "holidays", "--holidays"),
        new("tariff-switches", MeterAddresses.TariffTable, "working-day tariff switching times", "--tariffs"),
    ];

    /// <summary>
    /// Reads list <paramref name="address"/>: the count, then each entry, checking that entry nn
    /// comes back as "nn;item"; a failure names the read and what the meter answered.
    /// </summary>
    public static IReadOnlyList<string> ReadEntries(IMeterSession session, string address)
    {
        string countText = SingleValue(session.Read(address), address, "");
        if (countText.Length is < 1 or > 2 || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, $"R1 {address}()",
                $"R1 {address}(): expected the number of list entries (0..99), received ({countText}); a meter answering () does not read lists back");
        var items = new List<string>(count);
        for (int n = 1; n <= count; n++)
        {
            string number = n.ToString("00", CultureInfo.InvariantCulture);
            string entry = SingleValue(session.Read(address, number), address, number);
            if (!entry.StartsWith(number + ";", StringComparison.Ordinal) || entry.Length == 3)
                throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, $"R1 {address}({number})",
                    $"R1 {address}({number}): expected entry {number} of {count} as \"{number};item\", received ({entry})");
            items.Add(entry[3..]);
        }
        return items;
    }

    /// <summary>The `configure` option that writes <paramref name="items"/> to <paramref name="list"/> again, quoted for a shell.</summary>
    public static string ConfigureArgument(ListKind list, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return list.ConfigureOption + " none";
        // Tariff switches are entered as HH:mm=T (ConfigureCommand.TariffItems), sent as HH:mm;T.
        var shown = list.Address == MeterAddresses.TariffTable ? items.Select(i => i.Replace(';', '=')) : items;
        string value = string.Join(",", shown);
        return list.ConfigureOption + " " + (value.Contains(';') ? "\"" + value + "\"" : value);
    }

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions g)
    {
        var name = new Argument<string>("list")
        {
            Description = "Which list: " + string.Join(", ", Lists.Select(l => $"{l.Name} ({l.Address})")),
        };
        name.AcceptOnlyFromAmong(Lists.Select(l => l.Name).ToArray());
        var command = new Command("read-list", "Show one of the lists configure writes, as the meter has it (programming mode R1; needs --password)") { name };
        CommandRunner.SetAction(command, parse =>
        {
            var list = Lists.First(l => l.Name == parse.GetValue(name));
            var (transport, client) = g.Connect(parse);
            IReadOnlyList<string> items;
            using (transport)
            using (var session = g.OpenSession(parse, client))
                items = ReadEntries(session, list.Address);
            Console.WriteLine($"{list.Address} {list.Title}: {items.Count} {(items.Count == 1 ? "entry" : "entries")}");
            for (int i = 0; i < items.Count; i++)
                Console.WriteLine((i + 1).ToString("00", CultureInfo.InvariantCulture) + ";" + items[i]);
            Console.WriteLine("configure " + ConfigureArgument(list, items));
            return CommandRunner.Ok;
        });
        return command;
    }

    // The one value of the one data set "address(value)" an R1 answers.
    private static string SingleValue(IReadOnlyList<DataSet> sets, string address, string argument)
    {
        if (sets.Count != 1 || sets[0].Address != address || sets[0].Values.Count != 1 || sets[0].Unit.Length != 0)
            throw new MeterProtocolException(ProtocolErrorKind.UnexpectedAnswer, $"R1 {address}({argument})",
                $"R1 {address}({argument}): expected one data set {address}(value), received {string.Join("", sets)}");
        return sets[0].Value;
    }
}
