using Meter.Hal.Device;

namespace Meter.Device.Tests.Fakes;

/// <summary>An 8-bit UART: bytes queued by the test arrive on reads; writes are recorded.</summary>
internal sealed class FakeUart : IUartPort
{
    public Queue<byte> Incoming { get; } = new();
    public List<byte> Sent { get; } = new();
    public List<int> WriteSizes { get; } = new();
    public List<int> BaudChanges { get; } = new();
    private int _baud = 300;

    public int BaudRate { get => _baud; set { _baud = value; BaudChanges.Add(value); } }
    public int BytesToRead => Incoming.Count;

    public int Read(byte[] buffer, int offset, int count)
    {
        Assert.True(count <= Incoming.Count, "the link must not ask for more than BytesToRead (nanoFramework's Read would time out)");
        int n = 0;
        while (n < count && Incoming.Count > 0) buffer[offset + n++] = Incoming.Dequeue();
        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        WriteSizes.Add(count);
        for (int i = 0; i < count; i++) Sent.Add(buffer[offset + i]);
    }
}
