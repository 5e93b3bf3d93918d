using System.Globalization;
using System.Text;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;
using Meter.Tool.Quality;

namespace Meter.Tool.Output;

/// <summary>CSV texts (RFC 4180 quoting, invariant culture) for readouts, profiles, the analysis logger, billing logs and logbooks.</summary>
public static class Csv
{
    /// <summary>address,value,unit,extra values — one line a data set.</summary>
    public static string Readout(IEnumerable<DataSet> sets)
    {
        var sb = new StringBuilder("address,value,unit,more\n");
        foreach (var s in sets)
            sb.Append(Field(s.Address)).Append(',').Append(Field(s.Value)).Append(',').Append(Field(s.Unit)).Append(',')
              .Append(Field(string.Join(" ", s.Values.Skip(1).Select(v => "(" + v + ")")))).Append('\n');
        return sb.ToString();
    }

    /// <summary>time,status,channel1 (unit),…,note — one line an interval, oldest first; note "clock set" where the clock was set.</summary>
    public static string Profile(ProfileReadout profile)
    {
        var sb = new StringBuilder("time,status");
        for (int i = 0; i < profile.ChannelCodes.Count; i++)
            sb.Append(',').Append(Field($"{profile.ChannelCodes[i]} ({profile.ChannelUnits[i]})"));
        sb.Append(",note\n");
        Intervals(sb, profile.Entries, profile.ChannelCodes.Count, e => e.ClockChange ? "clock set" : "");
        return sb.ToString();
    }

    /// <summary>
    /// time,status,code1,…,codeN,note — the analysis logger (P.02), one line a 10-min interval, oldest first, values as the
    /// meter sent them; note "flagged" (status 80: not evaluated) and/or "clock set".
    /// </summary>
    public static string Quality(AnalysisLog log)
    {
        var sb = new StringBuilder("time,status");
        foreach (var code in log.Profile.ChannelCodes) sb.Append(',').Append(Field(code));
        sb.Append(",note\n");
        Intervals(sb, log.Intervals, log.Profile.ChannelCodes.Count, e => string.Join("; ", new[] { AnalysisLog.IsFlagged(e) ? "flagged" : "", e.ClockChange ? "clock set" : "" }.Where(n => n.Length > 0)));
        return sb.ToString();
    }

    // One line an interval: time,status,values…,note; an interval with fewer values than the columns gets empty cells.
    private static void Intervals(StringBuilder sb, IEnumerable<ProfileRow> rows, int columns, Func<ProfileRow, string> note)
    {
        foreach (var e in rows)
        {
            sb.Append(e.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(',').Append(Field(e.Status));
            foreach (var v in e.Values) sb.Append(',').Append(v.ToString(CultureInfo.InvariantCulture));
            for (int missing = e.Values.Count; missing < columns; missing++) sb.Append(','); // a channel the interval was recorded without
            sb.Append(',').Append(Field(note(e))).Append('\n');
        }
    }

    /// <summary>period,address1,… — one line a billing period.</summary>
    public static string Billing(BillingLog log)
    {
        var sb = new StringBuilder("period");
        foreach (var a in log.Addresses) sb.Append(',').Append(Field(a));
        sb.Append('\n');
        foreach (var (period, values) in log.Rows)
        {
            sb.Append(period.ToString(CultureInfo.InvariantCulture));
            foreach (var a in log.Addresses) sb.Append(',').Append(Field(values.TryGetValue(a, out var v) ? v.ToString() : ""));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>time,summer,kind,event,detail,description,old,new — one line an event (old/new as the meter sent them).</summary>
    public static string Events(Logbook logbook)
    {
        var sb = new StringBuilder("time,summer,kind,event,detail,description,old,new\n");
        foreach (var e in logbook.Entries)
            sb.Append(e.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',').Append(e.SummerTime ? '1' : '0')
              .Append(',').Append(e.Kind.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(EventDescriptions.KindName(e.Kind)))
              .Append(',').Append(e.Detail.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(EventDescriptions.DetailText(e)))
              .Append(',').Append(e.OldValue.ToString(CultureInfo.InvariantCulture)).Append(',').Append(e.NewValue.ToString(CultureInfo.InvariantCulture))
              .Append('\n');
        return sb.ToString();
    }

    internal static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
