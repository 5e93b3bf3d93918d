using Meter.Dlms;
using Meter.Hal;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// An HDLC server (Meter.Dlms <see cref="HdlcServerLink"/>, IEC 62056-46) on a serial link, driven by the meter's
    /// time: each <see cref="Poll"/> reads what arrived, feeds it to the link with the time, applies the link's time-outs;
    /// the link's frames are written to the line. One class for both users: the optical port in mode E (<see cref="OpticalModeE"/>,
    /// half duplex through the optical head) and the module UART (<see cref="ModulePort"/>, HDLC from power-up).
    /// Buffers are allocated once.
    /// </summary>
    public sealed class HdlcSerialPort : IFrameSink
    {
        private readonly ISerialLink _link;
        private readonly HdlcServerLink _hdlc;
        private readonly EchoGuard _echo; // null: full duplex
        private readonly byte[] _chunk = new byte[64];
        private long _now;
        private long _lastReceivedMs;

        /// <summary>
        /// An HDLC server for <paramref name="handler"/> on <paramref name="link"/>. <paramref name="halfDuplex"/>: what
        /// arrives while the port's own frame is on the line is its echo (an optical head sees its own light) and is dropped
        /// (<see cref="EchoGuard"/>, the rule the IEC 62056-21 server, Meter.Optical OpticalServer, applies too).
        /// </summary>
        public HdlcSerialPort(ISerialLink link, HdlcServerSettings settings, IApduHandler handler, bool halfDuplex)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            _link = link;
            if (halfDuplex) _echo = new EchoGuard(link);
            _hdlc = new HdlcServerLink(settings, handler, this);
        }

        /// <summary>The HDLC link (state, negotiated parameters, rejected frames).</summary>
        public HdlcServerLink Link { get { return _hdlc; } }

        /// <summary>When bytes last arrived (ms, the time of the poll that read them).</summary>
        public long LastReceivedMs { get { return _lastReceivedMs; } }

        /// <summary>Bytes dropped as the echo of the port's own frames (half duplex only).</summary>
        public long EchoBytesDropped { get { return _echo == null ? 0 : _echo.BytesDropped; } }

        /// <summary>A new session on the line from <paramref name="nowMs"/>: NDM, no echo expected, silence counted from now.</summary>
        public void Restart(long nowMs)
        {
            _hdlc.Release();
            _now = nowMs;
            _lastReceivedMs = nowMs;
            if (_echo != null) _echo.Clear();
        }

        /// <summary>Reads and handles what arrived, then the time-outs at <paramref name="nowMs"/> (monotonic ms). Never throws
        /// for anything received.</summary>
        public void Poll(long nowMs)
        {
            if (nowMs > _now) _now = nowMs;
            while (_link.BytesToRead > 0)
            {
                int n = _link.Read(_chunk, 0, _chunk.Length);
                if (n <= 0) break;
                _lastReceivedMs = _now;
                if (_echo != null && _echo.Drops(n, _now)) continue;
                _hdlc.Receive(_chunk, 0, n, _now);
            }
            _hdlc.Tick(_now);
        }

        /// <inheritdoc />
        public void Send(byte[] buffer, int offset, int count)
        {
            _link.Write(buffer, offset, count);
            if (_echo != null) _echo.Sent(count, _now);
        }
    }
}
