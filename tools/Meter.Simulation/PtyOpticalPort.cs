using System.Runtime.InteropServices;

namespace Meter.Simulation;

/// <summary>
/// The optical port on a pseudo-terminal (Linux/macOS, posix_openpt): serial tools open the
/// printed /dev/pts/N like a USB optical head. The master side is read and written raw and
/// non-blocking; the client sets its own line settings on the slave.
/// </summary>
public sealed class PtyOpticalPort : IOpticalPort
{
    private const int O_RDWR = 2, O_NOCTTY = 0x100, F_GETFL = 3, F_SETFL = 4, O_NONBLOCK_LINUX = 0x800, O_NONBLOCK_MAC = 0x4;
    private readonly int _fd;
    private readonly Queue<byte> _in = new();
    private readonly byte[] _buffer = new byte[512];

    /// <summary>Opens a new pseudo-terminal pair.</summary>
    public PtyOpticalPort()
    {
        if (OperatingSystem.IsWindows()) throw new ArgumentException("--optical pty needs Linux or macOS (use --optical tcp:127.0.0.1:PORT on Windows)");
        _fd = posix_openpt(O_RDWR | O_NOCTTY);
        if (_fd < 0 || grantpt(_fd) != 0 || unlockpt(_fd) != 0) throw new ArgumentException($"--optical pty: cannot open a pseudo-terminal (errno {Marshal.GetLastPInvokeError()})");
        IntPtr name = ptsname(_fd);
        Endpoint = Marshal.PtrToStringAnsi(name) ?? throw new ArgumentException("--optical pty: ptsname failed");
        int flags = fcntl(_fd, F_GETFL, 0);
        fcntl(_fd, F_SETFL, flags | (OperatingSystem.IsMacOS() ? O_NONBLOCK_MAC : O_NONBLOCK_LINUX));
    }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <inheritdoc />
    public int BaudRate { get; set; } = 300;

    /// <inheritdoc />
    public int BytesToRead => _in.Count;

    /// <inheritdoc />
    public int BytesToWrite => 0;

    /// <summary>False: bytes reach the client at once, the baud rate is only the protocol's (no echo window of line time).</summary>
    public bool CharactersTakeLineTime => false;

    /// <inheritdoc />
    public void Pump()
    {
        while (true)
        {
            long n = read(_fd, _buffer, (nuint)_buffer.Length);
            if (n <= 0) return; // EAGAIN (nothing there) or no slave open (EIO)
            for (int i = 0; i < n; i++) _in.Enqueue(_buffer[i]);
        }
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _in.Count > 0) buffer[offset + n++] = _in.Dequeue();
        return n;
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        var chunk = new byte[count];
        Array.Copy(buffer, offset, chunk, 0, count);
        write(_fd, chunk, (nuint)count);
    }

    /// <inheritdoc />
    public void DiscardInBuffer() => _in.Clear();

    /// <inheritdoc />
    public void Dispose() => close(_fd);

    [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern IntPtr ptsname(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int fcntl(int fd, int cmd, int arg);
    [DllImport("libc", SetLastError = true)] private static extern long read(int fd, byte[] buffer, nuint count);
    [DllImport("libc", SetLastError = true)] private static extern long write(int fd, byte[] buffer, nuint count);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
}
