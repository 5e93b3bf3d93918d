using Meter.Obis;

namespace Meter.Core.Tests;

/// <summary>
/// D0 readers (VDEW convention) take the time from 0.9.1 "hhmmss" and the date from 0.9.2
/// "YYMMDD", local time; the default readout had the clock only as 0-0:1.0.0.
/// </summary>
public class LocalTimeAndDateObjectTests
{
    private static readonly ObisCode Readout = new(0, 0, 21, 0, 0, 255);

    [Fact]
    public void Time_and_date_read_the_local_clock_in_summer_time()
    {
        // 2025-07-01 22:59:58 UTC = 2025-07-02 00:59:58 CEST (UTC+2): the date is the local one, not UTC's.
        using var host = MeterRig.Start(start: new DateTime(2025, 7, 1, 22, 59, 58, DateTimeKind.Utc));
        var m = host.Meter;
        Assert.Equal("(25-07-02 00:59:58)", MeterRig.ValueText(m, StandardObjects.Clock));
        Assert.Equal("(005958)", MeterRig.ValueText(m, StandardObjects.LocalTime));
        Assert.Equal("(250702)", MeterRig.ValueText(m, StandardObjects.LocalDate));
        Assert.Equal(ObisWriteResult.ReadOnly, MeterRig.Write(m, StandardObjects.LocalTime, "120000"));
    }

    [Fact]
    public void The_default_readout_has_them_right_after_the_clock()
    {
        using var host = MeterRig.Start();
        var codes = host.Meter.Settings.ReadoutCodes;
        int clock = Array.IndexOf(codes, StandardObjects.Clock);
        Assert.Equal(StandardObjects.LocalTime, codes[clock + 1]);
        Assert.Equal(StandardObjects.LocalDate, codes[clock + 2]);
        Assert.Equal(28, codes.Length);
    }
}
