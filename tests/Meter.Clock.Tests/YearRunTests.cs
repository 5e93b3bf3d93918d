using System.Globalization;
using Meter.Clock;

namespace Meter.Clock.Tests;

/// <summary>
/// One simulated year (2025) of the residential reference profile through a 4-tariff
/// weekday/weekend timetable in Danish local time (GMT code 01, EU summer time, Danish 2025
/// holidays). Per-tariff energies must sum exactly to the total and match an independent
/// calculation done with the operating system's tz database and a plain hour-of-day rule.
/// </summary>
public class YearRunTests
{
    private const string FileName = "residential-pv-2025-15min.csv";

    // Timetable: working days T1 00–06, T2 06–17, T3 17–21, T2 21–23, T1 23–24;
    // Saturdays, Sundays and holidays T1 00–08, T4 08–22, T1 22–24.
    private static TariffTimetable Timetable()
    {
        var workingDay = new TariffDayProfile(0).SwitchAt(6, 0, 1).SwitchAt(17, 0, 2).SwitchAt(21, 0, 1).SwitchAt(23, 0, 0);
        var weekend = new TariffDayProfile(0).SwitchAt(8, 0, 3).SwitchAt(22, 0, 0);
        var holidays = new HolidayTable()
            .AddFixed(1, 1).AddFixed(12, 25).AddFixed(12, 26)
            // Danish movable holidays 2025: Maundy Thursday, Good Friday, Easter Monday, Ascension, Whit Monday
            .AddDate(2025, 4, 17).AddDate(2025, 4, 18).AddDate(2025, 4, 21).AddDate(2025, 5, 29).AddDate(2025, 6, 9);
        return TariffTimetable.AllYear(holidays, workingDay, weekend, weekend);
    }

    // The same table written independently: local time from TimeZoneInfo, rules as plain code.
    private static readonly HashSet<DateOnly> HolidayDates = new()
    {
        new(2025, 1, 1), new(2025, 12, 25), new(2025, 12, 26),
        new(2025, 4, 17), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 29), new(2025, 6, 9),
    };

    private static int ReferenceTariff(DateTime local)
    {
        bool weekendLike = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || HolidayDates.Contains(DateOnly.FromDateTime(local));
        int h = local.Hour;
        if (weekendLike) return h >= 8 && h < 22 ? 3 : 0;
        if (h < 6 || h >= 23) return 0;
        if (h >= 17 && h < 21) return 2;
        return 1;
    }

    private static string DataFile() => Meter.ReferenceData.ReferenceDataFiles.Find(FileName);

    /// <summary>"-12.3" → -123 tenths, exactly (the file has one decimal everywhere).</summary>
    private static long Tenths(string s)
    {
        int dot = s.IndexOf('.');
        if (dot < 0 || dot != s.Length - 2) throw new FormatException($"expected one decimal: '{s}'");
        long whole = long.Parse(s.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        long frac = s[dot + 1] - '0';
        return s.StartsWith('-') ? whole * 10 - frac : whole * 10 + frac;
    }

    [Fact]
    public void Per_tariff_energies_sum_to_the_total_and_match_an_independent_calculation()
    {
        var rule = new LocalTimeRule(1, SummerTimeTable.Eu);
        var period = new IntegrationPeriod(15, rule);
        var controller = new TariffController(rule);
        controller.UseTimetable(Timetable());
        TimeZoneInfo copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

        // Energies in units of 0.1 W × 0.25 h = 0.025 Wh (interval mean power in tenths of W).
        var importPerTariff = new long[8];
        var exportPerTariff = new long[8];
        var importReference = new long[8];
        var exportReference = new long[8];
        long importTotal = 0, exportTotal = 0;
        int intervals = 0, tariffChanges = 0, lastTariff = -1;

        foreach (string line in File.ReadLines(DataFile()).Skip(1))
        {
            string[] f = line.Split(',');
            DateTime start = DateTime.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            long utc = UnixTime.ToSeconds(start);
            long p = Tenths(f[1]) + Tenths(f[2]) + Tenths(f[3]); // vector sum of the phases
            long import = p > 0 ? p : 0, export = p < 0 ? -p : 0;

            // the meter: tariff at the interval start; it must not change before the interval ends
            Assert.True(period.IsBoundary(utc));
            int tariff = controller.Evaluate(utc);
            Assert.True(controller.NextPossibleChange(utc) >= period.IntervalEnd(utc), $"tariff could change inside the interval at {f[0]}");
            importPerTariff[tariff] += import;
            exportPerTariff[tariff] += export;
            importTotal += import;
            exportTotal += export;
            if (tariff != lastTariff) { tariffChanges++; lastTariff = tariff; }

            // the reference
            int expected = ReferenceTariff(TimeZoneInfo.ConvertTimeFromUtc(start, copenhagen));
            importReference[expected] += import;
            exportReference[expected] += export;
            intervals++;
        }

        Assert.Equal(365 * 96, intervals); // 2025 is not a leap year: 365 days × 96 quarter hours
        Assert.Equal(importReference, importPerTariff);
        Assert.Equal(exportReference, exportPerTariff);
        Assert.Equal(importTotal, importPerTariff.Sum());
        Assert.Equal(exportTotal, exportPerTariff.Sum());
        Assert.All(importPerTariff.Take(4), e => Assert.True(e > 0));
        Assert.All(importPerTariff.Skip(4), e => Assert.Equal(0, e));
        // data README: A+ 7826 kWh, A- 2538 kWh (0.025 Wh units / 40 000 = kWh)
        Assert.Equal(7826, Math.Round(importTotal / 40_000.0));
        Assert.Equal(2538, Math.Round(exportTotal / 40_000.0));
        // ~ 4 changes a working day, 2 a weekend day
        Assert.InRange(tariffChanges, 1000, 1500);
    }
}
