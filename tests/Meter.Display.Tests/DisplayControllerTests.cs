using CsCheck;
using Meter.Display;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Display.Tests;

public class DisplayControllerTests
{
    private static readonly ObisCode A1 = ObisCode.Parse("1.8.0");   // legal
    private static readonly ObisCode A2 = ObisCode.Parse("2.8.0");   // legal
    private static readonly ObisCode R1 = ObisCode.Parse("3.8.0");
    private static readonly ObisCode R2 = ObisCode.Parse("4.8.0");
    private static readonly ObisCode U1 = ObisCode.Parse("32.7.0");
    private static readonly ObisCode T1 = ObisCode.Parse("1.8.1");

    private readonly FakeValueSource _source = new();
    private readonly DisplayController _display;

    public DisplayControllerTests()
    {
        _source.Set(A1, 1_234_567, 0, ObisUnit.WattHour);
        _source.Set(A2, 42_000, 0, ObisUnit.WattHour);
        _source.Set(R1, 5_000, 0, ObisUnit.VarHour);
        _source.Set(U1, 2_301, -1, ObisUnit.Volt);
        _display = new DisplayController(_source, new DisplayFormat(), new MeterIndicators(), [A1, A2]);
        _display.AutomaticList.Configure([A1, R1, U1]);
        _display.ManualList.Configure([A1, A2, R1, R2, T1]);
        _display.BatteryList.Configure([A1, A2]);
    }

    private ObisCode Shown()
    {
        Assert.True(_display.TryGetCurrentCode(out var code));
        return code;
    }

    [Fact]
    public void Automatic_list_scrolls_every_ten_seconds()
    {
        _display.Start(0);
        Assert.Equal(A1, Shown());
        _display.Update(9_999);
        Assert.Equal(A1, Shown());
        _display.Update(10_000);
        Assert.Equal(R1, Shown());
        _display.Update(20_000);
        Assert.Equal(U1, Shown());
        _display.Update(30_000);
        Assert.Equal(A1, Shown()); // wraps
        Assert.Equal(DisplayMode.Automatic, _display.Mode);
    }

    [Fact]
    public void A_late_update_keeps_the_ten_second_grid()
    {
        _display.Start(1_000);
        _display.Update(36_000); // 3.5 periods: 3 steps of a 3-reading list → back to the first
        Assert.Equal(A1, Shown());
        _display.Update(40_999);
        Assert.Equal(A1, Shown());
        _display.Update(41_000); // grid 1 000 + k × 10 000
        Assert.Equal(R1, Shown());
    }

    [Fact]
    public void Button_steps_the_manual_list_and_returns_to_automatic_two_minutes_after_the_last_press()
    {
        _display.Start(0);
        _display.PressButton(5_000);
        Assert.Equal(DisplayMode.Manual, _display.Mode);
        Assert.Equal(A1, Shown()); // first press shows the first manual reading
        _display.PressButton(6_000);
        Assert.Equal(A2, Shown());
        _display.Update(6_000 + 119_999); // no scrolling in manual, still there 1 ms before the timeout
        Assert.Equal(DisplayMode.Manual, _display.Mode);
        Assert.Equal(A2, Shown());
        _display.PressButton(125_000); // a press restarts the 2 minutes
        Assert.Equal(R1, Shown());
        _display.Update(244_999);
        Assert.Equal(DisplayMode.Manual, _display.Mode);
        _display.Update(245_000); // 125 000 + 120 000
        Assert.Equal(DisplayMode.Automatic, _display.Mode);
        Assert.Equal(A1, Shown());
        _display.Update(254_999);
        Assert.Equal(A1, Shown());
        _display.Update(255_000); // automatic scroll restarts from the return
        Assert.Equal(R1, Shown());
    }

    [Fact]
    public void Manual_list_wraps_around()
    {
        _display.Start(0);
        for (int i = 0; i < 5; i++) _display.PressButton(1_000 + i);
        Assert.Equal(T1, Shown()); // 5th reading
        _display.PressButton(2_000);
        Assert.Equal(A1, Shown());
    }

