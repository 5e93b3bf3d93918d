using Meter.Storage;

namespace Meter.Storage.Tests;

public class PeriodScheduleTests
{
    [Theory]
    // Monthly (HH 01), target 15: after 20 Jan the next close is 15 Feb 00:00.
    [InlineData(15, 1, "2024-01-20 10:00", "2024-02-15 00:00")]
    // A close falls exactly on the boundary: the NEXT one is strictly after it.
    [InlineData(15, 1, "2024-02-15 00:00", "2024-03-15 00:00")]
    // Every second month from January (HH 02): Jan, Mar, May … so after 10 Feb comes 1 Mar.
    [InlineData(1, 2, "2024-02-10 00:00", "2024-03-01 00:00")]
    // Every second month from February (HH 03): after 2 Mar comes 1 Apr.
    [InlineData(1, 3, "2024-03-02 00:00", "2024-04-01 00:00")]
    // Every third month from March (HH 06): Mar, Jun, Sep, Dec; after 28 Dec 2024 → 28 Mar 2025.
    [InlineData(28, 6, "2024-12-28 00:01", "2025-03-28 00:00")]
    // Half-yearly from June (HH 12): Jun and Dec.
    [InlineData(5, 12, "2024-06-05 12:00", "2024-12-05 00:00")]
    // Yearly in February (HH 14), target 28, across a leap year: 28 Feb 2025.
    [InlineData(28, 14, "2024-02-28 00:00", "2025-02-28 00:00")]
    // Yearly in December (HH 24).
    [InlineData(1, 24, "2023-12-01 00:00", "2024-12-01 00:00")]
    public void Billing_next_closing_matches_hand_worked_dates(int target, int interval, string after, string expected)
    {
        var schedule = PeriodSchedule.ForBilling(target, interval);
        Assert.Equal(DateTime.Parse(expected), schedule.NextClosing(DateTime.Parse(after)));
    }

    /// <summary>Months of interval code HH, written out from the data sheet table.</summary>
    private static int[] MonthsOf(int code) => code switch
    {
        1 => new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
        2 => new[] { 1, 3, 5, 7, 9, 11 },
        3 => new[] { 2, 4, 6, 8, 10, 12 },
        4 => new[] { 1, 4, 7, 10 },
        5 => new[] { 2, 5, 8, 11 },
        6 => new[] { 3, 6, 9, 12 },
        >= 7 and <= 12 => new[] { code - 6, code },
        _ => new[] { code - 12 },
    };

    [Fact]
    public void Every_target_date_and_interval_code_closes_on_exactly_the_right_days_2023_to_2029()
    {
        // Independent expectation: walk every midnight with System.DateTime and keep those whose
        // day is the target and whose month is listed for the code; compare with the chain of
        // NextClosing calls. Covers the leap years 2024 and 2028.
        var start = new DateTime(2023, 1, 1);
        var end = new DateTime(2030, 1, 1);
        for (int code = 1; code <= 24; code++)
        {
            int[] months = MonthsOf(code);
            for (int target = 1; target <= 28; target++)
            {
                var schedule = PeriodSchedule.ForBilling(target, code);
                var expected = new List<DateTime>();
                for (var day = start.AddDays(1); day < end; day = day.AddDays(1))
                    if (day.Day == target && months.Contains(day.Month)) expected.Add(day);
                var actual = new List<DateTime>();
                for (var t = schedule.NextClosing(start); t < end; t = schedule.NextClosing(t)) actual.Add(t);
                Assert.Equal(expected, actual);
                foreach (int m in Enumerable.Range(1, 12)) Assert.Equal(months.Contains(m), schedule.ClosesInMonth(m));
            }
        }
    }

    [Fact]
    public void Code_00_means_externally_controlled()
    {
        Assert.True(PeriodSchedule.ForBilling(0, 1).IsExternallyControlled); // GG 00
        Assert.True(PeriodSchedule.ForBilling(15, 0).IsExternallyControlled); // HH 00
        Assert.Throws<InvalidOperationException>(() => PeriodSchedule.ForBilling(0, 1).NextClosing(new DateTime(2024, 1, 1)));
    }

    [Theory]
    [InlineData(29, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 25)]
    [InlineData(1, -1)]
    public void Out_of_range_codes_are_rejected(int target, int interval)
    {
        Assert.Throws<ArgumentException>(() => PeriodSchedule.ForBilling(target, interval));
    }

    [Fact]
    public void Logger2_daily_weekly_monthly()
    {
        // Daily: next midnight, through the leap day.
        Assert.Equal(new DateTime(2024, 2, 29), PeriodSchedule.ForLogger2(1).NextClosing(new DateTime(2024, 2, 28, 12, 0, 0)));
        // Weekly: Wednesday 28 Feb 2024 → Monday 4 Mar 2024 (ISO weeks start on Monday).
        Assert.Equal(new DateTime(2024, 3, 4), PeriodSchedule.ForLogger2(2).NextClosing(new DateTime(2024, 2, 28)));
        // A Monday midnight itself is not "after": the next one is a week later.
        Assert.Equal(new DateTime(2024, 3, 11), PeriodSchedule.ForLogger2(2).NextClosing(new DateTime(2024, 3, 4)));
        // Monthly: the 1st.
        Assert.Equal(new DateTime(2025, 1, 1), PeriodSchedule.ForLogger2(3).NextClosing(new DateTime(2024, 12, 31, 23, 59, 0)));
        Assert.Throws<ArgumentException>(() => PeriodSchedule.ForLogger2(4));
    }
}
