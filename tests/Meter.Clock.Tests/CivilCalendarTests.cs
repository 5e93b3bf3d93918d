using CsCheck;
using Meter.Clock;

namespace Meter.Clock.Tests;

public class CivilCalendarTests
{
    [Theory]
    // 946 684 800 s (Unix time of 2000-01-01) / 86 400 = 10 957 days
    [InlineData(2000, 1, 1, 10957)]
    // Unix time 1 709 164 800 = 2024-02-29T00:00Z → / 86 400 = 19 782
    [InlineData(2024, 2, 29, 19782)]
    // one day later: the leap day rolls into 1 March
    [InlineData(2024, 3, 1, 19783)]
    // 1970-01-01 is day 0; the day before is -1
    [InlineData(1970, 1, 1, 0)]
    [InlineData(1969, 12, 31, -1)]
    // 2025 has 365 days: 2025-12-31 = 2025-01-01 (20 089) + 364
    [InlineData(2025, 12, 31, 20453)]
    [InlineData(2026, 1, 1, 20454)]
    public void Day_numbers_match_hand_worked_values(int year, int month, int day, long expected)
    {
        Assert.Equal(expected, CivilCalendar.DayNumber(year, month, day));
        CivilCalendar.FromDayNumber(expected, out int y, out int m, out int d);
        Assert.Equal((year, month, day), (y, m, d));
    }

    [Theory]
    [InlineData(1900, false)] // century, not divisible by 400
    [InlineData(2000, true)]  // divisible by 400
    [InlineData(2024, true)]
    [InlineData(2025, false)]
    [InlineData(2100, false)]
    public void Leap_years_follow_the_Gregorian_rule(int year, bool leap)
    {
        Assert.Equal(leap, CivilCalendar.IsLeapYear(year));
        Assert.Equal(leap ? 29 : 28, CivilCalendar.DaysInMonth(year, 2));
    }

    [Theory]
    // 1970-01-01 was a Thursday; 2024-02-29 = day 19 782 = 7 × 2826 → Thursday again
    [InlineData(19782, DayOfWeek.Thursday)]
    // 2025-03-30: March 31 2025 is a Monday (day 20 178), so the 30th is a Sunday
    [InlineData(20177, DayOfWeek.Sunday)]
    [InlineData(-1, DayOfWeek.Wednesday)]
    public void Weekdays_count_from_Thursday_1_January_1970(long dayNumber, DayOfWeek expected)
    {
        Assert.Equal(expected, CivilCalendar.DayOfWeekOf(dayNumber));
    }

    [Theory]
    // 31 March 2025 is a Monday → last Sunday is the 30th; 31 October 2025 a Friday → the 26th
    [InlineData(2025, 3, 2025, 3, 30)]
    [InlineData(2025, 10, 2025, 10, 26)]
    // 31 March 2024 is itself a Sunday; 31 October 2024 a Thursday → the 27th
    [InlineData(2024, 3, 2024, 3, 31)]
    [InlineData(2024, 10, 2024, 10, 27)]
    public void Last_Sunday_of_month(int year, int month, int ey, int em, int ed)
    {
        Assert.Equal(CivilCalendar.DayNumber(ey, em, ed), CivilCalendar.LastSundayOf(year, month));
    }

    [Fact]
    public void Invalid_dates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CivilCalendar.DayNumber(2025, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => CivilCalendar.DayNumber(2025, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CivilCalendar.DayNumber(2025, 4, 31));
    }

    [Fact]
    public void Agrees_with_System_DateTime_on_random_days()
    {
        // Independent oracle: .NET's own calendar, over 1601..3000 (nanoFramework's DateTime range).
        long first = (new DateTime(1601, 1, 1) - DateTime.UnixEpoch).Days;
        long last = (new DateTime(3000, 12, 31) - DateTime.UnixEpoch).Days;
        Gen.Long[first, last].Sample(dayNumber =>
        {
            DateTime expected = DateTime.UnixEpoch.AddDays(dayNumber);
            CivilCalendar.FromDayNumber(dayNumber, out int y, out int m, out int d);
            Assert.Equal((expected.Year, expected.Month, expected.Day), (y, m, d));
            Assert.Equal(dayNumber, CivilCalendar.DayNumber(y, m, d));
            Assert.Equal(expected.DayOfWeek, CivilCalendar.DayOfWeekOf(dayNumber));
        }, iter: 20000);
    }

    [Fact]
    public void Unix_seconds_round_trip_through_DateTime_and_floor_sub_seconds()
    {
        var t = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(9_999_999);
        // 2025-06-01 = day 20 240; × 86 400 + 12 h = 1 748 779 200; the 0.9999999 s is dropped
        Assert.Equal(1_748_779_200L, UnixTime.ToSeconds(t));
        Assert.Equal(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc), UnixTime.ToDateTime(1_748_779_200L));
        Assert.Equal(DateTimeKind.Utc, UnixTime.ToDateTime(0).Kind);
    }
}