    [Fact]
    public void Battery_list_is_shown_on_backup_power_and_stepped_by_the_button()
    {
        _display.Start(0);
        _display.PressButton(1_000);
        _display.SetBackupPower(true, 2_000);
        Assert.Equal(DisplayMode.Battery, _display.Mode);
        Assert.Equal(A1, Shown());
        _display.Update(2_000 + 3_600_000); // no automatic scroll and no 2-minute return on battery
        Assert.Equal(DisplayMode.Battery, _display.Mode);
        Assert.Equal(A1, Shown());
        _display.PressButton(3_700_000);
        Assert.Equal(A2, Shown());
        _display.PressButton(3_700_500);
        Assert.Equal(A1, Shown()); // 2-reading list wraps

        var frame = new LcdFrame();
        _display.Render(3_700_500, frame);
        Assert.True(frame.Has(LcdSymbols.Battery));

        _display.SetBackupPower(false, 4_000_000);
        Assert.Equal(DisplayMode.Automatic, _display.Mode);
        Assert.Equal(A1, Shown());
        _display.Update(4_010_000);
        Assert.Equal(R1, Shown());
        _display.Render(4_010_000, frame);
        Assert.False(frame.Has(LcdSymbols.Battery));
    }

    [Fact]
    public void Frame_shows_id_value_unit_and_indicators()
    {
        _display.Indicators.Quadrant = 1;
        _display.Indicators.Tariff = 2;
        _display.Indicators.SetPhase(1, true, true);
        _display.Indicators.StatusSymbols = LcdSymbols.Magnetic;
        var frame = new LcdFrame();
        _display.Render(0, frame);
        Assert.Equal("180    ", FrameText.Id(frame));
        Assert.Equal("     1234", FrameText.Value(frame)); // 1 234 567 Wh in 7.0 → 1234 kWh
        Assert.Equal(LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour, frame.Units);
        Assert.Equal(1, frame.Quadrant);
        Assert.Equal(2, frame.Tariff);
        Assert.Equal(LcdSymbols.L1 | LcdSymbols.Magnetic, frame.Symbols);

        _display.Render(20_000, frame); // third reading: 230.1 V
        Assert.Equal("3270   ", FrameText.Id(frame));
        Assert.Equal("     2301", FrameText.Value(frame));
        Assert.Equal(1 << 7, frame.ValuePoints);
        Assert.Equal(LcdUnits.Volt, frame.Units);
    }

    [Fact]
    public void Unavailable_reading_shows_dashes()
    {
        _display.Start(0);
        _display.PressButton(0);
        _display.PressButton(1);
        _display.PressButton(2);
        _display.PressButton(3); // R2: not in the source
        var frame = new LcdFrame();
        _display.Render(4, frame);
        Assert.Equal("480    ", FrameText.Id(frame));
        Assert.Equal("---------", FrameText.Value(frame));
    }

    [Fact]
    public void Phase_indicator_flashes_at_1_Hz_when_current_is_below_cut_off()
    {
        _display.Indicators.SetPhase(1, voltageAboveCutOff: true, currentAboveCutOff: false); // flashing
        _display.Indicators.SetPhase(2, true, true); // on
        _display.Indicators.SetPhase(3, false, false); // off
        var frame = new LcdFrame();
        foreach (var (t, lit) in new[] { (0L, true), (499L, true), (500L, false), (999L, false), (1_000L, true), (1_500L, false) })
        {
            _display.Render(t, frame);
            Assert.Equal(lit, frame.Has(LcdSymbols.L1));
            Assert.True(frame.Has(LcdSymbols.L2));
            Assert.False(frame.Has(LcdSymbols.L3));
        }
    }

    [Fact]
    public void Error_code_lights_the_symbol_and_adds_an_error_screen_to_the_automatic_list()
    {
        _display.Indicators.ErrorCode = 7;
        var frame = new LcdFrame();
        _display.Render(0, frame);
        Assert.True(frame.Has(LcdSymbols.Error));
        _display.Render(30_000, frame); // after the 3 readings: the error screen
        Assert.True(_display.ShowsErrorCode);
        Assert.Equal("Err     7", FrameText.Value(frame));
        Assert.Equal("FF     ", FrameText.Id(frame));
        Assert.Equal(1, frame.IdPoints);
        _display.Render(40_000, frame);
        Assert.Equal("180    ", FrameText.Id(frame)); // cycle of 4 wraps to the first reading

        _display.Render(70_000, frame); // error screen again …
        Assert.True(_display.ShowsErrorCode);
        _display.Indicators.ErrorCode = 0; // … cleared: back to the first reading, no symbol
        _display.Render(70_001, frame);
        Assert.False(_display.ShowsErrorCode);
        Assert.Equal("180    ", FrameText.Id(frame));
        Assert.False(frame.Has(LcdSymbols.Error));
    }

