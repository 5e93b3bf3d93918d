using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Profile;

/// <summary>
/// A load profile in the VDEW / DIN 43863-3 readout format answered to "P.01(from;to)":
/// a header "P.01(Zyymmddhhmm)(status)(period min)(channels)(code1)(unit1)…(codeN)(unitN)",
/// then one line "(v1)…(vN)" per interval; a new header starts a new block (after a gap,
/// a clock change, a status change or a change of the integration period: each entry is time
/// stamped with its own header's period). Z is the season flag (0 normal, 1 summer, 2 UTC).
/// <see cref="PeriodMinutes"/> is the newest header's period; <see cref="Periods"/> all of them.
/// The meter answers in record order, which after the clock was set back is not time order:
/// <see cref="Entries"/> are sorted by time (entries with the same time in record order).
/// </summary>
public sealed record ProfileReadout(IReadOnlyList<string> ChannelCodes, IReadOnlyList<string> ChannelUnits, int PeriodMinutes, IReadOnlyList<ProfileRow> Entries)
{
    /// <summary>Builds the profile from the data sets of the answer.</summary>
    /// <exception cref="FormatException">A header or value line is not as described (named).</exception>
    public static ProfileReadout Parse(IReadOnlyList<DataSet> sets)
    {
        var entries = new List<ProfileRow>();
        List<string>? codes = null, units = null;
        int period = 0, channels = 0, index = 0;
        DateTime start = default;
        string status = "";
        int run = 0;
        foreach (var set in sets)
        {
            if (set.Address.Length > 0)
            {
                if (!set.Address.StartsWith("P.", StringComparison.Ordinal))
                    throw new FormatException($"profile: unexpected data set {set}");
                if (set.Values.Count < 4) throw new FormatException($"profile header {set} has fewer than 4 groups");
                start = ParseStamp(set.Values[0].Value);
                status = set.Values[1].Value;
                if (!int.TryParse(set.Values[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out period) || period <= 0)
                    throw new FormatException($"profile header {set}: period \"{set.Values[2].Value}\" is not a number of minutes");
                if (!int.TryParse(set.Values[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out channels) || channels <= 0 || set.Values.Count != 4 + 2 * channels)
                    throw new FormatException($"profile header {set}: channel count \"{set.Values[3].Value}\" does not match its groups");
                var c = new List<string>();
                var u = new List<string>();
                for (int i = 0; i < channels; i++)
                {
                    c.Add(set.Values[4 + 2 * i].Value);
                    u.Add(set.Values[5 + 2 * i].Value);
                }
                // A channel added or dropped at the end (the pulse-input channel 0-1:24.2.1 switched on or off) widens the
                // table: intervals without it have fewer values. Any other change of channels is refused.
                if (codes != null && !(c.Count >= codes.Count ? c.Take(codes.Count).SequenceEqual(codes) : codes.Take(c.Count).SequenceEqual(c)))
                    throw new FormatException("profile: the channels change between blocks");
                if (codes == null || c.Count > codes.Count)
                {
                    codes = c;
                    units = u;
                }
                index = 0;
                continue;
            }
            if (codes == null) throw new FormatException($"profile: values {set} before any header");
            if (set.Values.Count != channels) throw new FormatException($"profile: {set} has {set.Values.Count} values, the header announces {channels}");
            var values = new decimal[channels];
            for (int i = 0; i < channels; i++)
                if (!decimal.TryParse(set.Values[i].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out values[i]))
                    throw new FormatException($"profile: \"{set.Values[i].Value}\" is not a number");
            var end = start.AddMinutes((double)period * index++);
            bool wentBack = entries.Count > 0 && end <= entries[^1].End;
            if (wentBack) run++;
            entries.Add(new ProfileRow(end, status, values) { PeriodMinutes = period, ClockChange = wentBack || HasClockSetFlag(status), Run = run });
        }
        // OrderBy is stable: intervals stamped alike (an hour repeated after the clock went back) stay in record order.
        return new ProfileReadout(codes ?? [], units ?? [], period, entries.OrderBy(e => e.End).ToList());
    }

    /// <summary>The distinct entry periods, oldest first, as "15" or "15/30" (for messages and the chart title).</summary>
    public string Periods => Entries.Count == 0 ? PeriodMinutes.ToString(CultureInfo.InvariantCulture)
        : string.Join("/", Entries.Select(e => e.PeriodMinutes).Distinct().Select(p => p.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The request parameter "yymmddhhmm;yymmddhhmm" (empty side = open).</summary>
    public static string RequestRange(DateTime? from, DateTime? to) =>
        (from?.ToString("yyMMddHHmm", CultureInfo.InvariantCulture) ?? "") + ";" + (to?.ToString("yyMMddHHmm", CultureInfo.InvariantCulture) ?? "");

    // Interval status flags in hex; 02 = the clock was set during the interval (Meter.Storage IntervalStatus, DIN 43863-3 / VDEW).
    private static bool HasClockSetFlag(string status) =>
        int.TryParse(status, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int flags) && (flags & ClockSetFlag) != 0;

    /// <summary>Status flag: the clock was set during the interval.</summary>
    public const int ClockSetFlag = 0x02;

    private static DateTime ParseStamp(string text)
    {
        // "Zyymmddhhmm": season flag then the time stamp (VDEW); also accept the bare 10 digits.
        string digits = text.Length == 11 ? text[1..] : text;
        if (!DateTime.TryParseExact(digits, "yyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
            throw new FormatException($"profile time stamp \"{text}\" is not Zyymmddhhmm");
        return stamp;
    }
}
