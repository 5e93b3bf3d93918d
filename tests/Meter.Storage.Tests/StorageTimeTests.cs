using CsCheck;
using Meter.Storage;

namespace Meter.Storage.Tests;

public class StorageTimeTests
{
    [Fact]
    public void Epoch_is_2000_01_01_a_Saturday()
    {
        Assert.Equal(0, StorageTime.DaysFromCivil(2000, 1, 1));
        Assert.Equal(6, StorageTime.IsoDayOfWeek(0)); // ISO: Saturday = 6
        Assert.Equal(630822816000000000L, new DateTime(2000, 1, 1).Ticks); // 730119 days · 864 000 000 000 ticks
        Assert.Equal(new DateTime(2000, 1, 1), StorageTime.FromMinutes(0));
    }

    [Fact]
    public void Leap_days_are_counted()
    {
        // 2000 is a leap year (divisible by 400): 2000-03-01 is day 31 + 29 = 60.
        Assert.Equal(60, StorageTime.DaysFromCivil(2000, 3, 1));
        // 2024-02-29 exists (day 8825: 24 years of 365 days + 6 leap days + 31 + 28), 2100-02-29
        // does not (century not divisible by 400).
        Assert.Equal(24 * 365 + 6 + 31 + 28, StorageTime.DaysFromCivil(2024, 2, 29));
        Assert.Throws<ArgumentException>(() => StorageTime.DaysFromCivil(2100, 2, 29));
        Assert.Throws<ArgumentException>(() => StorageTime.DaysFromCivil(2023, 2, 29));
    }

    [Fact]
    public void Day_numbers_agree_with_System_DateTime_for_any_date_2000_to_2199()
    {
        var epoch = new DateTime(2000, 1, 1);
        Gen.Int[0, 73049].Sample(days =>
        {
            DateTime date = epoch.AddDays(days);
            StorageTime.CivilFromDays(days, out int y, out int m, out int d);
            return y == date.Year && m == date.Month && d == date.Day
                && StorageTime.DaysFromCivil(y, m, d) == days
                && StorageTime.IsoDayOfWeek(days) == ((int)date.DayOfWeek + 6) % 7 + 1;
        });
    }

    [Fact]
    public void Minutes_round_trip_through_DateTime()
    {
        var t = new DateTime(2024, 2, 29, 23, 45, 0);
        long minutes = StorageTime.ToMinutes(t);
        // 2000-01-01 → 2024-02-29 is 8825 days; 8825·1440 + 23·60 + 45 = 12 709 425 min.
        Assert.Equal(12_709_425, minutes);
        Assert.Equal(t, StorageTime.FromMinutes(minutes));
        Assert.Throws<ArgumentException>(() => StorageTime.ToMinutes(new DateTime(1999, 12, 31)));
    }
}
