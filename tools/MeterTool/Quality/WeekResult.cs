using System.Globalization;

namespace Meter.Tool.Quality;

/// <summary>Verdict of one EN 50160 criterion over a week, as the meter packs it (firmware/Meter.Metrology En50160Verdict).</summary>
public enum WeekVerdict
{
    /// <summary>No unflagged value of the quantity in the week.</summary>
    NoData = 0,
    /// <summary>The week meets the criterion.</summary>
    Pass = 1,
    /// <summary>It does not.</summary>
    Fail = 2,
}

/// <summary>
/// A week's EN 50160 result as the meter keeps it: 1-0:12.128.0 (current week) / 12.128.1 (last finished week),
/// a hex value of 2 bits a criterion (firmware/Meter.Core PowerQualityObjects: voltage bits 0–1, frequency 2–3,
/// THD 4–5, harmonics 6–7, unbalance 8–9), e.g. "0155" = everything passed.
/// </summary>
public sealed record WeekResult(WeekVerdict Voltage, WeekVerdict Frequency, WeekVerdict Thd, WeekVerdict Harmonics, WeekVerdict Unbalance)
{
    /// <summary>OBIS codes of the weekly objects.</summary>
    public const string CurrentWeek = MeterAddresses.QualityCurrentWeek, PreviousWeek = MeterAddresses.QualityPreviousWeek,
        WeekIntervals = MeterAddresses.QualityWeekIntervals, WeekFlaggedIntervals = MeterAddresses.QualityWeekFlagged;

    /// <summary>Criteria in bit order, with their names for the table.</summary>
    public static readonly string[] CriterionNames = ["voltage", "frequency", "THD", "harmonics", "unbalance"];

    /// <summary>The verdicts in bit order.</summary>
    public WeekVerdict[] Verdicts => [Voltage, Frequency, Thd, Harmonics, Unbalance];

    /// <summary>The week passes: the voltage was evaluated and passed and no criterion failed (as the meter decides).</summary>
    public bool Passes => Voltage == WeekVerdict.Pass && Verdicts.All(v => v != WeekVerdict.Fail);

    /// <summary>Decodes the hex value; null for the empty value (no week yet, or quality measurement off).</summary>
    /// <exception cref="FormatException">Not hex, or a 2-bit field holds 3 (no verdict has that code).</exception>
    public static WeekResult? Parse(string text)
    {
        if (text.Length == 0) return null;
        if (!int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int packed) || packed >> 10 != 0)
            throw new FormatException($"EN 50160 week result \"{text}\" is not a hex value of 5 two-bit verdicts");
        var v = new WeekVerdict[5];
        for (int i = 0; i < 5; i++)
        {
            int field = (packed >> (2 * i)) & 3;
            if (field == 3) throw new FormatException($"EN 50160 week result \"{text}\": the {CriterionNames[i]} verdict is 3 (0 no data, 1 pass, 2 fail)");
            v[i] = (WeekVerdict)field;
        }
        return new WeekResult(v[0], v[1], v[2], v[3], v[4]);
    }
}
