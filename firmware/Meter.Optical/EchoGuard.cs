using Meter.Hal;

namespace Meter.Optical
{
    /// <summary>
    /// The half-duplex rule of an optical port: what arrives while the port's own characters are on the line, and for
    /// <see cref="GuardMs"/> after, is their echo (the optical head sees its own light) and is dropped.
    /// IEC 62056-21:2002 §5.1 gives half-duplex transmission (std, verify); a client that filters its own echo is
    /// common (docs/iec62056-21-notes.md §3.1). The line time is computed from the count and the baud rate because a
    /// device link cannot tell when its characters have left (Meter.Hal.Device SoftwareParitySerialLink.BytesToWrite is
    /// always 0); a link that does tell (<see cref="ISerialLink.BytesToWrite"/> &gt; 0) is believed as well.
    /// </summary>
    public sealed class EchoGuard
    {
        /// <summary>
        /// How long after the computed end of the port's characters their echo may still be read: received bytes are
        /// stamped with the time of the poll that reads them. A client answers no sooner than IEC 62056-21's shortest
        /// reaction time, 20 ms (docs/iec62056-21-notes.md §3.2).
        /// </summary>
        public const int GuardMs = 20;

        private readonly ISerialLink _link;
        private readonly bool _lineTime;
        private long _lineFreeMs;
        private long _echoUntilMs;
        private long _bytesDropped;

        /// <summary>A guard for <paramref name="link"/>; a link that says its characters take no line time
        /// (<see cref="ISerialLineTime"/>: TCP, pty, a test link) has no optical head and so no echo: nothing is dropped
        /// on it (a client there may answer at once, and its B0 right after an error answer must not be lost).</summary>
        public EchoGuard(ISerialLink link)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            _link = link;
            _lineTime = TakesLineTime(link);
        }

        /// <summary>False for a link that says its characters take no line time (<see cref="ISerialLineTime"/>); a link
        /// that does not say is a UART.</summary>
        public static bool TakesLineTime(ISerialLink link)
        {
            ISerialLineTime timing = link as ISerialLineTime;
            return timing == null || timing.CharactersTakeLineTime;
        }

        /// <summary>Bytes dropped as the echo of the port's own characters.</summary>
        public long BytesDropped { get { return _bytesDropped; } }

        /// <summary>True while the port's own characters are computed to be on the line at <paramref name="nowMs"/>
        /// (their last stop bit not yet sent), or the link says so.</summary>
        public bool IsLineBusy(long nowMs)
        {
            return _link.BytesToWrite > 0 || nowMs < _lineFreeMs;
        }

        /// <summary>No echo expected from now on (a new session on the line).</summary>
        public void Clear()
        {
            _lineFreeMs = 0;
            _echoUntilMs = 0;
        }

        /// <summary>Call right after writing <paramref name="count"/> characters at <paramref name="nowMs"/>: they follow
        /// whatever is still on the line, 10 bits each (7E1 and 8N1 alike) at the link's current rate.</summary>
        public void Sent(int count, long nowMs)
        {
            long start = _lineFreeMs > nowMs ? _lineFreeMs : nowMs;
            int baud = _link.BaudRate;
            long lineMs = _lineTime && baud > 0 ? (count * 10000L + baud - 1) / baud : 0;
            _lineFreeMs = start + lineMs;
            _echoUntilMs = _lineTime ? _lineFreeMs + GuardMs : _lineFreeMs;
        }

        /// <summary>True, and counted, when <paramref name="count"/> bytes read at <paramref name="nowMs"/> are the echo of
        /// the port's own characters.</summary>
        public bool Drops(int count, long nowMs)
        {
            if (_link.BytesToWrite == 0 && nowMs >= _echoUntilMs) return false;
            _bytesDropped += count;
            return true;
        }
    }
}
