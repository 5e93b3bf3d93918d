using CsCheck;
using Meter.Clock;
using static Meter.Clock.Tests.TestTime;

namespace Meter.Clock.Tests;

public class TariffTimetableTests
{
    private static readonly LocalTimeRule Cet = new(1, SummerTimeTable.Eu);

    // Working day: T1 night, T2 from 07:00, T3 peak 17:00–21:00, T2 until 22:00, then T1.
    private static TariffDayProfile WorkingDay() => new TariffDayProfile(0).SwitchAt(7, 0, 1).SwitchAt(17, 0, 2).SwitchAt(21, 0, 1).SwitchAt(22, 0, 0);

    private static TariffController Controller(TariffTimetable table)
    {
        var c = new TariffController(Cet);
        c.UseTimetable(table);
        return c;
    }

    [Fact]
    public void Day_profile_applies_each_point_from_its_own_second()
    {
        TariffDayProfile day = WorkingDay();
        Assert.Equal(0, day.TariffAt(0));
        Assert.Equal(0, day.TariffAt(7 * 3600 - 1)); // 06:59:59
        Assert.Equal(1, day.TariffAt(7 * 3600));     // 07:00:00
        Assert.Equal(1, day.TariffAt(17 * 3600 - 1));
        Assert.Equal(2, day.TariffAt(17 * 3600));
        Assert.Equal(1, day.TariffAt(21 * 3600 + 1800));
        Assert.Equal(0, day.TariffAt(86399));
        Assert.Equal(7 * 3600, day.NextSwitchAfter(0));
        Assert.Equal(17 * 3600, day.NextSwitchAfter(7 * 3600));
        Assert.Equal(86400, day.NextSwitchAfter(22 * 3600));
    }

    [Fact]
    public void Day_profile_rejects_bad_points()
    {
        Assert.Throws<ArgumentException>(() => new TariffDayProfile(0).SwitchAt(8, 0, 1).SwitchAt(7, 0, 2));
        Assert.Throws<ArgumentException>(() => new TariffDayProfile(0).SwitchAt(0, 0, 1)); // 00:00 is set by the constructor
        Assert.Throws<ArgumentOutOfRangeException>(() => new TariffDayProfile(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TariffDayProfile(0).SwitchAt(24, 0, 1));
        var full = new TariffDayProfile(0);
        for (int i = 1; i < TariffDayProfile.MaxSwitchingPoints; i++) full.SwitchAt(i, 0, i % 8);
        Assert.Throws<InvalidOperationException>(() => full.SwitchAt(23, 30, 0));
    }

    [Fact]
    public void Day_types_from_weekday_and_holiday_table()
    {
        var holidays = new HolidayTable().AddFixed(5, 1).AddFixed(12, 25).AddDate(2025, 4, 18);
        var table = TariffTimetable.AllYear(holidays, WorkingDay(), new TariffDayProfile(1), new TariffDayProfile(3));
        DayType TypeAtNoonUtc(int y, int m, int d) => table.DayTypeOf(Cet.ToLocal(Utc(y, m, d, 12)));
        Assert.Equal(DayType.WorkingDay, TypeAtNoonUtc(2025, 5, 5));       // Monday
        Assert.Equal(DayType.Saturday, TypeAtNoonUtc(2025, 5, 3));         // Saturday
        Assert.Equal(DayType.SundayOrHoliday, TypeAtNoonUtc(2025, 5, 4));  // Sunday
        Assert.Equal(DayType.SundayOrHoliday, TypeAtNoonUtc(2025, 5, 1));  // Thursday, fixed holiday
        Assert.Equal(DayType.SundayOrHoliday, TypeAtNoonUtc(2026, 5, 1));  // fixed dates recur: Friday 2026
        Assert.Equal(DayType.SundayOrHoliday, TypeAtNoonUtc(2025, 4, 18)); // Good Friday 2025, explicit
        Assert.Equal(DayType.WorkingDay, TypeAtNoonUtc(2026, 4, 17));      // the explicit date does not recur
        Assert.Equal(DayType.Saturday, TypeAtNoonUtc(2026, 4, 18));
    }

    [Fact]
    public void Holidays_follow_the_local_date_not_the_UTC_date()
    {
        var holidays = new HolidayTable().AddFixed(12, 25);
        var c = Controller(TariffTimetable.AllYear(holidays, WorkingDay(), WorkingDay(), new TariffDayProfile(3)));
        // 2025-12-24 23:30Z is already 25 December 00:30 CET → holiday profile T4
        Assert.Equal(3, c.Evaluate(Utc(2025, 12, 24, 23, 30)));
        // 22:59:59Z is 23:59:59 on Wednesday 24 December → working day, night tariff T1
        Assert.Equal(0, c.Evaluate(Utc(2025, 12, 24, 22, 59, 59)));
        // 2025-12-25 23:00Z is 26 December 00:00 CET (Friday) → working day again
        Assert.Equal(0, c.Evaluate(Utc(2025, 12, 25, 23, 0)));
    }

    [Fact]
    public void Holiday_table_rejects_bad_dates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HolidayTable().AddFixed(2, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HolidayTable().AddDate(2025, 2, 29));
        new HolidayTable().AddDate(2024, 2, 29); // leap day exists in 2024
    }