    [Fact]
    public void Status_code_adds_a_status_screen_after_the_error_screen_without_the_error_symbol()
    {
        _display.Indicators.StatusCode = 0x01; // e.g. the clock is not valid after a backup loss
        var frame = new LcdFrame();
        _display.Render(0, frame);
        Assert.False(frame.Has(LcdSymbols.Error)); // a status is not a critical error
        _display.Render(30_000, frame); // 3 readings (0, 10, 20 s), then the status screen
        Assert.True(_display.ShowsStatusCode);
        Assert.False(_display.ShowsErrorCode);
        Assert.Equal("       01", FrameText.Value(frame));
        Assert.Equal("C50    ", FrameText.Id(frame)); // 0-0:96.5.0 as "C.5.0"
        Assert.Equal(0b11, frame.IdPoints);             // points after "C" and after "5"
        _display.Render(40_000, frame);
        Assert.Equal("180    ", FrameText.Id(frame));   // cycle of 4 wraps

        _display.Indicators.ErrorCode = 7; // both: readings, error screen, status screen (cycle of 5)
        _display.Render(70_000, frame);
        Assert.True(_display.ShowsErrorCode);
        Assert.Equal("Err     7", FrameText.Value(frame));
        _display.Render(80_000, frame);
        Assert.True(_display.ShowsStatusCode);
        Assert.Equal("       01", FrameText.Value(frame));
        _display.Render(90_000, frame);
        Assert.Equal("180    ", FrameText.Id(frame));

        _display.Indicators.StatusCode = 0; // cleared while the error stays: cycle of 4 again
        _display.Render(120_000, frame);    // positions 0..3 at 90, 100, 110, 120 s: the error screen
        Assert.True(_display.ShowsErrorCode);
        _display.Render(130_000, frame);
        Assert.False(_display.ShowsStatusCode);
        Assert.Equal("180    ", FrameText.Id(frame));
    }

    [Fact]
    public void Status_screen_is_not_in_the_manual_or_battery_list()
    {
        _display.Indicators.StatusCode = 0x01;
        var frame = new LcdFrame();
        _display.Render(0, frame);
        _display.PressButton(1_000);
        for (int i = 0; i < 5; i++)
        {
            _display.PressButton(2_000 + i * 1_000);
            _display.Render(2_000 + i * 1_000, frame);
            Assert.False(_display.ShowsStatusCode);
        }
        _display.SetBackupPower(true, 10_000);
        _display.Render(10_000, frame);
        Assert.False(_display.ShowsStatusCode);
        Assert.Equal("180    ", FrameText.Id(frame));
    }

    [Fact]
    public void Button_does_nothing_without_a_manual_list_and_empty_lists_show_blank_fields()
    {
        var display = new DisplayController(_source, new DisplayFormat(), new MeterIndicators(), null!);
        display.Start(0);
        display.PressButton(100);
        Assert.Equal(DisplayMode.Automatic, display.Mode);
        var frame = new LcdFrame();
        display.Render(200, frame);
        Assert.False(display.TryGetCurrentCode(out _));
        Assert.Equal("         ", FrameText.Value(frame));
        Assert.Equal("       ", FrameText.Id(frame));
    }

    [Fact]
    public void Reads_through_the_obis_register_table()
    {
        var store = new ObisMemoryStore(8);
        var table = new ObisTable(8);
        table.Add(new RegisterObject(A1, ObisUnit.WattHour, 0, store));
        store.SetInteger(A1, 98_765_432); // 98 765.432 kWh
        var display = new DisplayController(new ObisTableDisplaySource(table), new DisplayFormat { Decimals = DisplayDecimals.Digits6Decimals3 }, new MeterIndicators(), [A1]);
        display.AutomaticList.Configure([A1, A2]);
        var frame = new LcdFrame();
        display.Render(0, frame);
        Assert.Equal(" 98765432", FrameText.Value(frame));
        Assert.Equal(1 << 5, frame.ValuePoints);
        display.Render(10_000, frame); // 2.8.0 is not in the table
        Assert.Equal("---------", FrameText.Value(frame));
    }

    /// <summary>With no button presses, the reading at time t is reading ⌊(t − start) / 10 s⌋ mod n, however irregular the updates.</summary>
    [Fact]
    public void Automatic_position_depends_only_on_elapsed_time()
    {
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[1, 60_000].Array[1, 40], Gen.Int[1, 16]).Sample((start, gaps, count) =>
        {
            var display = new DisplayController(_source, new DisplayFormat(), new MeterIndicators(), null!);
            display.AutomaticList.Configure(Enumerable.Range(0, count).Select(i => new ObisCode(1, 8, (byte)i)).ToArray());
            display.Start(start);
            long t = start;
            foreach (var gap in gaps)
            {
                t += gap;
                display.Update(t);
                Assert.Equal((int)((t - start) / 10_000 % count), display.Index);
            }
        }, iter: 2_000);
    }
}
