using Meter.Display;
using Meter.Hal.Simulation.Pins;
using Meter.Obis;

namespace Meter.Display.Tests;

public class DisplayButtonTests
{
    [Fact]
    public void A_press_counts_on_release_of_an_active_low_button()
    {
        var pin = new VirtualInputPin(initialLevel: true); // pull-up: idle high
        var button = new DisplayButton(pin, pressedLevel: false);
        pin.Set(false);
        Assert.Equal(0, button.TakePresses()); // held, not yet released
        pin.Set(true);
        pin.Set(false);
        pin.Set(true);
        Assert.Equal(2, button.TakePresses());
        Assert.Equal(0, button.TakePresses()); // taken
    }

    [Fact]
    public void A_button_held_at_start_counts_when_released()
    {
        var pin = new VirtualInputPin(initialLevel: true);
        var button = new DisplayButton(pin, pressedLevel: true); // active-high button, held at start
        pin.Set(false);
        Assert.Equal(1, button.TakePresses());
    }

    [Fact]
    public void Presses_are_delivered_to_the_display_at_the_loop_time()
    {
        var source = new FakeValueSource();
        var a = ObisCode.Parse("1.8.0");
        var b = ObisCode.Parse("2.8.0");
        var display = new DisplayController(source, new DisplayFormat(), new MeterIndicators(), [a, b]);
        display.AutomaticList.Configure([a]);
        display.Start(0);
        var pin = new VirtualInputPin(true);
        var button = new DisplayButton(pin, false);
        for (int i = 0; i < 2; i++) { pin.Set(false); pin.Set(true); }
        button.Deliver(display, 1_000);
        Assert.Equal(DisplayMode.Manual, display.Mode);
        Assert.Equal(1, display.Index); // first press enters manual (index 0), second steps to 2.8.0
        display.Update(121_000);
        Assert.Equal(DisplayMode.Automatic, display.Mode); // 2 min after the delivered presses
    }
}
