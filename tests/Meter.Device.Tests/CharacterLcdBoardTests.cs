using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Device.Tests.Fakes;
using Meter.Hal;
using Meter.Hal.Device;
using Meter.Hal.Lcd;

namespace Meter.Device.Tests;

/// <summary>The DevKitC variant with an HD44780 character LCD: the board selects the driver and the app gets a working panel.</summary>
public class CharacterLcdBoardTests
{
    private const int Rs = 4, E = 2, Db4 = 13, Db5 = 14, Db6 = 15, Db7 = 33; // boards/README.md wiring table

    private sealed class NoDelay : IDelay
    {
        public void Wait(int microseconds) { }
    }

    /// <summary>HD44780 4-bit transfers read back from the GPIO writes: RS and DB4..DB7 latched on each falling edge of E.</summary>
    private static List<(bool Rs, int Nibble)> Nibbles(RecordingBoardIo io)
    {
        var result = new List<(bool, int)>();
        var level = new Dictionary<int, bool> { [Rs] = false, [E] = false, [Db4] = false, [Db5] = false, [Db6] = false, [Db7] = false };
        foreach (var (gpio, high) in io.Writes)
        {
            if (gpio == E && level[E] && !high)
                result.Add((level[Rs], (level[Db4] ? 1 : 0) | (level[Db5] ? 2 : 0) | (level[Db6] ? 4 : 0) | (level[Db7] ? 8 : 0)));
            if (level.ContainsKey(gpio)) level[gpio] = high;
        }
        return result;
    }

    [Fact]
    public void The_lcd_variant_opens_a_20x4_character_panel_on_its_six_gpios_with_e_low_at_reset()
    {
        var io = new RecordingBoardIo();
        var hw = new BoardHardware(BoardCatalog.ByName("devkitc-eval-ade7880-lcd"), io, new NoDelay());
        Assert.IsType<CharacterLcdPanel>(hw.Lcd);
        Assert.Null(hw.LcdChips); // nothing for the app to initialise: the panel does it with its first frame
        Assert.False(io.Outputs[E]);   // E idles low (and GPIO2 must be low at reset)
        Assert.True(io.Outputs[Db6]);  // GPIO15's strapping default
        Assert.False(io.Inputs[39]);   // the seal jumper moved to GPIO39, external pull-up
        Assert.False(io.Outputs.ContainsKey(33) && io.Inputs.ContainsKey(33));
    }

    [Fact]
    public void A_frame_shown_on_the_board_reaches_the_controller_as_hd44780_4_bit_transfers()
    {
        var io = new RecordingBoardIo();
        var hw = new BoardHardware(BoardCatalog.ByName("devkitc-eval-ade7880-lcd"), io, new NoDelay());
        io.Writes.Clear();
        var frame = new LcdFrame();
        "001234567".CopyTo(0, frame.Value, 0, LcdFrame.ValueLength);
        hw.Lcd.Show(frame);

        var nibbles = Nibbles(io);
        // HD44780U Figure 24: three 8-bit function sets (0011), then 0010 selects the 4-bit interface.
        Assert.Equal(new[] { (false, 3), (false, 3), (false, 3), (false, 2) }, nibbles.Take(4));
        // Then function set 0x28 (4-bit, 2 lines, 5×8) as two nibbles.
        Assert.Equal(new[] { (false, 2), (false, 8) }, nibbles.Skip(4).Take(2));
        var data = new List<char>();
        for (int i = 4; i + 1 < nibbles.Count; i += 2)
            if (nibbles[i].Rs) data.Add((char)(nibbles[i].Nibble << 4 | nibbles[i + 1].Nibble));
        Assert.StartsWith("001234567", new string(data.ToArray()));
    }

    [Fact]
    public void A_character_lcd_board_without_one_of_the_six_lcd_pins_is_refused_naming_it()
    {
        var full = BoardCatalog.DevKitCEvalAde7880Lcd();
        var pins = new List<PinAssignment>();
        for (int i = 0; i < full.PinCount; i++)
            if (full.PinAt(i).Signal != BoardSignal.LcdData7) pins.Add(full.PinAt(i));
        var board = new BoardDefinition("no-db7", full.Module, false, 1, full.Ade7880, full.Fram, full.Rtc, null!, full.OpticalUart,
            full.NvMemory, LcdKind.Hd44780Character16x2, pins.ToArray());
        var e = Assert.Throws<InvalidOperationException>(() => new BoardHardware(board, new RecordingBoardIo(), new NoDelay()));
        Assert.Contains("LcdData7", e.Message);
    }
}
