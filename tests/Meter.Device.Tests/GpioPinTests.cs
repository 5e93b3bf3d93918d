using System.Device.Gpio;
using Meter.Device.Tests.Fakes;
using Meter.Hal;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class GpioPinTests
{
    private static (FakeGpioDriver Driver, GpioController Controller) NewController()
    {
        var driver = new FakeGpioDriver();
        return (driver, new GpioController(driver));
    }

    [Fact]
    public void Output_is_opened_as_output_and_driven_to_its_initial_level_at_once()
    {
        var (driver, controller) = NewController();
        var reset = new GpioOutputPin(controller, 25, initialHigh: true);
        Assert.Equal(PinMode.Output, driver.ModeOf(25));
        Assert.Equal(PinValue.High, driver.LevelOf(25));
        Assert.True(reset.IsHigh);

        reset.Write(false);
        reset.Write(true);
        Assert.Equal(new[] { PinValue.High, PinValue.Low, PinValue.High }, driver.Writes.Where(w => w.Pin == 25).Select(w => w.Value));
    }

    [Fact]
    public void Input_reports_each_edge_with_the_new_level_and_reads_the_pin()
    {
        var (driver, controller) = NewController();
        var irq = new GpioInputPin(controller, 34, pullUp: false);
        Assert.Equal(PinMode.Input, driver.ModeOf(34));
        var seen = new List<(IInputPin Pin, bool High)>();
        irq.Changed += (pin, high) => seen.Add((pin, high));

        driver.Drive(34, true);   // rising
        driver.Drive(34, false);  // falling: IRQ0 asserted (active low)
        driver.Drive(34, false);  // no edge, no event
        Assert.Equal(new[] { ((IInputPin)irq, true), (irq, false) }, seen);
        Assert.False(irq.Read());
        driver.Drive(34, true);
        Assert.True(irq.Read());
    }

    [Fact]
    public void Input_with_pull_up_uses_the_pull_up_mode_and_stops_reporting_when_asked()
    {
        var (driver, controller) = NewController();
        var seal = new GpioInputPin(controller, 26, pullUp: true);
        Assert.Equal(PinMode.InputPullUp, driver.ModeOf(26));
        int events = 0;
        seal.Changed += (_, _) => events++;
        driver.Drive(26, true);
        seal.StopEvents();
        driver.Drive(26, false);
        Assert.Equal(1, events);
        Assert.False(driver.HasCallback(26));
    }

    [Fact]
    public void Negative_pin_numbers_are_refused()
    {
        var (_, controller) = NewController();
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpioOutputPin(controller, -1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpioInputPin(controller, -1, false));
    }
}

public class SystemDeviceIoTests
{
    [Fact]
    public void Pins_open_through_the_gpio_controller_with_their_modes_and_levels()
    {
        var driver = new FakeGpioDriver();
        var io = new SystemDeviceIo(new GpioController(driver));
        var reset = io.OpenOutput(25, initialHigh: true);
        var irq = io.OpenInput(34, pullUp: false);
        var seal = io.OpenInput(26, pullUp: true);
        Assert.Equal(PinMode.Output, driver.ModeOf(25));
        Assert.Equal(PinValue.High, driver.LevelOf(25));
        Assert.Equal(PinMode.Input, driver.ModeOf(34));
        Assert.Equal(PinMode.InputPullUp, driver.ModeOf(26));
        reset.Write(false);
        Assert.Equal(PinValue.Low, driver.LevelOf(25));
        bool? seen = null;
        irq.Changed += (_, high) => seen = high;
        driver.Drive(34, true);
        Assert.True(seen);
        Assert.False(seal.Read());
    }
}
