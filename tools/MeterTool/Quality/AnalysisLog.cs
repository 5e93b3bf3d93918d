using System.Globalization;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;

namespace Meter.Tool.Quality;

/// <summary>
/// The analysis logger as read with R1 "P.02(from;to)": the load profile's readout format
/// (<see cref="ProfileReadout"/>, parsed by it) with 10-min intervals of the channels in
/// <see cref="AnalysisChannels"/>. Status bit 80 marks a flagged interval (a dip, swell or
/// interruption occurred in it, IEC 61000-4-30 §4.7), which the EN 50160 evaluation leaves out.
/// </summary>
public sealed class AnalysisLog
{
    /// <summary>Status bit of a flagged interval.</summary>
    public const int FlaggedBit = 0x80;

    private readonly Dictionary<string, int> _index;

    private AnalysisLog(ProfileReadout profile)
    {
        Profile = profile;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < profile.ChannelCodes.Count; i++)
            if (!_index.TryAdd(profile.ChannelCodes[i], i))
                throw new FormatException($"analysis logger: channel {profile.ChannelCodes[i]} appears twice in the header");
    }

    /// <summary>The readout as parsed (channels, units, intervals in time order).</summary>
    public ProfileReadout Profile { get; }

    /// <summary>The 10-min intervals, oldest first.</summary>
    public IReadOnlyList<ProfileRow> Intervals => Profile.Entries;

    /// <summary>Builds the log from the data sets of the answer.</summary>
    /// <exception cref="FormatException">Not a P.02 answer, a period other than 10 min, or a malformed line (named).</exception>
    public static AnalysisLog Parse(IReadOnlyList<DataSet> sets)
    {
        foreach (var set in sets)
            if (set.Address.Length > 0 && set.Address != AnalysisChannels.Address)
                throw new FormatException($"analysis logger: expected {AnalysisChannels.Address} headers, received {set}");
        var profile = ProfileReadout.Parse(sets);
        foreach (var row in profile.Entries)
        {
            if (row.PeriodMinutes != AnalysisChannels.PeriodMinutes)
                throw new FormatException($"analysis logger: a period of {row.PeriodMinutes} min; the logger aggregates 10-min values (IEC 61000-4-30 §4.5.2)");
            StatusFlags(row); // checks the status is hex
        }
        return new AnalysisLog(profile);
    }

    /// <summary>True when the interval is flagged (status bit 80).</summary>
    public static bool IsFlagged(ProfileRow row) => (StatusFlags(row) & FlaggedBit) != 0;

    /// <summary>True when channel <paramref name="code"/> is logged.</summary>
    public bool Has(string code) => _index.ContainsKey(code);

    /// <summary>Unit of channel <paramref name="code"/> as the header gave it.</summary>
    public string UnitOf(string code) => Profile.ChannelUnits[_index[code]];

    /// <summary>Intervals that are not flagged: the ones EN 50160 evaluates.</summary>
    public IEnumerable<ProfileRow> Unflagged => Intervals.Where(r => !IsFlagged(r));

    /// <summary>Values of channel <paramref name="code"/> in <paramref name="rows"/>, in order.</summary>
    public decimal[] Values(string code, IEnumerable<ProfileRow> rows)
    {
        int i = _index.TryGetValue(code, out int k) ? k : throw new ArgumentException($"channel {code} is not logged");
        return rows.Select(r => r.Values[i]).ToArray();
    }

    private static int StatusFlags(ProfileRow row) =>
        int.TryParse(row.Status, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int flags) ? flags
            : throw new FormatException($"analysis logger: status \"{row.Status}\" at {row.End:yyyy-MM-dd HH:mm} is not hex");
}
