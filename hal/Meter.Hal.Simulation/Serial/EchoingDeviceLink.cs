using Meter.Hal;

namespace Meter.Hal.Simulation.Serial;

/// <summary>
/// The meter's end of a <see cref="VirtualSerialPair"/> as the device's link shows it behind an optical head that
/// returns the meter's own light: <see cref="BytesToWrite"/> is always 0 (Meter.Hal.Device SoftwareParitySerialLink:
/// a write returns once the UART driver has the characters), and each character the meter sends is received back the
/// moment its stop bit has left. Everything else is the timed virtual end's (a baud change while a character is on the
/// line still throws).
/// </summary>
public sealed class EchoingDeviceLink(VirtualSerialPair pair) : ISerialLink
{
    private readonly VirtualSerialEnd _end = pair.Meter;
    private readonly Queue<(long AtNs, byte Value)> _onTheLine = new();
    private readonly Queue<byte> _echoed = new();

    /// <summary>Characters returned to the meter so far.</summary>
    public int EchoCount { get; private set; }

    public int BaudRate
    {
        get => _end.BaudRate;
        set => _end.BaudRate = value;
    }

    public int BytesToRead
    {
        get { CollectEcho(); return _echoed.Count + _end.BytesToRead; }
    }

    public int BytesToWrite => 0;

    public int Read(byte[] buffer, int offset, int count)
    {
        CollectEcho();
        int n = 0;
        while (n < count && _echoed.Count > 0) buffer[offset + n++] = _echoed.Dequeue();
        return n + _end.Read(buffer, offset + n, count - n);
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        long characterNs = VirtualSerialPair.CharacterDurationNs(_end.BaudRate);
        long end = _end.LineFreeAtNs; // the new characters follow what is still on the line
        _end.Write(buffer, offset, count);
        for (int i = 0; i < count; i++)
        {
            end += characterNs;
            _onTheLine.Enqueue((end, (byte)(buffer[offset + i] & 0x7F)));
        }
    }

    public void DiscardInBuffer()
    {
        CollectEcho();
        _echoed.Clear();
        _end.DiscardInBuffer();
    }

    private void CollectEcho()
    {
        while (_onTheLine.Count > 0 && _onTheLine.Peek().AtNs <= pair.NowNs)
        {
            _echoed.Enqueue(_onTheLine.Dequeue().Value);
            EchoCount++;
        }
    }
}