    [Fact]
    public void Seasons_wrap_around_the_year_and_switch_at_local_midnight()
    {
        // summer from 1 April: flat T2; winter from 1 October: flat T1
        var summer = new TariffDayProfile(1);
        var winter = new TariffDayProfile(0);
        var table = new TariffTimetable(new HolidayTable())
            .AddSeason(new TariffSeason(10, 1, winter, winter, winter))
            .AddSeason(new TariffSeason(4, 1, summer, summer, summer));
        var c = Controller(table);
        // 31 March 2025 22:00Z = 1 April 00:00 CEST → summer starts
        Assert.Equal(0, c.Evaluate(Utc(2025, 3, 31, 21, 59, 59)));
        Assert.Equal(1, c.Evaluate(Utc(2025, 3, 31, 22, 0, 0)));
        // 30 September 22:00Z = 1 October 00:00 CEST → winter
        Assert.Equal(1, c.Evaluate(Utc(2025, 9, 30, 21, 59, 59)));
        Assert.Equal(0, c.Evaluate(Utc(2025, 9, 30, 22, 0, 0)));
        // 1 January is before the first start (1 April) → the last season of the year before (winter)
        Assert.Equal(0, c.Evaluate(Utc(2025, 1, 1, 12)));
    }

    [Fact]
    public void Season_from_1_March_starts_after_the_leap_day()
    {
        var table = new TariffTimetable(new HolidayTable())
            .AddSeason(new TariffSeason(1, 1, new TariffDayProfile(0), new TariffDayProfile(0), new TariffDayProfile(0)))
            .AddSeason(new TariffSeason(3, 1, new TariffDayProfile(5), new TariffDayProfile(5), new TariffDayProfile(5)));
        var c = Controller(table);
        // 2024-02-29 22:59:59Z = 23:59:59 CET on the leap day; 23:00Z = 1 March 00:00 CET
        Assert.Equal(0, c.Evaluate(Utc(2024, 2, 29, 22, 59, 59)));
        Assert.Equal(5, c.Evaluate(Utc(2024, 2, 29, 23, 0, 0)));
        // year end: 2024-12-31 23:00Z = 2025-01-01 00:00 CET → back to the 1 January season
        Assert.Equal(5, c.Evaluate(Utc(2024, 12, 31, 22, 59, 59)));
        Assert.Equal(0, c.Evaluate(Utc(2024, 12, 31, 23, 0, 0)));
    }

