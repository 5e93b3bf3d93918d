using Meter.Hal;
using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

public class SegmentLcdPanelTests
{
    private readonly PinLog _log = new();
    private readonly SegmentLcdPanel _panel;

    public SegmentLcdPanelTests()
    {
        // Two HT1621 sharing WR and DATA, each with its own CS.
        var wr = new RecordingPin("WR", _log);
        var data = new RecordingPin("DATA", _log);
        var delay = new RecordingDelay(_log);
        _panel = new SegmentLcdPanel(
            [new Ht1621(new RecordingPin("CS0", _log), wr, data, delay, 0), new Ht1621(new RecordingPin("CS1", _log), wr, data, delay, 0)],
            SegmentGlass.Reference());
    }

    private static string Nibbles(params int[] values) =>
        string.Concat(values.Select(v => $"{v & 1}{v >> 1 & 1}{v >> 2 & 1}{v >> 3 & 1}")); // D0..D3

    private static string FullWrite(int[] ram) => "101" + "000000" + Nibbles(ram);

    [Fact]
    public void First_frame_initialises_both_chips_and_writes_their_whole_ram()
    {
        var frame = new LcdFrame();
        frame.Value[8] = '1';              // segments b, c of value digit 8 → logical 8×8+1 = 65, 66 → chip 0 address 16 bits 1, 2 = 0x6
        frame.Units = LcdUnits.Kilo | LcdUnits.Watt | LcdUnits.Hour; // logical 128 + 0, 2, 5 → chip 1 address 0 = 0b0101, address 1 = 0b0010
        frame.Tariff = 1;                  // label 141 → chip 1 bit 13 (address 3 bit 1); digit '1' = b, c → 143, 144 → address 3 bit 3, address 4 bit 0
        frame.Symbols = LcdSymbols.Error;  // symbol bit 3 → 149 + 3 = 152 → chip 1 bit 24 → address 6 bit 0
        _panel.Show(frame);

        var chip0 = new int[32];
        chip0[16] = 0x6;
        var chip1 = new int[32];
        chip1[0] = 0x5;
        chip1[1] = 0x2;
        chip1[3] = 0xA;
        chip1[4] = 0x1;
        chip1[6] = 0x1;
        var init = new[] { "100000000010", "100000110000", "100001010010", "100000000110" };
        Assert.Equal(init.Append(FullWrite(chip0)), Ht1621Decoder.Frames(_log, "CS0"));
        Assert.Equal(init.Append(FullWrite(chip1)), Ht1621Decoder.Frames(_log, "CS1"));
        Assert.Equal(64, _panel.LastAddressesWritten);
    }

    [Fact]
    public void Later_frames_send_only_the_changed_addresses()
    {
        var frame = new LcdFrame();
        frame.Value[8] = '1';
        frame.Tariff = 1;
        _panel.Show(frame);
        _log.Writes.Clear();

        frame.Value[8] = '7'; // a, b, c → logical 64, 65, 66 → chip 0 address 16 = 0b0111
        _panel.Show(frame);
        Assert.Equal(new[] { "101" + "010000" + Nibbles(0x7) }, Ht1621Decoder.Frames(_log, "CS0"));
        Assert.Empty(Ht1621Decoder.Frames(_log, "CS1"));
        Assert.Equal(1, _panel.LastAddressesWritten);

        _log.Writes.Clear();
        frame.Tariff = 2; // '2' = a, b, d, e, g → logical 142, 143, 145, 146, 148 → chip 1 bits 14, 15, 17, 18, 20
        _panel.Show(frame);
        // address 3: label (bit 1) + bits 2, 3 = 0xE; address 4: bits 1, 2 = 0x6; address 5: bit 0 = 0x1 — one run 3..5.
        Assert.Equal(new[] { "101" + "000011" + Nibbles(0xE, 0x6, 0x1) }, Ht1621Decoder.Frames(_log, "CS1"));
        Assert.Empty(Ht1621Decoder.Frames(_log, "CS0"));

        _log.Writes.Clear();
        _panel.Show(frame); // same frame: no bus traffic at all
        Assert.Empty(_log.Writes);
    }

    [Fact]
    public void Reset_initialises_again_and_redraws_everything()
    {
        var frame = new LcdFrame();
        frame.Value[8] = '1';
        _panel.Show(frame);
        _log.Writes.Clear();
        _panel.Reset();
        _panel.Show(frame);
        var chip0 = new int[32];
        chip0[16] = 0x6;
        var init = new[] { "100000000010", "100000110000", "100001010010", "100000000110" };
        Assert.Equal(init.Append(FullWrite(chip0)), Ht1621Decoder.Frames(_log, "CS0"));
        Assert.Equal(64, _panel.LastAddressesWritten);
    }

