using Meter.Hal;
using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

public class Hd44780Tests
{
    private readonly PinLog _log = new();

    private Hd44780 NewLcd() => new(
        new RecordingPin("RS", _log), new RecordingPin("E", _log),
        new RecordingPin("DB4", _log), new RecordingPin("DB5", _log), new RecordingPin("DB6", _log), new RecordingPin("DB7", _log),
        new RecordingDelay(_log));

    [Fact]
    public void Initialisation_follows_figure_24_for_the_4_bit_interface()
    {
        NewLcd().Initialize();
        var nibbles = Hd44780Decoder.Nibbles(_log);
        // Four lone nibbles: 0011 three times (8-bit function set), then 0010 (switch to 4 bits).
        Assert.Equal(new[] { (false, 0x3), (false, 0x3), (false, 0x3), (false, 0x2) }, nibbles.Take(4));
        // Then whole instructions, upper nibble first, RS low:
        Assert.Equal(new (bool, byte)[]
        {
            (false, 0x28), // function set: DL = 0 (4 bits), N = 1 (2 lines), F = 0 (5×8)
            (false, 0x08), // display off
            (false, 0x01), // clear display
            (false, 0x06), // entry mode: increment, no shift
            (false, 0x0C), // display on, cursor off, blink off
        }, Hd44780Decoder.Bytes(_log, 4));
        // Waits: > 40 ms at power-on, > 4.1 ms, > 100 µs, then the execution times (37 µs → 50; clear 1.52 ms → 2 ms).
        Assert.Equal(new[] { 40_000, 4_100, 100, 50, 50, 50, 50, 2_000, 50, 50 }, _log.Delays);
    }

    [Fact]
    public void Data_goes_with_RS_high_and_addresses_with_set_DDRAM()
    {
        var lcd = NewLcd();
        lcd.SetDdramAddress(0x40);
        lcd.WriteData((byte)'A');
        Assert.Equal(new (bool, byte)[] { (false, 0xC0), (true, 0x41) }, Hd44780Decoder.Bytes(_log, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => lcd.SetDdramAddress(0x80));
    }
}

public class CharacterLcdPanelTests
{
    private readonly PinLog _log = new();

    private CharacterLcdPanel NewPanel(int columns, int rows) => new(new Hd44780(
        new RecordingPin("RS", _log), new RecordingPin("E", _log),
        new RecordingPin("DB4", _log), new RecordingPin("DB5", _log), new RecordingPin("DB6", _log), new RecordingPin("DB7", _log),
        new RecordingDelay(_log)), columns, rows);

    private static LcdFrame SampleFrame()
    {
        var frame = new LcdFrame();
        FrameText.SetValue(frame, "   123456");
        frame.ValuePoints = 1 << 7;  // 12345.6
        frame.Units = LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour;
        FrameText.SetId(frame, "180    ");
        frame.IdPoints = 0b11;       // 1.8.0
        frame.Tariff = 2;
        frame.Quadrant = 1;
        frame.Symbols = LcdSymbols.L1 | LcdSymbols.L3 | LcdSymbols.Error;
        return frame;
    }

    private static IEnumerable<(bool, byte)> Text(string text) => text.Select(c => (true, (byte)c));

    [Fact]
    public void Layout_of_a_16x2_display()
    {
        var screen = new char[32];
        CharacterLayout.Render(SampleFrame(), screen, 16, 2);
        Assert.Equal("   12345.6 kWh  ", new string(screen, 0, 16));
        Assert.Equal("1.8.0   T2Q11 3E", new string(screen, 16, 16));
    }

    [Fact]
    public void Layout_of_a_20x4_display_spells_the_status_words()
    {
        var frame = SampleFrame();
        frame.Symbols |= LcdSymbols.Breaker | LcdSymbols.Battery;
        var screen = new char[80];
        CharacterLayout.Render(frame, screen, 20, 4);
        Assert.Equal("   12345.6 kWh      ", new string(screen, 0, 20));
        Assert.Equal("1.8.0   T2Q11 3     ", new string(screen, 20, 20));
        Assert.Equal("ERR         BRK     ", new string(screen, 40, 20));
        Assert.Equal("    BAT             ", new string(screen, 60, 20));
    }

