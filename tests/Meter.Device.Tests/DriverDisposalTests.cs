using System.Device.Gpio;
using Meter.Device.Tests.Fakes;
using Meter.Hal.Device;
using Meter.Hal.Fram;
using Meter.Hal.Mcp23xxx;

namespace Meter.Device.Tests;

/// <summary>
/// Drivers and adaptors release the bus device and pins they hold, once, and refuse use afterwards
/// with ObjectDisposedException (nothing more reaches the bus).
/// </summary>
public class DriverDisposalTests
{
    [Fact]
    public void Fram_releases_its_spi_device_once_and_then_refuses_reads_and_writes()
    {
        var chip = new FramChipModel(8192, 2);
        var spi = new DisposableSpi(chip);
        var fram = new SpiFram(spi, 8192);
        fram.Write(0, new byte[] { 1, 2 }, 0, 2);
        int frames = chip.Frames;

        fram.Dispose();
        fram.Dispose();

        Assert.Equal(1, spi.Disposals);
        Assert.Throws<ObjectDisposedException>(() => fram.Read(0, new byte[2], 0, 2));
        Assert.Throws<ObjectDisposedException>(() => fram.Write(0, new byte[2], 0, 2));
        Assert.Throws<ObjectDisposedException>(() => fram.ReadDeviceId(new byte[4]));
        Assert.Equal(frames, chip.Frames);
    }

    [Fact]
    public void Expander_releases_its_spi_device_once_and_its_pins_refuse_use_afterwards()
    {
        var chip = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        var spi = new DisposableSpi(chip);
        var expander = new Mcp23s17(spi);
        var relay = expander.OpenOutput(2, false);
        var tariff = expander.OpenInput(8, pullUp: true);
        int writes = chip.RegisterWrites.Count;

        expander.Dispose();
        expander.Dispose();

        Assert.Equal(1, spi.Disposals);
        Assert.Throws<ObjectDisposedException>(() => expander.Poll());
        Assert.Throws<ObjectDisposedException>(() => expander.OpenOutput(3, false));
        Assert.Throws<ObjectDisposedException>(() => relay.Write(true));
        Assert.Throws<ObjectDisposedException>(() => tariff.Read());
        relay.Dispose(); // closing a pin of a disposed expander sends nothing and does not throw
        Assert.Equal(writes, chip.RegisterWrites.Count);
        Assert.Equal(1 << 2, ~chip.Directions & 0xFFFF); // the chip keeps its last outputs
    }

    [Fact]
    public void Closing_an_expander_output_makes_it_an_input_again_and_frees_it()
    {
        var chip = new ExpanderChipModel();
        var expander = new Mcp23s17(chip);
        var relay = expander.OpenOutput(2, true);
        Assert.Throws<InvalidOperationException>(() => expander.OpenInput(2, false));

        relay.Dispose();

        Assert.Equal(0xFFFF, chip.Directions); // IODIR bit 2 back to 1: high impedance, as after reset
        Assert.Throws<ObjectDisposedException>(() => relay.Write(false));
        expander.OpenOutput(2, false); // free again
    }

    [Fact]
    public void A_closed_expander_input_raises_no_more_events()
    {
        var chip = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        var expander = new Mcp23s17(chip);
        var magnetic = expander.OpenInput(10, pullUp: true);
        int events = 0;
        magnetic.Changed += (_, _) => events++;

        magnetic.Dispose();
        chip.ExternalLevels = 0xFFFF & ~(1 << 10);
        expander.Poll();

        Assert.Equal(0, events);
        Assert.Throws<ObjectDisposedException>(() => magnetic.Read());
    }

    [Fact]
    public void Spi_bus_device_disposes_the_system_device_once_and_then_refuses_frames()
    {
        var device = new FakeSpiDevice(w => w);
        var spi = new SpiBusDevice(device);

        spi.Dispose();
        spi.Dispose();

        Assert.Equal(1, device.Disposals);
        Assert.Throws<ObjectDisposedException>(() => spi.TransferFullDuplex(new byte[1], new byte[1]));
        Assert.Empty(device.Frames);
    }

    [Fact]
    public void Gpio_pins_close_on_their_controller_once_and_an_input_stops_its_events()
    {
        var driver = new FakeGpioDriver();
        var controller = new GpioController(driver);
        var reset = new GpioOutputPin(controller, 25, initialHigh: true);
        var irq = new GpioInputPin(controller, 34, pullUp: false);
        int edges = 0;
        irq.Changed += (_, _) => edges++;

        reset.Dispose();
        reset.Dispose();
        irq.Dispose();
        irq.Dispose();

        Assert.Equal(new[] { 25, 34 }, driver.ClosedPins);
        Assert.False(driver.HasCallback(34));
        driver.Drive(34, true);
        Assert.Equal(0, edges);
        Assert.Throws<ObjectDisposedException>(() => reset.Write(false));
        Assert.Throws<ObjectDisposedException>(() => irq.Read());
        // The pin is free: it can be opened again.
        new GpioOutputPin(controller, 25, initialHigh: false);
    }
}
