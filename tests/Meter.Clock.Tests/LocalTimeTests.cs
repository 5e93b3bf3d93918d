using CsCheck;
using Meter.Clock;
using static Meter.Clock.Tests.TestTime;

namespace Meter.Clock.Tests;

public class LocalTimeTests
{
    [Fact]
    public void Gmt_codes_follow_the_seed_table()
    {
        // Kamstrup 351 data sheet, "LL GMT": 00 London, 01 DK/DE/FR/ES/NO/SE, 02 FI, … 12 = +12,
        // then 13 = -11 … 23 = -1.
        int[] expected = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1 };
        for (int code = 0; code <= 23; code++)
        {
            Assert.Equal(expected[code], GmtZone.OffsetHours(code));
            Assert.Equal(code, GmtZone.CodeForOffsetHours(expected[code]));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => GmtZone.OffsetHours(24));
        Assert.Throws<ArgumentOutOfRangeException>(() => GmtZone.OffsetHours(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalTimeRule(24, SummerTimeTable.None));
    }

    [Theory]
    // code 19 = -5 h: 2025-01-01 03:00Z is still New Year's Eve 22:00 locally (year end backwards)
    [InlineData(19, 2025, 1, 1, 3, 0, "2024-12-31 22:00:00")]
    // code 13 = -11 h: 2024-03-01 10:00Z → 2024-02-29 23:00 (leap day, backwards over the month end)
    [InlineData(13, 2024, 3, 1, 10, 0, "2024-02-29 23:00:00")]
    // code 12 = +12 h: 2025-12-31 12:00Z → 2026-01-01 00:00 (year end forwards)
    [InlineData(12, 2025, 12, 31, 12, 0, "2026-01-01 00:00:00")]
    // code 02 = +2 h: 2024-02-28 22:30Z → 2024-02-29 00:30 (into the leap day)
    [InlineData(2, 2024, 2, 28, 22, 30, "2024-02-29 00:30:00")]
    // code 00: local = UTC
    [InlineData(0, 2025, 6, 30, 23, 59, "2025-06-30 23:59:00")]
    public void Standard_time_with_positive_and_negative_codes(int code, int y, int mo, int d, int h, int mi, string expected)
    {
        var rule = new LocalTimeRule(code, SummerTimeTable.None);
        Assert.Equal(expected, Show(rule.ToLocal(Utc(y, mo, d, h, mi))));
    }

    [Fact]
    public void Eu_summer_time_2025_begins_last_Sunday_of_March_01_00_UTC()
    {
        var cet = new LocalTimeRule(1, SummerTimeTable.Eu);
        // 30 March 2025, one second before 01:00Z: 01:59:59 CET (standard)
        Assert.Equal("2025-03-30 01:59:59", Show(cet.ToLocal(Utc(2025, 3, 30, 0, 59, 59))));
        // at 01:00:00Z the clock jumps to 03:00:00 CEST
        Assert.Equal("2025-03-30 03:00:00 S", Show(cet.ToLocal(Utc(2025, 3, 30, 1, 0, 0))));
        Assert.Equal(7200, cet.UtcOffsetSeconds(Utc(2025, 3, 30, 1)));
        // Finland (code 02) changes at the same instant: 02:59:59 EET → 04:00:00 EEST
        var eet = new LocalTimeRule(2, SummerTimeTable.Eu);
        Assert.Equal("2025-03-30 02:59:59", Show(eet.ToLocal(Utc(2025, 3, 30, 0, 59, 59))));
        Assert.Equal("2025-03-30 04:00:00 S", Show(eet.ToLocal(Utc(2025, 3, 30, 1))));
        // London (code 00): 00:59:59 GMT → 02:00:00 BST
        var gmt = new LocalTimeRule(0, SummerTimeTable.Eu);
        Assert.Equal("2025-03-30 02:00:00 S", Show(gmt.ToLocal(Utc(2025, 3, 30, 1))));
    }

