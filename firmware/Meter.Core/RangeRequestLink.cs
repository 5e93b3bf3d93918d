using Meter.Hal;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// Serves the VDEW / DIN 43863-3 range requests R1 "P.nn(from;to)" (load profile P.01,
    /// logbook P.98: <see cref="IRangeRequest"/>) in front of the <see cref="OpticalServer"/>,
    /// which only knows OBIS addresses: an <see cref="ISerialLink"/> between the port and the
    /// server that takes those requests out of the byte stream (only while the
    /// <see cref="Session"/> is logged in, P1 accepted) and answers them itself; every other byte,
    /// and a request frame it does not take (another P.nn, a bad BCC, a bad range), passes
    /// through unchanged for the server to answer.
    /// </summary>
    /// <remarks>
    /// Range "from;to" (either side may be empty = open): each side "yymmddhhmm" (that minute;
    /// as "to" it includes the whole minute) or "yymmddhhmmss", meter local time.
    /// The answer waits the reaction time tr after the request's last character, as every answer
    /// of the server does (IEC 62056-21:2002 §5.3 / §6.3.2: 200 ms ≤ tr ≤ 1500 ms): a request taken
    /// is answered at the first <see cref="Poll"/> at or after <see cref="ReactionTimeMs"/>.
    /// </remarks>
    public sealed class RangeRequestLink : ISerialLink, ISerialLineTime
    {
        private const byte Soh = 0x01, Stx = 0x02, Etx = 0x03;
        private const int FrameCapacity = 64;

        private readonly ISerialLink _inner;
        private readonly IRangeRequest[] _requests;
        private readonly RangeAnswer _answer;
        private readonly byte[] _forward = new byte[512];
        private readonly byte[] _frame = new byte[FrameCapacity];
        private readonly byte[] _one = new byte[64];
        private readonly int[] _stamp = new int[6];
        private int _forwardStart;
        private int _forwardCount;
        private int _frameLength;
        private bool _inFrame;
        private bool _expectBcc;
        private long _nowMs;
        private IRangeRequest _pending;
        private long _pendingFrom;
        private long _pendingTo;
        private long _pendingDueMs;

        /// <summary>Wraps <paramref name="inner"/>, answering <paramref name="requests"/>.</summary>
        public RangeRequestLink(ISerialLink inner, IRangeRequest[] requests)
        {
            if (inner == null) throw new System.ArgumentNullException("inner");
            if (requests == null) throw new System.ArgumentNullException("requests");
            _inner = inner;
            _requests = requests;
            _answer = new RangeAnswer(inner);
            ReactionTimeMs = 200;
        }

        /// <summary>tr: from a request's last character to its answer's first (the port's reaction time, 200 ms by default).</summary>
        public int ReactionTimeMs { get; set; }

        /// <summary>
        /// The time, monotonic ms, before the server's poll (Meter.Core ElectricityMeter.PollOpticalPort):
        /// sends an answer whose reaction time has passed. A request is taken when the server's poll
        /// reads the link, at this time.
        /// </summary>
        public void Poll(long nowMs)
        {
            _nowMs = nowMs;
            if (_pending == null || nowMs < _pendingDueMs) return;
            IRangeRequest request = _pending;
            _pending = null;
            _answer.Begin();
            request.Answer(_pendingFrom, _pendingTo, _answer);
            _answer.End();
        }

        /// <summary>The server whose login gates the requests (set once it exists; null = none taken).</summary>
        public OpticalServer Session { get; set; }

        /// <inheritdoc />
        public int BaudRate { get { return _inner.BaudRate; } set { _inner.BaudRate = value; } }

        /// <inheritdoc />
        public int BytesToRead { get { Pump(); return _forwardCount; } }

        /// <inheritdoc />
        public int BytesToWrite { get { return _inner.BytesToWrite; } }

        /// <summary>The inner link's: the server's echo guard needs the line time of the real port (none on TCP).</summary>
        public bool CharactersTakeLineTime { get { return EchoGuard.TakesLineTime(_inner); } }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            Pump();
            int n = 0;
            while (n < count && _forwardCount > 0)
            {
                buffer[offset + n++] = _forward[_forwardStart];
                _forwardStart = (_forwardStart + 1) % _forward.Length;
                _forwardCount--;
            }
            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void DiscardInBuffer()
        {
            _pending = null;
            _forwardCount = 0;
            _forwardStart = 0;
            _inFrame = false;
            _frameLength = 0;
            _inner.DiscardInBuffer();
        }

        // Takes from the inner link only what the forward buffer can hold (one read, and a held frame
        // flushed with it): the rest waits there until the server has read, so a burst longer than the
        // buffer (a 4 kB W1 over TCP, which arrives at once) loses nothing and its end still reaches the server.
        private void Pump()
        {
            while (_inner.BytesToRead > 0 && _forward.Length - _forwardCount >= _one.Length + FrameCapacity)
            {
                int n = _inner.Read(_one, 0, _one.Length);
                if (n <= 0) return;
                for (int i = 0; i < n; i++) Take(_one[i]);
            }
        }

        private void Take(byte b)
        {
            if (!_inFrame)
            {
                if (b == Soh && Session != null && Session.GrantedLevel > 0)
                {
                    _inFrame = true;
                    _expectBcc = false;
                    _frameLength = 0;
                    _frame[_frameLength++] = b;
                    return;
                }
                Forward(b);
                return;
            }
            if (_frameLength >= FrameCapacity) { FlushFrame(); Forward(b); return; }
            _frame[_frameLength++] = b;
            if (_expectBcc) { Complete(); return; }
            if (b == Etx) _expectBcc = true;
        }

        private void Complete()
        {
            _inFrame = false;
            // SOH R 1 STX P . n n ( ... ) ETX BCC (IEC 62056-21:2002 §6.3.7 command message)
            bool isRangeRead = _frameLength >= 11 && _frame[1] == 'R' && _frame[2] == '1' && _frame[3] == Stx
                && _frame[4] == 'P' && _frame[5] == '.' && IsDigit(_frame[6]) && IsDigit(_frame[7]) && _frame[8] == '('
                && _frame[_frameLength - 3] == ')';
            if (!isRangeRead) { FlushFrame(); return; }
            IRangeRequest request = Find((_frame[6] - '0') * 10 + (_frame[7] - '0'));
            if (request == null) { FlushFrame(); return; }
            byte bcc = 0;
            for (int i = 1; i < _frameLength - 1; i++) bcc ^= _frame[i];
            if (bcc != _frame[_frameLength - 1]) { FlushFrame(); return; } // let the server NAK it
            long fromSecond, toSecond;
            if (!ParseRange(9, _frameLength - 3, out fromSecond, out toSecond)) { FlushFrame(); return; }
            // Answered by Poll once tr has passed; a newer request before that replaces it.
            _pending = request;
            _pendingFrom = fromSecond;
            _pendingTo = toSecond;
            _pendingDueMs = _nowMs + ReactionTimeMs;
            _frameLength = 0;
        }

        private IRangeRequest Find(int number)
        {
            for (int i = 0; i < _requests.Length; i++)
                if (_requests[i].Number == number) return _requests[i];
            return null;
        }

        private void FlushFrame()
        {
            for (int i = 0; i < _frameLength; i++) Forward(_frame[i]);
            _frameLength = 0;
            _inFrame = false;
        }

        private void Forward(byte b)
        {
            if (_forwardCount == _forward.Length) return; // overrun: the server will time out and NAK
            _forward[(_forwardStart + _forwardCount) % _forward.Length] = b;
            _forwardCount++;
        }

        // "from;to", either side may be empty → local seconds since 1970 (open = ±max), "to" inclusive.
        private bool ParseRange(int start, int end, out long fromSecond, out long toSecond)
        {
            fromSecond = long.MinValue;
            toSecond = long.MaxValue;
            int semicolon = -1;
            for (int i = start; i < end; i++) if (_frame[i] == ';') { semicolon = i; break; }
            if (semicolon < 0) return false;
            if (semicolon > start && !ParseStamp(start, semicolon, false, out fromSecond)) return false;
            if (end > semicolon + 1 && !ParseStamp(semicolon + 1, end, true, out toSecond)) return false;
            return true;
        }

        // "yymmddhhmm" or "yymmddhhmmss" (years 2000-2099); a minute as the end of a range runs to its :59.
        private bool ParseStamp(int start, int end, bool isEnd, out long second)
        {
            second = 0;
            int length = end - start;
            if (length != 10 && length != 12) return false;
            for (int k = 0; k < length / 2; k++)
            {
                byte hi = _frame[start + 2 * k], lo = _frame[start + 2 * k + 1];
                if (!IsDigit(hi) || !IsDigit(lo)) return false;
                _stamp[k] = (hi - '0') * 10 + (lo - '0');
            }
            int[] f = _stamp;
            int seconds = length == 12 ? f[5] : isEnd ? 59 : 0;
            // A day the month does not have (30 February) is refused, not carried into the next month.
            if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > Meter.Clock.CivilCalendar.DaysInMonth(2000 + f[0], f[1])
                || f[3] > 23 || f[4] > 59 || (length == 12 && f[5] > 59)) return false;
            long minute = Meter.Clock.CivilCalendar.DayNumber(2000 + f[0], f[1], f[2]) * 1440L + f[3] * 60L + f[4];
            second = minute * 60 + seconds;
            return true;
        }

        private static bool IsDigit(byte b)
        {
            return b >= '0' && b <= '9';
        }
    }
}
