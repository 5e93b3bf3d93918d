using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Meter.Simulation;

/// <summary>
/// The optical port on TCP (MeterTool's <c>--tcp</c>): bytes are the same as on the optical head,
/// baud changes are signalled by the protocol only. Like the real port it is one link: one
/// client is served at a time, later connections wait in arrival order and what they send
/// while another client holds the port is discarded (it never reaches the meter). A client silent for
/// <see cref="IdleTimeout"/> is dropped, as the meter leaves programming mode after its
/// inactivity time-out, and the next waiting client is served.
/// </summary>
public sealed class TcpOpticalPort : IOpticalPort
{
    /// <summary>
    /// The idle time-out by default: 120 s, the upper end of IEC 62056-21:2002's inactivity
    /// time-out ("60 s to 120 s", §6.4.3 protocol mode C, note 1) and the meter's own
    /// (Meter.Optical OpticalPortSettings.InactivityTimeoutMs).
    /// </summary>
    public static readonly TimeSpan StandardIdleTimeout = TimeSpan.FromSeconds(120);

    private readonly TcpListener _listener;
    private readonly Queue<byte> _in = new();
    private readonly Queue<Socket> _waiting = new();
    private readonly byte[] _buffer = new byte[512];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _idleTimeoutMs;
    private Socket? _client;
    private long _lastActivityMs;
    private bool _handingOver;

    /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (0 = any free port); a client silent for <paramref name="idleTimeout"/> (default <see cref="StandardIdleTimeout"/>) is dropped.</summary>
    public TcpOpticalPort(IPAddress address, int port, TimeSpan? idleTimeout = null)
    {
        IdleTimeout = idleTimeout ?? StandardIdleTimeout;
        if (IdleTimeout <= TimeSpan.Zero) throw new ArgumentException("the optical port's idle time-out must be positive");
        _idleTimeoutMs = (long)IdleTimeout.TotalMilliseconds;
        _listener = new TcpListener(address, port);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"--optical tcp:{address}:{port}: cannot listen ({e.SocketErrorCode})");
        }
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = $"tcp:{address}:{Port}";
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>How long a silent client holds the port before it is dropped.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>
    /// True when the meter's optical server is idle (no session, nothing being sent); the host sets
    /// it. The next client is connected only then, so it never gets the tail of another's answer
    /// and always starts from idle. Unset: always idle.
    /// </summary>
    public Func<bool>? MeterIsIdle { get; set; }

    /// <summary>
    /// Called when the client left or was dropped as idle (the host ends the meter's session: the
    /// head was taken away). A break message would not do: the meter ignores what comes while it
    /// sends (half duplex), e.g. the 300 Bd readout after an identification left unanswered.
    /// </summary>
    public Action? ClientLeft { get; set; }

    /// <summary>Connections waiting for their turn.</summary>
    public int WaitingClients => _waiting.Count;

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
        long now = _clock.ElapsedMilliseconds;
        if (_client != null) Receive(now); // first: a client that just left frees the port for one that just came
        while (_listener.Pending())
        {
            Socket s = _listener.AcceptSocket();
            s.NoDelay = true;
            _waiting.Enqueue(s);
        }
        if (_client == null) HandOver(now);
        // With nobody holding the port (a hand-over takes a poll or two), what the waiting send stays
        // in their sockets for their turn; while another client holds it, it is thrown away.
        if (_client == null) return;
        DiscardWhatWaitingClientsSend();
        Receive(now);
        if (_client != null && now - _lastActivityMs >= _idleTimeoutMs) Drop();
    }

    private void Receive(long now)
    {
        try
        {
            while (_client != null && _client.Poll(0, SelectMode.SelectRead))
            {
                int n = _client.Receive(_buffer);
                if (n == 0) { Drop(); return; }
                for (int i = 0; i < n; i++) _in.Enqueue(_buffer[i]);
                _lastActivityMs = now;
            }
        }
        catch (SocketException) { Drop(); }
        catch (ObjectDisposedException) { Drop(); }
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
        if (_client == null) return; // nobody listening: the light goes nowhere
        _lastActivityMs = _clock.ElapsedMilliseconds;
        try { _client.Send(buffer, offset, count, SocketFlags.None); }
        catch (SocketException) { Drop(); }
    }

    /// <inheritdoc />
    public void DiscardInBuffer() => _in.Clear();

    /// <summary>
    /// With no client: after one left, tells the meter (<see cref="ClientLeft"/>) so it ends the
    /// session at once; then, with the meter idle, connects the next waiting client.
    /// </summary>
    private void HandOver(long now)
    {
        if (_handingOver)
        {
            _handingOver = false;
            _in.Clear(); // what the one who left sent and the meter has not read goes with them
            ClientLeft?.Invoke();
        }
        bool idle = MeterIsIdle?.Invoke() ?? true;
        if (!idle || _waiting.Count == 0) return;
        _client = _waiting.Dequeue();
        _lastActivityMs = now;
    }

    private void DiscardWhatWaitingClientsSend()
    {
        for (int i = _waiting.Count; i > 0; i--)
        {
            Socket s = _waiting.Dequeue();
            bool open = true;
            try
            {
                while (open && s.Poll(0, SelectMode.SelectRead)) open = s.Receive(_buffer) > 0;
            }
            catch (SocketException) { open = false; }
            if (open) _waiting.Enqueue(s); else s.Dispose();
        }
    }

    private void Drop()
    {
        if (_client == null) return;
        _handingOver = true;
        try { _client.Dispose(); } catch (SocketException) { }
        _client = null;
    }


    /// <inheritdoc />
    public void Dispose()
    {
        Drop();
        while (_waiting.Count > 0) _waiting.Dequeue().Dispose();
        _listener.Stop();
    }
}
