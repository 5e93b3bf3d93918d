using Meter.Core;
using Meter.Hal;
using Meter.Simulation;

namespace Meter.Core.Tests.Breaker;

/// <summary>The LCD breaker symbol (lit while disconnected) and the status-word bit of a breaker feedback mismatch.</summary>
public class BreakerIndicationTests
{
    private static VirtualMeterHost Start(CapturedLcd lcd) => new(new VirtualMeterOptions
    {
        Preset = "direct-5-105a", Load = "balanced", Optical = "none", Start = MeterRig.WednesdayMidnightLocal,
    }, lcd);

    [Fact]
    public void The_breaker_symbol_is_lit_while_disconnected_and_off_when_connected()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, lcd.Frame.Symbols & LcdSymbols.Breaker);
        m.Disconnect.RemoteDisconnect(DisconnectCause.OpticalPort);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(LcdSymbols.Breaker, lcd.Frame.Symbols & LcdSymbols.Breaker);
        m.Disconnect.RemoteReconnect(DisconnectCause.OpticalPort);
        host.LongPressButton();
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, lcd.Frame.Symbols & LcdSymbols.Breaker);
    }

    [Fact]
    public void Welded_contacts_set_the_status_word_bit()
    {
        var lcd = new CapturedLcd();
        using var host = Start(lcd);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, m.StatusWord & MeterStatusWords.StatusBreakerFeedback);
        host.Board.Breaker!.Stuck = true;
        m.Disconnect.RemoteDisconnect(DisconnectCause.OpticalPort);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(MeterStatusWords.StatusBreakerFeedback, m.StatusWord & MeterStatusWords.StatusBreakerFeedback);
    }
}
