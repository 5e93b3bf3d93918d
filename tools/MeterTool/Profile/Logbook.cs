using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Profile;

/// <summary>One logbook entry: an event of the meter's event log.</summary>
/// <param name="Time">Meter local time of the event (to the second).</param>
/// <param name="SummerTime">The season flag of the time stamp (Z = 1).</param>
/// <param name="Kind">Event kind number (<see cref="EventDescriptions"/>).</param>
/// <param name="Detail">The kind's detail byte 0-255.</param>
/// <param name="OldValue">Value before (as the kind defines it).</param>
/// <param name="NewValue">Value after (as the kind defines it).</param>
public sealed record LogbookEntry(DateTime Time, bool SummerTime, int Kind, int Detail, long OldValue, long NewValue);

/// <summary>
/// The meter's logbook in the VDEW / DIN 43863-3 layout answered to "P.98(from;to)"
/// (firmware/Meter.Core EventLogRequest): a header
/// "P.98(Zyymmddhhmmss)(ss)()(5)(time)()(kind)()(detail)()(old)()(new)()", then one line
/// "(Zyymmddhhmmss)(kind)(detail)(old)(new)" per event, oldest first. ss = status flags in hex
/// (01 older events of the range left out, 02 unreadable records skipped).
/// </summary>
public sealed record Logbook(int Status, IReadOnlyList<LogbookEntry> Entries)
{
    /// <summary>Status flag: the meter left out older events of the range (answer limit).</summary>
    public const int Truncated = 0x01;
    /// <summary>Status flag: the meter skipped records it could not read (torn).</summary>
    public const int UnreadableSkipped = 0x02;

    private static readonly string[] Columns = ["time", "kind", "detail", "old", "new"];

    /// <summary>Builds the logbook from the data sets of the answer.</summary>
    /// <exception cref="FormatException">A header or event line is not as described (the message names it and what is wrong).</exception>
    public static Logbook Parse(IReadOnlyList<DataSet> sets)
    {
        var entries = new List<LogbookEntry>();
        int? status = null;
        foreach (var set in sets)
        {
            if (set.Address.Length > 0)
            {
                status = ParseHeader(set) | (status ?? 0);
                continue;
            }
            if (status == null) throw new FormatException($"logbook: event line {set} before the P.98 header");
            if (set.Values.Count != Columns.Length)
                throw new FormatException($"logbook: event line {set} has {set.Values.Count} values, the header announces {Columns.Length}");
            var (time, summer) = ParseStamp(set.Values[0].Value, $"event line {set}");
            int kind = (int)Integer(set.Values[1].Value, "kind", set, 1, 255);
            int detail = (int)Integer(set.Values[2].Value, "detail", set, 0, 255);
            long old = Integer(set.Values[3].Value, "old value", set, long.MinValue, long.MaxValue);
            long @new = Integer(set.Values[4].Value, "new value", set, long.MinValue, long.MaxValue);
            entries.Add(new LogbookEntry(time, summer, kind, detail, old, @new));
        }
        if (status == null) throw new FormatException("logbook: the answer has no P.98 header");
        return new Logbook(status.Value, entries);
    }

    /// <summary>The request parameter "from;to": "yymmddhhmm" (the whole minute) or "yymmddhhmmss" a side, empty = open.</summary>
    public static string RequestRange(DateTime? from, bool fromSeconds, DateTime? to, bool toSeconds) =>
        Side(from, fromSeconds) + ";" + Side(to, toSeconds);

    private static string Side(DateTime? t, bool seconds) =>
        t?.ToString(seconds ? "yyMMddHHmmss" : "yyMMddHHmm", CultureInfo.InvariantCulture) ?? "";

    private static int ParseHeader(DataSet set)
    {
        if (set.Address != "P.98") throw new FormatException($"logbook: unexpected data set {set} (a header is P.98)");
        if (set.Values.Count < 4) throw new FormatException($"logbook header {set} has fewer than 4 groups");
        ParseStamp(set.Values[0].Value, $"header {set}");
        if (!int.TryParse(set.Values[1].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int status) || set.Values[1].Value.Length != 2)
            throw new FormatException($"logbook header {set}: status \"{set.Values[1].Value}\" is not two hex digits");
        if (!int.TryParse(set.Values[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int columns) || set.Values.Count != 4 + 2 * columns)
            throw new FormatException($"logbook header {set}: column count \"{set.Values[3].Value}\" does not match its groups");
        var names = Enumerable.Range(0, columns).Select(i => set.Values[4 + 2 * i].Value).ToArray();
        if (!names.SequenceEqual(Columns))
            throw new FormatException($"logbook header {set}: columns {string.Join(",", names)}, expected {string.Join(",", Columns)}");
        return status;
    }

    private static (DateTime Time, bool Summer) ParseStamp(string text, string where)
    {
        // "Zyymmddhhmmss": season flag (0 winter, 1 summer) then the local time stamp to the second.
        if (text.Length != 13 || (text[0] != '0' && text[0] != '1')
            || !DateTime.TryParseExact(text[1..], "yyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
            throw new FormatException($"logbook {where}: time stamp \"{text}\" is not Zyymmddhhmmss");
        return (stamp, text[0] == '1');
    }

    private static long Integer(string text, string what, DataSet set, long minimum, long maximum)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < minimum || value > maximum)
            throw new FormatException($"logbook: event line {set}: {what} \"{text}\" is not a number{(minimum == long.MinValue ? "" : $" {minimum}..{maximum}")}");
        return value;
    }
}
