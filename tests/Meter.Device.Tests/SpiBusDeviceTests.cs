using Meter.Device.Tests.Fakes;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class SpiBusDeviceTests
{
    [Fact]
    public void One_transfer_is_one_frame_with_the_bytes_in_both_directions()
    {
        // The chip answers each byte with its complement: 0x01 0xE6 0x10 0x00 → 0xFE 0x19 0xEF 0xFF.
        var chip = new FakeSpiDevice(w => w.Select(b => (byte)~b).ToArray());
        var spi = new SpiBusDevice(chip);
        var read = new byte[4];
        spi.TransferFullDuplex(new byte[] { 0x01, 0xE6, 0x10, 0x00 }, read);
        Assert.Single(chip.Frames);
        Assert.Equal(new byte[] { 0x01, 0xE6, 0x10, 0x00 }, chip.Frames[0]);
        Assert.Equal(new byte[] { 0xFE, 0x19, 0xEF, 0xFF }, read);
        Assert.Equal(1, spi.Frames);
    }

    [Fact]
    public void Buffers_of_different_lengths_are_refused_before_touching_the_bus()
    {
        var chip = new FakeSpiDevice(w => w);
        var spi = new SpiBusDevice(chip);
        var e = Assert.Throws<ArgumentException>(() => spi.TransferFullDuplex(new byte[3], new byte[4]));
        Assert.Contains("same length", e.Message);
        Assert.Throws<ArgumentException>(() => spi.TransferFullDuplex(Array.Empty<byte>(), Array.Empty<byte>()));
        Assert.Throws<ArgumentNullException>(() => spi.TransferFullDuplex(null!, new byte[1]));
        Assert.Empty(chip.Frames);
        Assert.Equal(0, spi.Frames);
    }

    [Fact]
    public void Opening_needs_a_positive_clock()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpiBusDevice.Open(1, 5, 0));
    }
}
