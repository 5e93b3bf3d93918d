using Meter.Hal;
using Meter.Hal.Lcd;

namespace Meter.Display.Tests;

/// <summary>
/// The bounded cost of an HT1621 update on the meter thread (docs/timing-budget.md): the bus bits, pin writes and waits
/// of a full two-chip frame of the reference glass, counted through the HAL's test doubles and worked out by hand.
/// </summary>
public class Ht1621FrameBudgetTests
{
    [Fact]
    public void A_full_two_chip_frame_is_274_bits_828_pin_writes_and_552_waits_of_2_us()
    {
        var log = new PinLog();
        var chips = new[]
        {
            new Ht1621(new RecordingPin("CS", log), new RecordingPin("WR", log), new RecordingPin("DATA", log), new RecordingDelay(log), 2),
            new Ht1621(new RecordingPin("CS2", log), new RecordingPin("WR", log), new RecordingPin("DATA", log), new RecordingDelay(log), 2),
        };
        var ram = Enumerable.Range(0, Ht1621.RamAddresses).Select(i => (byte)(i % 16)).ToArray();
        foreach (var chip in chips) Assert.Equal(32, chip.Update(ram)); // the first update writes every address
        // Per chip one successive-address WRITE frame: ID 101 (3) + A5..A0 (6) + 32 × D0..D3 (128) = 137 bits.
        int bits = log.Writes.Count(w => w == ("WR", true));
        Assert.Equal(2 * 137, bits);
        // Pin writes per chip: CS low, 3 a bit (WR low, DATA, WR high), CS high and DATA high = 1 + 411 + 2 = 414.
        Assert.Equal(2 * 414, log.Writes.Count);
        // Waits per chip: after CS falls, 2 a bit, after CS rises = 1 + 274 + 1 = 276, each the 2 µs half period.
        Assert.Equal(2 * 276, log.Delays.Count);
        Assert.Equal(2 * 276 * 2, log.Delays.Sum());
        Assert.All(log.Delays, d => Assert.Equal(2, d));
    }

    [Fact]
    public void An_unchanged_frame_costs_nothing_and_one_changed_digit_costs_one_short_frame()
    {
        var log = new PinLog();
        var chip = new Ht1621(new RecordingPin("CS", log), new RecordingPin("WR", log), new RecordingPin("DATA", log), new RecordingDelay(log), 2);
        var ram = new byte[Ht1621.RamAddresses];
        chip.Update(ram);
        log.Writes.Clear();
        log.Delays.Clear();
        Assert.Equal(0, chip.Update(ram));
        Assert.Empty(log.Writes);
        Assert.Empty(log.Delays);
        ram[10] = 0xF;
        ram[11] = 0x6; // one seven-segment digit spans two addresses
        Assert.Equal(2, chip.Update(ram));
        // 3 + 6 + 2 × 4 = 17 bits: 1 + 34 + 1 = 36 waits.
        Assert.Equal(17, log.Writes.Count(w => w == ("WR", true)));
        Assert.Equal(36, log.Delays.Count);
    }
}
