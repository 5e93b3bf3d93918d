using Meter.Hal;

namespace Meter.Core.Tests;

/// <summary>
/// A serial link without timing: what the test injects is there to read at once, what the meter writes is collected
/// (nothing is ever in flight). For driving a port as fast as the CPU allows (the HDLC fuzz test).
/// </summary>
internal sealed class MemorySerialLink : ISerialLink, ISerialCharacterFormat
{
    private byte[] _rx = new byte[4096];
    private int _rxStart, _rxCount;
    private byte[] _tx = new byte[4096];
    private int _txCount;

    public int BaudRate { get; set; } = 9600;
    public SerialCharacterFormat CharacterFormat { get; set; }
    public int BytesToRead => _rxCount;
    public int BytesToWrite => 0;

    /// <summary>Bytes the meter has written and the test not yet taken.</summary>
    public int SentCount => _txCount;
    public byte[] SentBuffer => _tx;

    public void Inject(byte[] bytes, int count)
    {
        if (_rxStart + _rxCount + count > _rx.Length)
        {
            Array.Copy(_rx, _rxStart, _rx, 0, _rxCount);
            _rxStart = 0;
            if (_rxCount + count > _rx.Length) Array.Resize(ref _rx, Math.Max(_rx.Length * 2, _rxCount + count));
        }
        Array.Copy(bytes, 0, _rx, _rxStart + _rxCount, count);
        _rxCount += count;
    }

    public byte[] TakeSent()
    {
        byte[] sent = _tx[.._txCount];
        _txCount = 0;
        return sent;
    }

    /// <summary>Forgets what the meter sent (after the test has looked at <see cref="SentBuffer"/>).</summary>
    public void ClearSent() => _txCount = 0;

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, _rxCount);
        Array.Copy(_rx, _rxStart, buffer, offset, n);
        _rxStart += n;
        _rxCount -= n;
        if (_rxCount == 0) _rxStart = 0;
        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        if (_txCount + count > _tx.Length) Array.Resize(ref _tx, Math.Max(_tx.Length * 2, _txCount + count));
        Array.Copy(buffer, offset, _tx, _txCount, count);
        _txCount += count;
    }

    public void DiscardInBuffer()
    {
        _rxStart = 0;
        _rxCount = 0;
    }
}
