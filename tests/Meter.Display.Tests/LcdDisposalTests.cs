using Meter.Hal;
using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

/// <summary>The LCD drivers release the pins they were given, once, and refuse use afterwards.</summary>
public class LcdDisposalTests
{
    private readonly PinLog _log = new();

    private Ht1621 NewHt1621(string chipSelect) =>
        new(new RecordingPin(chipSelect, _log), new RecordingPin("WR", _log), new RecordingPin("DATA", _log), new RecordingDelay(_log), 0);

    private Hd44780 NewHd44780() => new(
        new RecordingPin("RS", _log), new RecordingPin("E", _log),
        new RecordingPin("DB4", _log), new RecordingPin("DB5", _log), new RecordingPin("DB6", _log), new RecordingPin("DB7", _log),
        new RecordingDelay(_log));

    [Fact]
    public void Ht1621_releases_its_three_pins_once_and_then_refuses_use()
    {
        var chip = NewHt1621("CS");
        chip.Initialize();
        int writes = _log.Writes.Count;

        chip.Dispose();
        chip.Dispose();

        Assert.Equal(new[] { "CS", "WR", "DATA" }, _log.Disposed);
        Assert.Throws<ObjectDisposedException>(() => chip.Initialize());
        Assert.Throws<ObjectDisposedException>(() => chip.Update(new byte[Ht1621.RamAddresses]));
        Assert.Throws<ObjectDisposedException>(() => chip.SendCommand(Ht1621Command.LcdOff));
        Assert.Equal(writes, _log.Writes.Count); // nothing reached the pins after Dispose
    }

    [Fact]
    public void Hd44780_releases_its_six_pins_once_and_then_refuses_use()
    {
        var lcd = NewHd44780();
        lcd.Initialize();
        int writes = _log.Writes.Count;

        lcd.Dispose();
        lcd.Dispose();

        Assert.Equal(new[] { "RS", "E", "DB4", "DB5", "DB6", "DB7" }, _log.Disposed);
        Assert.Throws<ObjectDisposedException>(() => lcd.WriteData((byte)'A'));
        Assert.Throws<ObjectDisposedException>(() => lcd.SetDdramAddress(0x40));
        Assert.Throws<ObjectDisposedException>(() => lcd.Initialize());
        Assert.Equal(writes, _log.Writes.Count);
    }

    [Fact]
    public void Segment_panel_releases_every_controller_and_then_refuses_frames()
    {
        var panel = new SegmentLcdPanel(new[] { NewHt1621("CS0"), NewHt1621("CS1") }, SegmentGlass.Reference());
        panel.Show(new LcdFrame());

        panel.Dispose();

        // Both chips let go of their own CS and of the shared WR and DATA (a real pin tolerates a second close).
        Assert.Equal(new[] { "CS0", "WR", "DATA", "CS1", "WR", "DATA" }, _log.Disposed);
        Assert.Throws<ObjectDisposedException>(() => panel.Show(new LcdFrame()));
    }

    [Fact]
    public void Character_panel_releases_its_controller_and_then_refuses_frames()
    {
        var panel = new CharacterLcdPanel(NewHd44780(), 16, 2);
        panel.Show(new LcdFrame());

        panel.Dispose();

        Assert.Equal(6, _log.Disposed.Count);
        Assert.Throws<ObjectDisposedException>(() => panel.Show(new LcdFrame()));
    }

    [Fact]
    public void Pins_that_hold_nothing_are_left_alone()
    {
        // Simulated or test pins need not be disposable: Dispose must still work.
        var chip = new Ht1621(new PlainPin(), new PlainPin(), new PlainPin(), new RecordingDelay(_log), 0);
        chip.Dispose();
        Assert.Throws<ObjectDisposedException>(() => chip.Initialize());
    }

    private sealed class PlainPin : IOutputPin
    {
        public void Write(bool high) { }
    }
}
