using Meter.Clock;
using Meter.Core;

namespace Meter.Core.Tests;

/// <summary>Friendly hours, weekdays and holidays in the meter's local time (CET/CEST, GMT code 1 with EU summer time), worked by hand.</summary>
public class FriendlyTimeTests
{
    private static readonly LocalTimeRule Cet = new(1, SummerTimeTable.Eu);
    private const long Night = 0b111111 | (1L << 22) | (1L << 23); // 22:00 … 05:59

    private static bool Friendly(long setting, int year, int month, int day, int hour, int minute, int second, int[]? holidays = null) =>
        FriendlyTime.IsFriendly(setting, Cet.ToLocal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds()), holidays ?? []);

    [Theory]
    [InlineData(2025, 1, 15, 4, 59, 59, true)]   // 05:59:59 CET
    [InlineData(2025, 1, 15, 5, 0, 0, false)]    // 06:00:00 CET
    [InlineData(2025, 1, 15, 20, 59, 59, false)] // 21:59:59 CET
    [InlineData(2025, 1, 15, 21, 0, 0, true)]    // 22:00:00 CET
    [InlineData(2025, 7, 1, 3, 59, 59, true)]    // 05:59:59 CEST
    [InlineData(2025, 7, 1, 4, 0, 0, false)]     // 06:00:00 CEST
    [InlineData(2025, 3, 30, 0, 59, 59, true)]   // 01:59:59 CET, the last second before the change to summer time
    [InlineData(2025, 3, 30, 1, 0, 0, true)]     // 03:00:00 CEST
    [InlineData(2025, 3, 30, 4, 0, 0, false)]    // 06:00:00 CEST
    public void Night_hours(int y, int mo, int d, int h, int mi, int s, bool expected) =>
        Assert.Equal(expected, Friendly(Night, y, mo, d, h, mi, s));

    [Fact]
    public void Weekend_days_in_local_time()
    {
        long weekend = (1L << (FriendlyTime.MondayBit + 5)) | (1L << (FriendlyTime.MondayBit + 6));
        Assert.False(Friendly(weekend, 2025, 1, 17, 22, 59, 59)); // Friday 23:59:59 CET
        Assert.True(Friendly(weekend, 2025, 1, 17, 23, 0, 0));   // Saturday 00:00:00 CET
        Assert.True(Friendly(weekend, 2025, 1, 19, 22, 59, 59)); // Sunday 23:59:59 CET
        Assert.False(Friendly(weekend, 2025, 1, 19, 23, 0, 0));  // Monday 00:00:00 CET
        Assert.True(Friendly(1L << FriendlyTime.MondayBit, 2025, 1, 19, 23, 0, 0));
    }

    [Fact]
    public void Holidays_of_the_holiday_table_fixed_and_once()
    {
        int[] holidays = [1225, 20250106];
        long setting = 1L << FriendlyTime.HolidayBit;
        Assert.False(Friendly(setting, 2025, 12, 24, 22, 59, 59, holidays)); // 24 Dec 23:59:59 CET
        Assert.True(Friendly(setting, 2025, 12, 24, 23, 0, 0, holidays));    // 25 Dec 00:00:00 CET
        Assert.True(Friendly(setting, 2026, 12, 25, 12, 0, 0, holidays));    // every year
        Assert.True(Friendly(setting, 2025, 1, 6, 11, 0, 0, holidays));      // Monday 6 Jan 2025 12:00
        Assert.False(Friendly(setting, 2026, 1, 6, 11, 0, 0, holidays));     // once only
        Assert.False(Friendly(0, 2025, 12, 25, 12, 0, 0, holidays));         // holidays not friendly without the bit
    }
}
