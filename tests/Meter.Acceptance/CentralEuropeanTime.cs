namespace Meter.Acceptance;

/// <summary>
/// The meter's local time rule worked out here, independently of its code (and of the machine's time-zone data, which a
/// bare CI image may lack): CET = UTC+1; CEST = UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of
/// October 01:00 UTC (Directive 2000/84/EC).
/// </summary>
public static class CentralEuropeanTime
{
    /// <summary>True when <paramref name="utc"/> is in summer time.</summary>
    public static bool IsSummer(DateTime utc) => utc >= ChangeAt(utc.Year, 3) && utc < ChangeAt(utc.Year, 10);

    /// <summary>The UTC time of local <paramref name="local"/> (in the repeated autumn hour: the summer one).</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var summer = DateTime.SpecifyKind(local.AddHours(-2), DateTimeKind.Utc);
        return IsSummer(summer) ? summer : DateTime.SpecifyKind(local.AddHours(-1), DateTimeKind.Utc);
    }

    /// <summary>Seconds since 1970 of local <paramref name="local"/>.</summary>
    public static long UnixSeconds(DateTime local) => new DateTimeOffset(ToUtc(local)).ToUnixTimeSeconds();

    // 01:00 UTC on the last Sunday of the month.
    private static DateTime ChangeAt(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
