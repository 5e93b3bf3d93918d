using System.IO.Ports;

namespace Meter.Tool.Dlms;

/// <summary>
/// A serial port running HDLC directly (a module UART, or an optical head already in mode E): 8 data bits, no
/// parity, 1 stop bit (IEC 62056-46 / Green Book 8.4, the HDLC-based profile's physical layer), at a fixed rate.
/// </summary>
public sealed class SerialByteStream : IDlmsByteStream
{
    private readonly SerialPort _port;

    /// <summary>Opens <paramref name="device"/> at <paramref name="baud"/> 8N1.</summary>
    /// <exception cref="IOException">The device is missing or cannot be opened.</exception>
    public SerialByteStream(string device, int baud)
    {
        if (!File.Exists(device) && !device.StartsWith("COM", StringComparison.OrdinalIgnoreCase))
            throw new IOException($"serial device {device} does not exist");
        _port = new SerialPort(device, baud, Parity.None, 8, StopBits.One);
        try
        {
            _port.Open();
        }
        catch (UnauthorizedAccessException e)
        {
            _port.Dispose();
            throw new IOException($"cannot open {device}: access denied (on Linux add yourself to the dialout group)", e);
        }
        Description = $"serial {device} {baud} 8N1";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> bytes) => _port.BaseStream.Write(bytes);

    /// <inheritdoc />
    public int ReadByte(int timeoutMs)
    {
        _port.ReadTimeout = Math.Max(1, timeoutMs);
        try
        {
            return _port.ReadByte();
        }
        catch (TimeoutException)
        {
            return -1;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _port.Dispose();
}