    [Fact]
    public void Quality_alarm_and_the_later_units_on_a_character_display()
    {
        var frame = SampleFrame();
        frame.Symbols = LcdSymbols.QualityAlarm;
        frame.Units = LcdUnits.Percent;
        var screen = new char[80];
        CharacterLayout.Render(frame, screen, 20, 4);
        Assert.Equal("   12345.6 %        ", new string(screen, 0, 20));
        Assert.Equal("        PQ!         ", new string(screen, 60, 20));
        frame.Units = LcdUnits.CubicMetre;
        var small = new char[32];
        CharacterLayout.Render(frame, small, 16, 2);
        Assert.Equal("   12345.6 m3   ", new string(small, 0, 16));
        Assert.Equal('Q', small[31]); // the status letter
    }

    [Fact]
    public void First_frame_sends_only_the_non_blank_runs_after_initialisation()
    {
        var panel = NewPanel(16, 2);
        panel.Show(SampleFrame());
        var bytes = Hd44780Decoder.Bytes(_log, 4).Skip(5).ToList(); // after the 5 initialisation instructions
        var expected = new List<(bool, byte)>();
        expected.Add((false, 0x80 | 0x03)); expected.AddRange(Text("12345.6"));  // row 0, columns 3..9
        expected.Add((false, 0x80 | 0x0B)); expected.AddRange(Text("kWh"));      // row 0, columns 11..13
        expected.Add((false, 0x80 | 0x40)); expected.AddRange(Text("1.8.0"));    // row 1 starts at DDRAM 0x40
        expected.Add((false, 0x80 | 0x48)); expected.AddRange(Text("T2Q11"));    // columns 8..12
        expected.Add((false, 0x80 | 0x4E)); expected.AddRange(Text("3E"));       // columns 14..15
        Assert.Equal(expected, bytes);
        Assert.Equal(7 + 3 + 5 + 5 + 2, panel.LastCharactersWritten);
    }

    [Fact]
    public void Later_frames_send_only_changed_characters()
    {
        var panel = NewPanel(16, 2);
        var frame = SampleFrame();
        panel.Show(frame);
        _log.Writes.Clear();
        _log.Delays.Clear();

        frame.Value[8] = '7'; // 12345.6 → 12345.7: column 9 only
        panel.Show(frame);
        Assert.Equal(new (bool, byte)[] { (false, 0x89), (true, (byte)'7') }, Hd44780Decoder.Bytes(_log, 0));

        _log.Writes.Clear();
        panel.Show(frame);
        Assert.Empty(_log.Writes);
        Assert.Equal(0, panel.LastCharactersWritten);
    }

    [Fact]
    public void Reset_initialises_again_and_rewrites_every_non_blank_character()
    {
        var panel = NewPanel(16, 2);
        panel.Show(SampleFrame());
        _log.Writes.Clear();
        panel.Reset();
        panel.Show(SampleFrame());
        Assert.Equal(new[] { (false, 0x3), (false, 0x3), (false, 0x3), (false, 0x2) }, Hd44780Decoder.Nibbles(_log).Take(4));
        Assert.Equal(7 + 3 + 5 + 5 + 2, panel.LastCharactersWritten);
    }

    [Fact]
    public void Rows_3_and_4_of_a_20x4_module_start_at_0x14_and_0x54()
    {
        var panel = NewPanel(20, 4);
        Assert.Equal(0x14, panel.RowAddress(2));
        Assert.Equal(0x54, panel.RowAddress(3));
        var frame = new LcdFrame();
        panel.Show(frame);
        _log.Writes.Clear();
        frame.Symbols = LcdSymbols.Magnetic | LcdSymbols.Prepayment;
        panel.Show(frame);
        Assert.Equal(new (bool, byte)[] { (false, 0x80 | 0x14 + 4), (true, (byte)'M'), (true, (byte)'A'), (true, (byte)'G'),
                                           (false, 0x80 | 0x54), (true, (byte)'P'), (true, (byte)'R'), (true, (byte)'E') },
            Hd44780Decoder.Bytes(_log, 0));
    }

    [Fact]
    public void Unsupported_sizes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewPanel(8, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewPanel(16, 3));
    }
}
