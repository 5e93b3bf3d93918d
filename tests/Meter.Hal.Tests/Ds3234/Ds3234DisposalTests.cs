using Meter.Hal;
using Meter.Hal.Ds3234;
using Meter.Hal.Simulation.Clock;

namespace Meter.Hal.Tests.Ds3234;

/// <summary>The DS3234 driver releases the SPI device it was given, once, and refuses use afterwards.</summary>
public class Ds3234DisposalTests
{
    [Fact]
    public void Dispose_releases_the_spi_device_once_and_every_later_call_is_refused()
    {
        var chip = new SimulatedDs3234();
        var spi = new CountingSpi(chip);
        var rtc = new Ds3234Rtc(spi);
        rtc.WriteUtc(new DateTime(2025, 3, 30, 1, 2, 3, DateTimeKind.Utc));
        int frames = spi.Frames;

        rtc.Dispose();
        rtc.Dispose();

        Assert.Equal(1, spi.Disposals);
        Assert.Throws<ObjectDisposedException>(() => rtc.TryReadUtc(out _));
        Assert.Throws<ObjectDisposedException>(() => rtc.WriteUtc(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Throws<ObjectDisposedException>(() => rtc.HasLostTime());
        Assert.Throws<ObjectDisposedException>(() => rtc.TrimTenthsPpm);
        Assert.Throws<ObjectDisposedException>(() => rtc.SetTrimTenthsPpm(10));
        Assert.Equal(frames, spi.Frames); // nothing reached the chip after Dispose
    }

    [Fact]
    public void A_simulated_chip_that_holds_nothing_is_left_alone()
    {
        var rtc = new Ds3234Rtc(new SimulatedDs3234());
        rtc.Dispose();
        Assert.Throws<ObjectDisposedException>(() => rtc.HasLostTime());
    }

    private sealed class CountingSpi(ISpiDevice chip) : ISpiDevice, IDisposable
    {
        public int Frames { get; private set; }
        public int Disposals { get; private set; }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            Frames++;
            chip.TransferFullDuplex(writeBuffer, readBuffer);
        }

        public void Dispose() => Disposals++;
    }
}
