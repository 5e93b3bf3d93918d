using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Meter.Simulation.Control;

/// <summary>
/// The virtual meter's control channel (<c>--control-port N</c>): a TCP port where a test drives what
/// a bench would — the load, virtual time, the button, the supply — one text line a command, one line
/// an answer (<see cref="ControlCommands"/> has the protocol). One client at a time (later ones wait in
/// the listen queue). Pumped from the meter's loop under its lock, like the optical port, so a command
/// never runs beside a metering cycle. Off unless asked for.
/// </summary>
public sealed class ControlChannel : IDisposable
{
    /// <summary>Longest command line taken; a longer one is answered with an error and dropped.</summary>
    public const int MaximumLineLength = 200;

    private readonly TcpListener _listener;
    private readonly Func<string, string> _execute;
    private readonly byte[] _buffer = new byte[512];
    private readonly StringBuilder _line = new();
    private Socket? _client;
    private bool _overlong;

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0 = any free port); each line goes to <paramref name="execute"/>, its result is the answer.</summary>
    /// <exception cref="ArgumentException">The port cannot be listened on.</exception>
    public ControlChannel(int port, Func<string, string> execute)
    {
        if (port < 0 || port > 65535) throw new ArgumentException($"--control-port {port}: give 1..65535, or 0 for any free port");
        _execute = execute;
        _listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"--control-port {port}: cannot listen ({e.SocketErrorCode})");
        }
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The TCP port listened on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Accepts a waiting client when none is connected, then runs the complete lines it sent; never blocks.</summary>
    public void Pump()
    {
        if (_client == null)
        {
            if (!_listener.Pending()) return;
            _client = _listener.AcceptSocket();
            _client.NoDelay = true;
            _line.Clear();
            _overlong = false;
        }
        try
        {
            while (_client.Available > 0)
            {
                int n = _client.Receive(_buffer);
                if (n == 0) { Drop(); return; }
                for (int i = 0; i < n; i++) Take((char)_buffer[i]);
            }
            // A closed connection reads as readable with nothing available.
            if (_client.Poll(0, SelectMode.SelectRead) && _client.Available == 0) Drop();
        }
        catch (SocketException)
        {
            Drop();
        }
        catch (ObjectDisposedException)
        {
            Drop();
        }
    }

    private void Take(char c)
    {
        if (c == '\r') return;
        if (c != '\n')
        {
            if (_line.Length < MaximumLineLength) _line.Append(c);
            else _overlong = true;
            return;
        }
        string answer = _overlong ? $"error line longer than {MaximumLineLength} characters" : Run(_line.ToString());
        _line.Clear();
        _overlong = false;
        _client!.Send(Encoding.ASCII.GetBytes(answer + "\n"));
    }

    // A command that fails unexpectedly is answered (the client would otherwise wait for ever) and the loop goes on.
    private string Run(string line)
    {
        try
        {
            return _execute(line);
        }
        catch (Exception e)
        {
            return $"error internal {e.GetType().Name}: {e.Message}";
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Drop();
        _listener.Stop();
    }
}
