using Meter.Clock;

namespace Meter.Clock.Tests;

/// <summary>Small helpers so tests read in calendar terms.</summary>
internal static class TestTime
{
    /// <summary>UTC seconds since 1970 of a UTC calendar time (computed with .NET, independently of the code under test).</summary>
    public static long Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) =>
        (long)(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    public static string Show(LocalDateTime l) =>
        $"{l.Year:D4}-{l.Month:D2}-{l.Day:D2} {l.Hour:D2}:{l.Minute:D2}:{l.Second:D2}{(l.IsSummerTime ? " S" : "")}";
}