    [Fact]
    public void Bad_seasons_are_rejected()
    {
        var p = new TariffDayProfile(0);
        var table = new TariffTimetable(new HolidayTable()).AddSeason(new TariffSeason(4, 1, p, p, p));
        Assert.Throws<ArgumentException>(() => table.AddSeason(new TariffSeason(4, 1, p, p, p)));
        Assert.Equal(1, table.SeasonCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TariffSeason(2, 29, p, p, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TariffSeason(4, 31, p, p, p));
        Assert.Throws<ArgumentException>(() => new TariffController(Cet).UseTimetable(new TariffTimetable(new HolidayTable())));
    }

    [Fact]
    public void Switching_points_follow_local_time_through_both_summer_time_changes()
    {
        var c = Controller(TariffTimetable.AllYear(new HolidayTable(), WorkingDay(), WorkingDay(), WorkingDay()));
        // winter (Wednesday 15 January 2025): 07:00 CET = 06:00Z
        Assert.Equal(0, c.Evaluate(Utc(2025, 1, 15, 5, 59, 59)));
        Assert.Equal(1, c.Evaluate(Utc(2025, 1, 15, 6, 0, 0)));
        // summer (Wednesday 16 July 2025): 07:00 CEST = 05:00Z
        Assert.Equal(0, c.Evaluate(Utc(2025, 7, 16, 4, 59, 59)));
        Assert.Equal(1, c.Evaluate(Utc(2025, 7, 16, 5, 0, 0)));
    }

    [Fact]
    public void A_switch_inside_the_skipped_or_repeated_hour()
    {
        // Sundays: T1, T4 from 02:30 local
        var sunday = new TariffDayProfile(0).SwitchAt(2, 30, 3);
        var c = Controller(TariffTimetable.AllYear(new HolidayTable(), WorkingDay(), WorkingDay(), sunday));
        // spring, 30 March 2025: 02:30 never happens; at 01:00Z the clock shows 03:00 CEST and T4 applies
        Assert.Equal(0, c.Evaluate(Utc(2025, 3, 30, 0, 59, 59))); // 01:59:59 CET
        Assert.Equal(3, c.Evaluate(Utc(2025, 3, 30, 1, 0, 0)));   // 03:00:00 CEST
        // autumn, 26 October 2025: 02:30 happens twice
        Assert.Equal(0, c.Evaluate(Utc(2025, 10, 26, 0, 29, 59))); // 02:29:59 CEST
        Assert.Equal(3, c.Evaluate(Utc(2025, 10, 26, 0, 30, 0)));  // 02:30:00 CEST
        Assert.Equal(0, c.Evaluate(Utc(2025, 10, 26, 1, 0, 0)));   // 02:00:00 CET, before 02:30 again
        Assert.Equal(3, c.Evaluate(Utc(2025, 10, 26, 1, 30, 0)));  // 02:30:00 CET
    }

    [Fact]
    public void Next_possible_change_is_the_next_switch_midnight_or_summer_time_change()
    {
        var sunday = new TariffDayProfile(0);
        var c = Controller(TariffTimetable.AllYear(new HolidayTable(), WorkingDay(), WorkingDay(), sunday));
        // Wednesday 15 January 2025 05:50Z (06:50 CET): next switch 07:00 CET = 06:00Z
        Assert.Equal(Utc(2025, 1, 15, 6), c.NextPossibleChange(Utc(2025, 1, 15, 5, 50)));
        // 22:30 CET: no switch left today → local midnight = 23:00Z
        Assert.Equal(Utc(2025, 1, 15, 23), c.NextPossibleChange(Utc(2025, 1, 15, 21, 30)));
        // Sunday 30 March 2025 00:30Z (01:30 CET): the summer-time change at 01:00Z comes before midnight
        Assert.Equal(Utc(2025, 3, 30, 1), c.NextPossibleChange(Utc(2025, 3, 30, 0, 30)));
        // after it, local midnight 00:00 CEST = 22:00Z
        Assert.Equal(Utc(2025, 3, 30, 22), c.NextPossibleChange(Utc(2025, 3, 30, 1)));
    }

    [Fact]
    public void A_switch_on_an_integration_period_boundary_splits_energy_exactly_there()
    {
        // 07:00 CET switch on Wednesday 15 January 2025 = 06:00Z, which is also a 15-minute boundary.
        var c = Controller(TariffTimetable.AllYear(new HolidayTable(), WorkingDay(), WorkingDay(), WorkingDay()));
        var period = new IntegrationPeriod(15, Cet);
        long switchAt = Utc(2025, 1, 15, 6);
        Assert.True(period.IsBoundary(switchAt));

        // Meter loop in 1-second steps from 05:45Z to 06:15Z, 1000 W = 1000 Ws a second,
        // registering each second in the tariff in force at its start and closing intervals at boundaries.
        var perTariff = new long[8];
        var intervalEnergy = new List<(long start, int tariffAtStart, long ws)>();
        long t = Utc(2025, 1, 15, 5, 45);
        long intervalStart = t, intervalWs = 0;
        int intervalTariff = c.Evaluate(t);
        for (; t < Utc(2025, 1, 15, 6, 15); t++)
        {
            if (period.IsBoundary(t) && t != intervalStart)
            {
                intervalEnergy.Add((intervalStart, intervalTariff, intervalWs));
                intervalStart = t; intervalWs = 0; intervalTariff = c.Evaluate(t);
            }
            perTariff[c.Evaluate(t)] += 1000;
            intervalWs += 1000;
        }
        intervalEnergy.Add((intervalStart, intervalTariff, intervalWs));

        // 05:45–06:00Z: 900 s × 1000 W = 900 000 Ws in T1; 06:00–06:15Z: 900 000 Ws in T2
        Assert.Equal(900_000, perTariff[0]);
        Assert.Equal(900_000, perTariff[1]);
        Assert.Equal(new[] { (Utc(2025, 1, 15, 5, 45), 0, 900_000L), (switchAt, 1, 900_000L) }, intervalEnergy);
        // the switch and the interval end coincide, so no interval holds two tariffs
        Assert.Equal(period.IntervalEnd(Utc(2025, 1, 15, 5, 50)), c.NextPossibleChange(Utc(2025, 1, 15, 5, 50)));
    }

    [Fact]
    public void The_tariff_never_changes_before_the_next_possible_change()
    {
        // Random instants 2000..2099, Danish-style table with two seasons and holidays, any GMT code:
        // the tariff one second before the hint equals the tariff now, and so does every minute between.
        var holidays = new HolidayTable().AddFixed(1, 1).AddFixed(12, 25).AddDate(2025, 4, 18);
        var table = new TariffTimetable(holidays)
            .AddSeason(new TariffSeason(4, 1, WorkingDay(), new TariffDayProfile(3).SwitchAt(2, 30, 0), new TariffDayProfile(3)))
            .AddSeason(new TariffSeason(10, 15, new TariffDayProfile(1).SwitchAt(0, 15, 2).SwitchAt(23, 45, 4), WorkingDay(), new TariffDayProfile(5)));
        Gen.Select(Gen.Long[Utc(2000, 1, 2), Utc(2099, 12, 30)], Gen.Int[0, 23]).Sample((t, code) =>
        {
            var c = new TariffController(new LocalTimeRule(code, SummerTimeTable.Eu));
            c.UseTimetable(table);
            int now = c.Evaluate(t);
            long hint = c.NextPossibleChange(t);
            Assert.True(hint > t && hint - t <= 86400);
            for (long u = t; u < hint; u += 60) Assert.Equal(now, c.Evaluate(u));
            Assert.Equal(now, c.Evaluate(hint - 1));
        }, iter: 500);
    }
}
