using System.Net;
using System.Net.Sockets;

namespace MeterTool.Tests.Support;

/// <summary>A <see cref="ScriptedMeter"/> served on a TCP port (127.0.0.1), for command-line tests of exchanges the firmware server does not offer yet.</summary>
public sealed class TcpScriptedMeter : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Thread _thread;
    private volatile bool _stop;

    public TcpScriptedMeter(ScriptedMeter script)
    {
        Script = script;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(Serve) { IsBackground = true };
        _thread.Start();
    }

    public ScriptedMeter Script { get; }
    public int Port { get; }
    public Exception? Failure { get; private set; }

    private void Serve()
    {
        try
        {
            while (!_stop)
            {
                if (!_listener.Pending()) { Thread.Sleep(5); continue; }
                using var socket = _listener.AcceptSocket();
                var buffer = new byte[512];
                while (!_stop)
                {
                    if (!socket.Poll(10_000, SelectMode.SelectRead)) continue;
                    int n = socket.Receive(buffer);
                    if (n == 0) break;
                    Script.Write(buffer.AsSpan(0, n));
                    var reply = new List<byte>();
                    int b;
                    while ((b = Script.ReadByte(0)) >= 0) reply.Add((byte)b);
                    if (reply.Count > 0) socket.Send(reply.ToArray());
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or SocketException)
        {
            Failure = e;
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(2000);
        _listener.Stop();
    }
}
