using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meter.Hal;
using Meter.Obis;
using Meter.Optical;

namespace MeterTool.Tests.Support;

/// <summary>
/// The firmware's <see cref="OpticalServer"/> behind a TCP listener on 127.0.0.1, polled in
/// real time on a background thread — a stand-in for the virtual meter's optical port, for
/// end-to-end tests of the command line over TCP.
/// </summary>
public sealed class TcpOpticalServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Thread _thread;
    private volatile bool _stop;

    public TcpOpticalServer(ObisTable table, ReadoutList readout, OpticalPortSettings settings, IProgrammingSwitch seal)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(() => Serve(table, readout, settings, seal)) { IsBackground = true };
        _thread.Start();
    }

    public int Port { get; }

    private void Serve(ObisTable table, ReadoutList readout, OpticalPortSettings settings, IProgrammingSwitch seal)
    {
        while (!_stop)
        {
            if (!_listener.Pending()) { Thread.Sleep(5); continue; }
            using var socket = _listener.AcceptSocket();
            var link = new SocketLink(socket);
            var server = new OpticalServer(link, settings, table, readout, seal, null!);
            var clock = Stopwatch.StartNew();
            while (!_stop && link.Open)
            {
                link.Pump();
                server.Poll(clock.ElapsedMilliseconds);
                Thread.Sleep(1);
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(2000);
        _listener.Stop();
    }

    private sealed class SocketLink(Socket socket) : ISerialLink, ISerialLineTime
    {
        private readonly Queue<byte> _in = new();
        private readonly byte[] _buffer = new byte[256];

        public bool Open { get; private set; } = true;
        public int BaudRate { get; set; } = 300;
        public int BytesToRead => _in.Count;
        public int BytesToWrite => 0;
        public bool CharactersTakeLineTime => false; // TCP: no line time, only the meter's 20 ms echo guard

        public void Pump()
        {
            while (socket.Poll(0, SelectMode.SelectRead))
            {
                int n;
                try { n = socket.Receive(_buffer); }
                catch (SocketException) { n = 0; }
                if (n == 0) { Open = false; return; }
                for (int i = 0; i < n; i++) _in.Enqueue(_buffer[i]);
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _in.Count > 0) buffer[offset + n++] = _in.Dequeue();
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try { socket.Send(buffer, offset, count, SocketFlags.None); }
            catch (SocketException) { Open = false; }
        }

        public void DiscardInBuffer() => _in.Clear();
    }
}
