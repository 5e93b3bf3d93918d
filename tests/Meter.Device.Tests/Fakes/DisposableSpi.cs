using Meter.Hal;

namespace Meter.Device.Tests.Fakes;

/// <summary>An SPI device a board opened and a driver must release: passes frames to a chip model and counts Dispose calls.</summary>
internal sealed class DisposableSpi(ISpiDevice chip) : ISpiDevice, IDisposable
{
    public int Disposals { get; private set; }

    public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer) => chip.TransferFullDuplex(writeBuffer, readBuffer);

    public void Dispose() => Disposals++;
}
