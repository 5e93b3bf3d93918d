using Meter.Core;

namespace EndToEnd.Tests;

/// <summary>
/// The port lock after wrong passwords was invisible (RAM only, no status): while it lasts the
/// status word 0-0:96.5.0 carries bit 0x08 and the LCD's status screen (ID C.5.0) shows it.
/// </summary>
[Collection("console")]
public class PortLockStatusTests
{
    [Fact]
    public void Three_wrong_passwords_show_the_lock_on_the_LCD_status_screen()
    {
        var lcd = new Meter.Simulation.CapturedLcd();
        using var meter = new MeterUnderTest(lcd: lcd, speed: 20);
        Assert.Equal(0, meter.Host.Inspect(h => h.Meter.StatusWord & MeterStatusWords.StatusOpticalPortLocked));
        for (int i = 0; i < 3; i++)
        {
            var (code, output, error) = meter.Tool("read", "1.8.0", "--password", "11111111");
            Assert.NotEqual(0, code);
            Assert.Contains("ER02", error + output);
        }
        Assert.Equal(MeterStatusWords.StatusOpticalPortLocked, meter.Host.Inspect(h => h.Meter.StatusWord & MeterStatusWords.StatusOpticalPortLocked));
        // The automatic list reaches the status screen (after the 5 readings, 10 s each): the status word in hex, 08.
        meter.WaitUntil(h => h.Meter.Display.ShowsStatusCode, "the LCD status screen");
        string value = meter.Host.Inspect(h => new string(lcd.Frame.Value)).Trim();
        Assert.Equal("08", value);
    }
}