    [Fact]
    public void Decimal_points_and_id_digits_land_on_their_segments()
    {
        var frame = new LcdFrame();
        _panel.Show(frame);
        _log.Writes.Clear();
        frame.ValuePoints = 1 << 5; // point after value digit 5: logical 5×8+7 = 47 → chip 0 address 11 bit 3
        frame.Id[0] = '8';          // all 7 segments of ID digit 0: logical 72..78 → address 18 = 0xF, address 19 = 0x7
        _panel.Show(frame);
        Assert.Equal(new[]
        {
            "101" + "001011" + Nibbles(0x8),
            "101" + "010010" + Nibbles(0xF, 0x7),
        }, Ht1621Decoder.Frames(_log, "CS0"));
    }

    [Fact]
    public void Units_and_symbols_added_later_follow_the_first_layout_which_keeps_its_segments()
    {
        // First layout: value 9 × 8 = 72 and ID 7 × 8 = 56 segments fill chip 0 (0..127); the 9 first units
        // are 128..136, quadrants 137..140, "T" 141, tariff digit 142..148, the 9 first symbols 149..157.
        Assert.Equal(136, SegmentGlass.UnitSegment(8));       // Hz
        Assert.Equal(140, SegmentGlass.QuadrantSegment(4));
        Assert.Equal(157, SegmentGlass.SymbolSegment(8));     // battery
        // Then the quality-alarm symbol (158) and the units %, m³, L (159..161).
        Assert.Equal(158, SegmentGlass.SymbolSegment(9));
        Assert.Equal(159, SegmentGlass.UnitSegment(9));
        Assert.Equal(161, SegmentGlass.UnitSegment(11));
        Assert.Equal(162, SegmentGlass.LogicalSegments);

        var frame = new LcdFrame();
        _panel.Show(frame);
        _log.Writes.Clear();
        frame.Units = LcdUnits.Percent;            // bit 159 = chip 1, address 7, COM3
        frame.Symbols = LcdSymbols.QualityAlarm;   // bit 158 = chip 1, address 7, COM2
        _panel.Show(frame);
        Assert.Equal(new[] { "101" + "000111" + Nibbles(0xC) }, Ht1621Decoder.Frames(_log, "CS1"));
        _log.Writes.Clear();
        frame.Units = LcdUnits.CubicMetre;         // bit 160 = chip 1, address 8, COM0
        frame.Symbols = 0;
        _panel.Show(frame);
        Assert.Equal(new[] { "101" + "000111" + Nibbles(0x0, 0x1) }, Ht1621Decoder.Frames(_log, "CS1")); // addresses 7 and 8 in one write
    }

    [Fact]
    public void Glass_maps_are_checked()
    {
        var map = new short[SegmentGlass.LogicalSegments];
        for (int i = 0; i < map.Length; i++) map[i] = (short)i;
        map[1] = 0; // bit 0 twice
        Assert.Throws<ArgumentException>(() => new SegmentGlass(2, map));
        map[1] = 300; // beyond 2 × 128 bits
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentGlass(2, map));
        map[1] = SegmentGlass.Absent;
        Assert.Equal(SegmentGlass.Absent, new SegmentGlass(2, map).BitOf(1));
        Assert.Throws<ArgumentException>(() => new SegmentLcdPanel([], SegmentGlass.Reference()));
    }

    [Theory]
    [InlineData('0', "abcdef")]
    [InlineData('1', "bc")]
    [InlineData('2', "abdeg")]
    [InlineData('3', "abcdg")]
    [InlineData('4', "bcfg")]
    [InlineData('5', "acdfg")]
    [InlineData('6', "acdefg")]
    [InlineData('7', "abc")]
    [InlineData('8', "abcdefg")]
    [InlineData('9', "abcdfg")]
    [InlineData('-', "g")]
    [InlineData('E', "adefg")]
    [InlineData('r', "eg")]
    [InlineData('F', "aefg")]
    [InlineData(' ', "")]
    [InlineData('?', "")]
    public void Seven_segment_font(char c, string segments)
    {
        int expected = segments.Sum(s => 1 << (s - 'a'));
        Assert.Equal(expected, SevenSegmentFont.Segments(c));
    }
}
