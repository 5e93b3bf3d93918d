using System.Globalization;

namespace Meter.Tool.Cli;

/// <summary>
/// The meter's local-time rule, as its settings define it (firmware Meter.Core MeterSettings: GMT
/// code LL = standard-time offset in whole hours, default +1; EU summer time on by default), so
/// set-clock can send the meter's local time whatever this computer's time zone is.
/// </summary>
/// <param name="StandardOffsetHours">Standard-time offset from UTC, −11..+12 h.</param>
/// <param name="EuSummerTime">EU summer time: +1 h from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (Directive 2000/84/EC, Art. 2 and 3).</param>
public sealed record MeterTimeZone(int StandardOffsetHours, bool EuSummerTime)
{
    /// <summary>The meter's default: UTC+1 with EU summer time (CET/CEST, like the virtual meter).</summary>
    public static MeterTimeZone Default { get; } = new(1, true);

    /// <summary>True when summer time is in effect at <paramref name="utc"/> (start inclusive, end exclusive).</summary>
    public bool IsSummerTime(DateTime utc) =>
        EuSummerTime && utc >= ChangeUtc(utc.Year, 3) && utc < ChangeUtc(utc.Year, 10);

    /// <summary>The meter's local wall-clock time at <paramref name="utc"/>.</summary>
    public DateTime LocalOf(DateTime utc) =>
        DateTime.SpecifyKind(utc.AddHours(StandardOffsetHours + (IsSummerTime(utc) ? 1 : 0)), DateTimeKind.Unspecified);

    /// <summary>"UTC+1" or "UTC+2 (summer time)" at <paramref name="utc"/>.</summary>
    public string OffsetText(DateTime utc)
    {
        int hours = StandardOffsetHours + (IsSummerTime(utc) ? 1 : 0);
        return "UTC" + hours.ToString("+0;-0;+0", CultureInfo.InvariantCulture) + (IsSummerTime(utc) ? " (summer time)" : "");
    }

    // 01:00 UTC on the last Sunday of the month.
    private static DateTime ChangeUtc(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