    [Fact]
    public void Eu_summer_time_2025_ends_last_Sunday_of_October_01_00_UTC_and_repeats_an_hour()
    {
        var cet = new LocalTimeRule(1, SummerTimeTable.Eu);
        // 26 October 2025: 00:59:59Z = 02:59:59 CEST; 01:00:00Z = 02:00:00 CET (02:xx happens twice)
        Assert.Equal("2025-10-26 02:59:59 S", Show(cet.ToLocal(Utc(2025, 10, 26, 0, 59, 59))));
        Assert.Equal("2025-10-26 02:00:00", Show(cet.ToLocal(Utc(2025, 10, 26, 1))));
        // the summer-time flag tells the two 02:30 apart
        Assert.Equal(Utc(2025, 10, 26, 0, 30), cet.ToUtcSeconds(2025, 10, 26, 2, 30, 0, true));
        Assert.Equal(Utc(2025, 10, 26, 1, 30), cet.ToUtcSeconds(2025, 10, 26, 2, 30, 0, false));
    }

    [Fact]
    public void The_skipped_spring_hour_does_not_exist_in_either_flag()
    {
        var cet = new LocalTimeRule(1, SummerTimeTable.Eu);
        // 30 March 2025 02:30 local: as CET it would be 01:30Z (already summer), as CEST 00:30Z (still winter)
        Assert.Throws<ArgumentException>(() => cet.ToUtcSeconds(2025, 3, 30, 2, 30, 0, false));
        Assert.Throws<ArgumentException>(() => cet.ToUtcSeconds(2025, 3, 30, 2, 30, 0, true));
        // a summer flag in January contradicts the rule
        Assert.Throws<ArgumentException>(() => cet.ToUtcSeconds(2025, 1, 15, 12, 0, 0, true));
    }

    [Fact]
    public void Negative_offset_with_EU_rule_changes_at_the_same_UTC_instant()
    {
        // code 23 = -1 h (Azores-like): 01:00Z on 30 March 2025 is 00:00 standard → 01:00 summer
        var rule = new LocalTimeRule(23, SummerTimeTable.Eu);
        Assert.Equal("2025-03-29 23:59:59", Show(rule.ToLocal(Utc(2025, 3, 30, 0, 59, 59))));
        Assert.Equal("2025-03-30 01:00:00 S", Show(rule.ToLocal(Utc(2025, 3, 30, 1))));
        Assert.Equal("2025-10-26 00:00:00", Show(rule.ToLocal(Utc(2025, 10, 26, 1))));
    }

    [Fact]
    public void Summer_time_2024_uses_31_March_and_27_October()
    {
        Assert.Equal(Utc(2024, 3, 31, 1), EuSummerTime.StartUtc(2024));
        Assert.Equal(Utc(2024, 10, 27, 1), EuSummerTime.EndUtc(2024));
        Assert.Equal(Utc(2024, 3, 31, 1), EuSummerTime.NextChangeAfter(Utc(2024, 1, 1)));
        Assert.Equal(Utc(2024, 10, 27, 1), EuSummerTime.NextChangeAfter(Utc(2024, 3, 31, 1)));
        Assert.Equal(Utc(2025, 3, 30, 1), EuSummerTime.NextChangeAfter(Utc(2024, 10, 27, 1)));
    }

    [Fact]
    public void Without_summer_time_table_the_offset_never_changes()
    {
        var rule = new LocalTimeRule(1, SummerTimeTable.None);
        Assert.Equal("2025-07-01 13:00:00", Show(rule.ToLocal(Utc(2025, 7, 1, 12))));
        Assert.Equal(long.MaxValue, rule.NextOffsetChangeAfter(Utc(2025, 1, 1)));
    }

