using System.Device.Spi;

namespace Meter.Device.Tests.Fakes;

/// <summary>A .NET IoT SpiDevice that answers each full-duplex frame with a function of what was written.</summary>
internal sealed class FakeSpiDevice : SpiDevice
{
    private readonly Func<byte[], byte[]> _answer;

    public FakeSpiDevice(Func<byte[], byte[]> answer) => _answer = answer;

    public List<byte[]> Frames { get; } = new();

    /// <summary>Times the device was disposed (each Dispose() call, as .NET IoT's SpiDevice forwards it).</summary>
    public int Disposals { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposals++;
        base.Dispose(disposing);
    }

    public override SpiConnectionSettings ConnectionSettings => new(1, 5);

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        var written = writeBuffer.ToArray();
        Frames.Add(written);
        _answer(written).AsSpan(0, readBuffer.Length).CopyTo(readBuffer);
    }

    public override byte ReadByte() => throw new NotSupportedException("the HAL only uses full-duplex frames");
    public override void Read(Span<byte> buffer) => throw new NotSupportedException("the HAL only uses full-duplex frames");
    public override void WriteByte(byte value) => throw new NotSupportedException("the HAL only uses full-duplex frames");
    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("the HAL only uses full-duplex frames");
}
