using System.Collections.Concurrent;
using System.Text;

namespace MeterTool.Tests.Rig;

/// <summary>
/// The rig's end of a serial line for the tests: every line the host writes is recorded and answered by
/// <see cref="Answer"/> (null: no answer, so the host times out); reads block until an answer is queued.
/// </summary>
internal sealed class FakeRigStream(Func<string, string?> answer) : Stream
{
    private readonly BlockingCollection<byte[]> _toHost = new();
    private readonly StringBuilder _line = new();
    private byte[] _pending = [];
    private int _offset;

    public List<string> Received { get; } = new();
    public Func<string, string?> Answer { get; set; } = answer;

    /// <summary>Queues a line for the host without a command (a late answer).</summary>
    public void Send(string line) => _toHost.Add(Encoding.ASCII.GetBytes(line + "\r\n"));

    public override void Write(byte[] buffer, int offset, int count)
    {
        foreach (char c in Encoding.ASCII.GetString(buffer, offset, count))
        {
            if (c != '\n') { _line.Append(c); continue; }
            string command = _line.ToString();
            _line.Clear();
            lock (Received) Received.Add(command);
            if (Answer(command) is string reply) Send(reply);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset >= _pending.Length)
        {
            if (!_toHost.TryTake(out var next, Timeout.Infinite)) return 0;
            (_pending, _offset) = (next, 0);
        }
        int n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        _toHost.CompleteAdding();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
