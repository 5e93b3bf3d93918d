using System.Globalization;
using System.Text;

namespace MeterTool.Tests.Support;

/// <summary>
/// Writes a P.02 answer's data block as the shared contract says (P.01's format): a header
/// "P.02(Zyymmddhhmm)(ss)(10)(n)(code1)(unit1)…" whenever the status changes, then "(v1)…(vN)" a 10-min interval.
/// The values of interval i come from a function; each channel is written with its unit's decimals.
/// </summary>
public sealed class AnalysisAnswer
{
    private readonly List<(string Code, string Unit, int Decimals)> _channels = new();

    /// <summary>The 8 default channels: voltage L1–L3, frequency, THD L1–L3, unbalance.</summary>
    public static AnalysisAnswer Default() => new AnalysisAnswer()
        .Channel("32.7.0", "V", 1).Channel("52.7.0", "V", 1).Channel("72.7.0", "V", 1).Channel("14.7.0", "Hz", 2)
        .Channel("32.7.124", "%", 2).Channel("52.7.124", "%", 2).Channel("72.7.124", "%", 2).Channel("12.7.128", "%", 2);

    /// <summary>Adds a channel.</summary>
    public AnalysisAnswer Channel(string code, string unit, int decimals)
    {
        _channels.Add((code, unit, decimals));
        return this;
    }

    /// <summary>Channel codes in order.</summary>
    public IReadOnlyList<string> Codes => _channels.Select(c => c.Code).ToList();

    /// <summary>
    /// <paramref name="count"/> intervals, the first ending at <paramref name="firstEnd"/>; <paramref name="status"/>(i) the hex
    /// status, <paramref name="value"/>(i, code) each value.
    /// </summary>
    public string Build(DateTime firstEnd, int count, Func<int, int> status, Func<int, string, decimal> value)
    {
        var sb = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            int s = status(i);
            if (s != previous) Header(sb, firstEnd.AddMinutes(10 * i), s);
            previous = s;
            foreach (var (code, _, decimals) in _channels)
                sb.Append('(').Append(Math.Round(value(i, code), decimals).ToString("F" + decimals, CultureInfo.InvariantCulture)).Append(')');
            sb.Append("\r\n");
        }
        if (count == 0) Header(sb, new DateTime(1970, 1, 1), 0); // the meter's answer to an empty range
        return sb.ToString();
    }

    private void Header(StringBuilder sb, DateTime stamp, int status)
    {
        sb.Append("P.02(0").Append(stamp.ToString("yyMMddHHmm", CultureInfo.InvariantCulture)).Append(")(")
          .Append(status.ToString("X2", CultureInfo.InvariantCulture)).Append(")(10)(").Append(_channels.Count).Append(')');
        foreach (var (code, unit, _) in _channels) sb.Append('(').Append(code).Append(")(").Append(unit).Append(')');
        sb.Append("\r\n");
    }
}
