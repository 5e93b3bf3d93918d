using System.Net;
using System.Net.Sockets;

namespace Meter.Simulation.Dlms;

/// <summary>
/// A DLMS/COSEM TCP port of the virtual meter (wrapper or HDLC, chosen by the session factory). One client at a time,
/// as the meter has one COSEM server: later connections wait in the listen queue (what they send stays in their
/// socket for their turn). Pumped from the virtual meter's loop under its lock, so the meter is only ever touched
/// from that thread. When the client leaves, breaks the stream or stays silent for the idle time-out, the connection
/// is closed and <see cref="ClientLeft"/> tells the host (which ends the association: IApduHandler.LinkClosed).
/// </summary>
public sealed class DlmsTcpPort : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<Action<byte[], int, int>, IDlmsStreamSession> _newSession;
    private readonly long _idleTimeoutMs;
    private readonly byte[] _buffer = new byte[2048];
    private Socket? _client;
    private IDlmsStreamSession? _session;
    private long _lastActivityMs;

    /// <summary>Listens on <paramref name="endpoint"/>; <paramref name="option"/> names the command-line option in errors.</summary>
    public DlmsTcpPort(string option, IPEndPoint endpoint, Func<Action<byte[], int, int>, IDlmsStreamSession> newSession, TimeSpan idleTimeout)
    {
        if (idleTimeout <= TimeSpan.Zero) throw new ArgumentException($"{option}: the idle time-out must be positive");
        _newSession = newSession;
        _idleTimeoutMs = (long)idleTimeout.TotalMilliseconds;
        _listener = new TcpListener(endpoint);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"{option} tcp:{endpoint}: cannot listen ({e.SocketErrorCode})");
        }
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = $"tcp:{endpoint.Address}:{Port}";
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>"tcp:ADDRESS:PORT", for the user.</summary>
    public string Endpoint { get; }

    /// <summary>True while a client is connected.</summary>
    public bool HasClient => _client != null;

    /// <summary>The connected client's session, or null.</summary>
    public IDlmsStreamSession? Session => _session;

    /// <summary>True when a waiting client may be connected now (the host: no other DLMS port has a client). Unset: always.</summary>
    public Func<bool>? MayConnect { get; set; }

    /// <summary>Called after a client's connection was closed.</summary>
    public Action? ClientLeft { get; set; }

    /// <summary>Takes a waiting client when free, feeds what arrived to its session, applies the time-outs.</summary>
    public void Pump(long nowMs)
    {
        if (_client == null && _listener.Pending() && (MayConnect?.Invoke() ?? true))
        {
            _client = _listener.AcceptSocket();
            _client.NoDelay = true;
            _session = _newSession(Send);
            _lastActivityMs = nowMs;
        }
        if (_client == null) return;
        try
        {
            while (_client != null && _client.Poll(0, SelectMode.SelectRead))
            {
                int n = _client.Receive(_buffer);
                if (n == 0) { Drop(); return; }
                _lastActivityMs = nowMs;
                if (!_session!.Receive(_buffer, 0, n, nowMs)) { Drop(); return; }
            }
        }
        catch (SocketException) { Drop(); return; }
        catch (ObjectDisposedException) { Drop(); return; }
        _session?.Tick(nowMs);
        if (_client != null && nowMs - _lastActivityMs >= _idleTimeoutMs) Drop();
    }

    private void Send(byte[] buffer, int offset, int count)
    {
        if (_client == null) return;
        try { _client.Send(buffer, offset, count, SocketFlags.None); }
        catch (SocketException) { Drop(); }
    }

    private void Drop()
    {
        if (_client == null) return;
        try { _client.Dispose(); } catch (SocketException) { }
        _client = null;
        _session = null;
        ClientLeft?.Invoke();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Drop();
        _listener.Stop();
    }
}
