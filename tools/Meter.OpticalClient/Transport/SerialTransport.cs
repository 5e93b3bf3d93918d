using System.Diagnostics;
using System.IO.Ports;

namespace Meter.OpticalClient.Transport;

/// <summary>
/// A USB/serial optical head: 300 Bd, 7 data bits, even parity, 1 stop bit at the start
/// (IEC 62056-21:2002 §5.2, §6.4), rate switched after the identification/option select.
/// </summary>
public sealed class SerialTransport : IOpticalTransport
{
    private readonly SerialPort _port;

    /// <summary>Opens <paramref name="portName"/> at 300 Bd 7E1.</summary>
    /// <exception cref="IOException">The port cannot be opened (named in the message).</exception>
    public SerialTransport(string portName)
    {
        // Many optical heads take their supply from DTR/RTS, so raise them; pseudo-terminals
        // (the virtual meter's "--optical pty") have no modem lines and setting DTR fails there
        // ("Inappropriate ioctl for device"), so they are opened without.
        // System.IO.Ports reports a missing device as "Access to the port is denied": say what is wrong.
        if (!OperatingSystem.IsWindows() && !File.Exists(portName))
            throw new IOException($"--port {portName}: no such device (an optical head is usually /dev/ttyUSB0 or /dev/ttyACM0, "
                + "the virtual meter's --optical pty prints its /dev/pts/N; is the head plugged in?)");
        bool physical = !IsPseudoTerminal(portName);
        try
        {
            _port = Open(portName, physical);
        }
        catch (UnauthorizedAccessException e) when (!OperatingSystem.IsWindows())
        {
            throw new IOException($"--port {portName}: permission denied or the port is in use (on Linux add yourself to the dialout group: sudo usermod -aG dialout $USER, then log in again)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new IOException($"cannot open serial port {portName}: {e.Message}", e);
        }
    }

    /// <summary>True for a Unix pseudo-terminal (/dev/pts/N, or a link to one).</summary>
    public static bool IsPseudoTerminal(string portName)
    {
        try
        {
            string target = new FileInfo(portName).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? portName;
            return target.StartsWith("/dev/pts/", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return portName.StartsWith("/dev/pts/", StringComparison.Ordinal);
        }
    }

    private static SerialPort Open(string portName, bool physical)
    {
        // 7E1 on a real head. A pseudo-terminal has no character size or parity: Linux forces
        // CS8 without PARENB on every tcsetattr (drivers/tty/pty.c, pty_set_termios), and
        // System.IO.Ports then rejects the port ("Value does not fall within the expected range")
        // whenever the pty is already at 300 Bd, i.e. on every session after the first. So a pty
        // is opened 8N1; the bytes are the same (7-bit characters, the parity bit is the UART's).
        var port = new SerialPort(portName, 300, physical ? Parity.Even : Parity.None, physical ? 7 : 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = physical,
            RtsEnable = physical,
            ReadTimeout = 1500,
            WriteTimeout = 30000,
        };
        try
        {
            port.Open();
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Description => "serial " + _port.PortName;

    /// <inheritdoc />
    public int BaudRate => _port.BaudRate;

    /// <inheritdoc />
    public void SetBaudRate(int baud) => _port.BaudRate = baud;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> bytes)
    {
        _port.Write(bytes.ToArray(), 0, bytes.Length);
        // SerialPort.Write returns once the driver has the bytes; wait until they have been
        // shifted out (10 bit times a character at 7E1), so that response timeouts start when
        // the meter has the whole message and a baud switch does not cut the last character.
        var sw = Stopwatch.StartNew();
        long transmitMs = (bytes.Length * 10L * 1000 + _port.BaudRate - 1) / _port.BaudRate;
        while (_port.BytesToWrite > 0 && sw.ElapsedMilliseconds < transmitMs + 2000) Thread.Sleep(1);
        long remaining = transmitMs - sw.ElapsedMilliseconds;
        if (remaining > 0) Thread.Sleep((int)remaining);
    }

    /// <inheritdoc />
    public int ReadByte(int timeoutMs)
    {
        _port.ReadTimeout = Math.Max(1, timeoutMs);
        try
        {
            return _port.ReadByte() & 0x7F;
        }
        catch (TimeoutException)
        {
            return -1;
        }
    }

    /// <inheritdoc />
    public void DiscardInput() => _port.DiscardInBuffer();

    /// <inheritdoc />
    public void Dispose() => _port.Dispose();
}