    [Fact]
    public void Matches_the_IANA_zone_Europe_Berlin_for_code_01_with_EU_rule()
    {
        // Independent oracle: the operating system's tz database (Germany follows the EU rule since 1996).
        TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var rule = new LocalTimeRule(1, SummerTimeTable.Eu);
        Gen.Long[Utc(1997, 1, 1), Utc(2037, 12, 31)].Sample(utc =>
        {
            DateTime expected = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(utc), berlin);
            LocalDateTime local = rule.ToLocal(utc);
            Assert.Equal(expected.ToString("yyyy-MM-dd HH:mm:ss"), Show(local).Replace(" S", ""));
            Assert.Equal(berlin.IsDaylightSavingTime(DateTime.UnixEpoch.AddSeconds(utc)), local.IsSummerTime);
        }, iter: 20000);
    }

    [Fact]
    public void Local_time_with_flag_round_trips_to_UTC_for_every_code()
    {
        Gen.Select(Gen.Long[Utc(2000, 1, 2), Utc(2099, 12, 30)], Gen.Int[0, 23], Gen.Bool).Sample((utc, code, eu) =>
        {
            var rule = new LocalTimeRule(code, eu ? SummerTimeTable.Eu : SummerTimeTable.None);
            LocalDateTime l = rule.ToLocal(utc);
            Assert.Equal(utc, rule.ToUtcSeconds(l.Year, l.Month, l.Day, l.Hour, l.Minute, l.Second, l.IsSummerTime));
            Assert.Equal(utc, l.UtcSeconds);
        }, iter: 20000);
    }
}

public class LocalScheduleTests
{
    private static long Local(int y, int mo, int d, int h = 0, int mi = 0) =>
        (long)(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    [Fact]
    public void Local_schedule_times_map_to_their_first_UTC_occurrence()
    {
        var cet = new LocalTimeRule(1, SummerTimeTable.Eu);
        // ordinary: local midnight 1 February 2025 (CET) = 31 January 23:00Z
        Assert.Equal(Utc(2025, 1, 31, 23), cet.FirstUtcAtOrAfterLocal(Local(2025, 2, 1)));
        // summer: local midnight 1 July 2025 (CEST) = 30 June 22:00Z
        Assert.Equal(Utc(2025, 6, 30, 22), cet.FirstUtcAtOrAfterLocal(Local(2025, 7, 1)));
        // skipped 02:30 on 30 March 2025 → the change instant 01:00Z (shown as 03:00 CEST)
        Assert.Equal(Utc(2025, 3, 30, 1), cet.FirstUtcAtOrAfterLocal(Local(2025, 3, 30, 2, 30)));
        // repeated 02:30 on 26 October 2025 → its first occurrence, 02:30 CEST = 00:30Z
        Assert.Equal(Utc(2025, 10, 26, 0, 30), cet.FirstUtcAtOrAfterLocal(Local(2025, 10, 26, 2, 30)));
        // code 23 (-1 h): local midnight of 30 March 2025 is skipped (23:59:59 → 01:00) → 01:00Z
        var azores = new LocalTimeRule(23, SummerTimeTable.Eu);
        Assert.Equal(Utc(2025, 3, 30, 1), azores.FirstUtcAtOrAfterLocal(Local(2025, 3, 30)));
        // no summer time: plain offset, code 19 (-5 h): local midnight = 05:00Z
        Assert.Equal(Utc(2025, 7, 1, 5), new LocalTimeRule(19, SummerTimeTable.None).FirstUtcAtOrAfterLocal(Local(2025, 7, 1)));
    }

    [Fact]
    public void First_UTC_occurrence_is_the_earliest_instant_showing_that_local_time_or_later()
    {
        Gen.Select(Gen.Long[Utc(2000, 1, 2), Utc(2099, 12, 30)], Gen.Int[0, 23]).Sample((local, code) =>
        {
            var rule = new LocalTimeRule(code, SummerTimeTable.Eu);
            long u = rule.FirstUtcAtOrAfterLocal(local);
            Assert.True(rule.ToLocal(u).LocalSeconds >= local);
            Assert.True(rule.ToLocal(u - 1).LocalSeconds < local);
        }, iter: 20000);
    }
}
