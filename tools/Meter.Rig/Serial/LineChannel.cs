using System.Collections.Concurrent;
using System.Text;

namespace Meter.Rig.Serial;

/// <summary>
/// Lines over a byte stream (a serial port's, or a test's fake): writes a line with LF; a reader thread splits what
/// arrives at LF (CR dropped) so a read can wait with a time-out whatever the stream supports.
/// </summary>
public sealed class LineChannel : IDisposable
{
    private readonly Stream _stream;
    private readonly BlockingCollection<string> _lines = new();
    private readonly Thread _reader;
    private volatile Exception? _failure;

    /// <summary>Starts reading <paramref name="stream"/> (owned: disposed with the channel).</summary>
    public LineChannel(Stream stream)
    {
        _stream = stream;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "rig line reader" };
        _reader.Start();
    }

    /// <summary>Sends <paramref name="line"/> and LF.</summary>
    public void WriteLine(string line)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(line + "\n");
        _stream.Write(bytes, 0, bytes.Length);
        _stream.Flush();
    }

    /// <summary>Drops lines already received (an answer that came after its time-out).</summary>
    public void DiscardReceived()
    {
        while (_lines.TryTake(out _)) { }
    }

    /// <summary>The next line, or a <see cref="TimeoutException"/> after <paramref name="timeout"/>; an <see cref="IOException"/> once the stream ended.</summary>
    public string ReadLine(TimeSpan timeout, string waitingFor)
    {
        if (_lines.TryTake(out string? line, timeout)) return line;
        if (_failure != null || _lines.IsAddingCompleted) throw new IOException($"rig link closed while waiting for {waitingFor}" + (_failure != null ? ": " + _failure.Message : ""));
        throw new TimeoutException($"no answer from the rig within {timeout.TotalSeconds:0.#} s to {waitingFor}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _reader.Join(TimeSpan.FromSeconds(2));
    }

    private void ReadLoop()
    {
        var current = new StringBuilder();
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                int n = _stream.Read(buffer, 0, buffer.Length);
                if (n <= 0) break;
                for (int i = 0; i < n; i++)
                {
                    char c = (char)buffer[i];
                    if (c == '\n') { _lines.Add(current.ToString()); current.Clear(); }
                    else if (c != '\r' && current.Length < RigProtocol.MaximumLineLength * 4) current.Append(c);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _failure = e;
        }
        finally
        {
            _lines.CompleteAdding();
        }
    }
}
