using Meter.Device.Tests.Fakes;
using Meter.Hal;
using Meter.Hal.Device;
using Meter.Hal.Mcp23xxx;

namespace Meter.Device.Tests;

public class Mcp23s17Tests
{
    [Fact]
    public void An_output_gets_its_latch_before_its_direction_so_it_never_glitches()
    {
        // PM0 on GPA0, high from the start: OLATA/B = 01 00 written before IODIRA/B = FE FF.
        var chip = new ExpanderChipModel();
        var expander = new Mcp23s17(chip);
        expander.OpenOutput(0, initialHigh: true);
        Assert.Equal(new (byte, byte)[] { (0x14, 0x01), (0x15, 0x00), (0x00, 0xFE), (0x01, 0xFF) }, chip.RegisterWrites);
        Assert.Equal(1, chip.PinLevels & 1);
    }

    [Fact]
    public void Outputs_on_both_ports_drive_their_own_bits()
    {
        var chip = new ExpanderChipModel();
        var expander = new Mcp23s17(chip);
        IOutputPin relay1 = expander.OpenOutput(2, false);
        IOutputPin spareB = expander.OpenOutput(12, false);
        relay1.Write(true);
        spareB.Write(true);
        relay1.Write(false);
        Assert.Equal(1 << 12, chip.Latch);
        Assert.Equal(0xFFFF & ~(1 << 2) & ~(1 << 12), chip.Directions);
    }

    [Fact]
    public void Poll_raises_events_only_for_inputs_that_changed()
    {
        var chip = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        var expander = new Mcp23s17(chip);
        var tariff1 = expander.OpenInput(8, pullUp: true);
        var magnetic = expander.OpenInput(10, pullUp: true);
        Assert.Equal((1 << 8) | (1 << 10), chip.PullUps);
        var seen = new List<(IInputPin, bool)>();
        tariff1.Changed += (p, h) => seen.Add((p, h));
        magnetic.Changed += (p, h) => seen.Add((p, h));

        expander.Poll();
        Assert.Empty(seen);
        chip.ExternalLevels = 0xFFFF & ~(1 << 8) & ~(1 << 3); // tariff 1 energised (low); pin 3 is not an open input
        expander.Poll();
        Assert.Equal(new[] { ((IInputPin)tariff1, false) }, seen);
        chip.ExternalLevels = 0xFFFF & ~(1 << 10);
        expander.Poll();
        Assert.Equal(new[] { ((IInputPin)tariff1, false), (tariff1, true), (magnetic, false) }, seen);
    }

    [Fact]
    public void Read_returns_the_level_now_and_the_next_poll_still_reports_other_pins()
    {
        var chip = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        var expander = new Mcp23s17(chip);
        var a = expander.OpenInput(8, true);
        var b = expander.OpenInput(9, true);
        int bEvents = 0;
        b.Changed += (_, _) => bEvents++;
        chip.ExternalLevels = 0xFFFF & ~(1 << 8) & ~(1 << 9);
        Assert.False(a.Read());
        expander.Poll();
        Assert.Equal(1, bEvents);
    }

    [Fact]
    public void Pins_outside_0_to_15_and_double_opens_are_refused()
    {
        var expander = new Mcp23s17(new ExpanderChipModel());
        Assert.Throws<ArgumentOutOfRangeException>(() => expander.OpenOutput(16, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => expander.OpenInput(-1, false));
        expander.OpenInput(5, false);
        Assert.Throws<InvalidOperationException>(() => expander.OpenInput(5, false));
    }
}
