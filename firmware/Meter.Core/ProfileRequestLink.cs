using Meter.Clock;
using Meter.Hal;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Serves the load-profile request R1 "P.01(from;to)" (VDEW / DIN 43863-3 profile readout,
    /// the address MeterTool uses) in front of the <see cref="OpticalServer"/>, which only knows
    /// OBIS addresses: an <see cref="ISerialLink"/> between the port and the server that takes
    /// that one request out of the byte stream (only in a logged-in session) and answers it with
    /// the stored profile; every other byte passes through unchanged.
    /// </summary>
    /// <remarks>
    /// Answer (IEC 62056-21:2002 §6.3.9 data message): STX, then a header data set
    /// "P.01(Zyymmddhhmm)(ss)(pp)(4)(1.8.0)(kWh)(2.8.0)(kWh)(3.8.0)(kvarh)(4.8.0)(kvarh)" CR LF
    /// (Z season 0 winter / 1 summer, ss = interval status flags in hex, pp = period in minutes)
    /// and one line "(e1)(e2)(e3)(e4)" CR LF per interval with the energy of the interval in
    /// kWh/kvarh (3 decimals); a new header starts whenever the next interval is not the one
    /// right after, or its status or period differs (DIN 43863-3 / VDEW: the values after a
    /// header are one period apart from its time stamp, so each period gets its own headers
    /// across a change of the integration period). ETX, BCC (XOR from after STX through ETX, §6.3.14).
    /// Time stamps are the meter's local time of each interval's end.
    /// </remarks>
    public sealed class ProfileRequestLink : ISerialLink
    {
        /// <summary>Most intervals answered per request (a day is 96 at 15 min); the oldest are dropped beyond.</summary>
        public const int MaximumIntervals = 1000;

        private const byte Soh = 0x01, Stx = 0x02, Etx = 0x03;
        private const int FrameCapacity = 64;

        private readonly ISerialLink _inner;
        private readonly ElectricityMeter _meter;
        private readonly byte[] _forward = new byte[512];
        private readonly byte[] _frame = new byte[FrameCapacity];
        private readonly byte[] _one = new byte[64];
        private int _forwardStart;
        private int _forwardCount;
        private int _frameLength;
        private bool _inFrame;
        private bool _expectBcc;

        /// <summary>Wraps <paramref name="inner"/> for <paramref name="meter"/>.</summary>
        public ProfileRequestLink(ISerialLink inner, ElectricityMeter meter)
        {
            _inner = inner;
            _meter = meter;
        }

        /// <summary>Profile requests answered.</summary>
        public int Requests { get; private set; }

        /// <inheritdoc />
        public int BaudRate { get { return _inner.BaudRate; } set { _inner.BaudRate = value; } }

        /// <inheritdoc />
        public int BytesToRead { get { Pump(); return _forwardCount; } }

        /// <inheritdoc />
        public int BytesToWrite { get { return _inner.BytesToWrite; } }

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
            _forwardCount = 0;
            _forwardStart = 0;
            _inFrame = false;
            _frameLength = 0;
            _inner.DiscardInBuffer();
        }

        private void Pump()
        {
            while (_inner.BytesToRead > 0)
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
                if (b == Soh && _meter.Optical != null && _meter.Optical.GrantedLevel > 0)
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
            // SOH R 1 STX P . 0 1 ( ... ) ETX BCC
            bool isProfileRead = _frameLength >= 11 && _frame[1] == 'R' && _frame[2] == '1' && _frame[3] == Stx
                && _frame[4] == 'P' && _frame[5] == '.' && _frame[6] == '0' && _frame[7] == '1' && _frame[8] == '('
                && _frame[_frameLength - 3] == ')';
            if (!isProfileRead) { FlushFrame(); return; }
            byte bcc = 0;
            for (int i = 1; i < _frameLength - 1; i++) bcc ^= _frame[i];
            if (bcc != _frame[_frameLength - 1]) { FlushFrame(); return; } // let the server NAK it
            long fromMinute, toMinute;
            if (!ParseRange(9, _frameLength - 3, out fromMinute, out toMinute)) { FlushFrame(); return; }
            Requests++;
            Answer(fromMinute, toMinute);
            _frameLength = 0;
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

        // "yymmddhhmm;yymmddhhmm", either side may be empty → local minutes since 1970 (open = ±max).
        private bool ParseRange(int start, int end, out long fromMinute, out long toMinute)
        {
            fromMinute = long.MinValue;
            toMinute = long.MaxValue;
            int semicolon = -1;
            for (int i = start; i < end; i++) if (_frame[i] == ';') { semicolon = i; break; }
            if (semicolon < 0) return false;
            if (semicolon > start && !ParseStamp(start, semicolon, out fromMinute)) return false;
            if (end > semicolon + 1 && !ParseStamp(semicolon + 1, end, out toMinute)) return false;
            return true;
        }

        private bool ParseStamp(int start, int end, out long minute)
        {
            minute = 0;
            if (end - start != 10) return false;
            int[] f = new int[5];
            for (int k = 0; k < 5; k++)
            {
                byte hi = _frame[start + 2 * k], lo = _frame[start + 2 * k + 1];
                if (hi < '0' || hi > '9' || lo < '0' || lo > '9') return false;
                f[k] = (hi - '0') * 10 + (lo - '0');
            }
            if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59) return false;
            minute = Meter.Clock.CivilCalendar.DayNumber(2000 + f[0], f[1], f[2]) * 1440L + f[3] * 60L + f[4];
            return true;
        }

        private void Answer(long fromMinute, long toMinute)
        {
            LoadProfile profile = _meter.Storage.Profile;
            LoadProfileReader reader = new LoadProfileReader(profile);
            ProfileEntry entry = new ProfileEntry(profile.ChannelCount);
            // Collect the matching intervals (local end minute, status, 4 deltas), newest kept.
            long[] minutes = new long[MaximumIntervals];
            int[] statuses = new int[MaximumIntervals];
            int[] periods = new int[MaximumIntervals];
            bool[] summer = new bool[MaximumIntervals];
            long[] deltas = new long[MaximumIntervals * 4];
            int count = 0, first = 0;
            LocalTimeRule rule = _meter.TimeRule;
            while (reader.Next(entry))
            {
                LocalDateTime local = rule.ToLocal(UnixTime.ToSeconds(entry.EndTime));
                long minute = UnixTime.FloorDiv(local.LocalSeconds, 60);
                if (minute < fromMinute || minute > toMinute) continue;
                int slot = (first + count) % MaximumIntervals;
                if (count == MaximumIntervals) first = (first + 1) % MaximumIntervals; else count++;
                minutes[slot] = minute;
                statuses[slot] = entry.Status;
                periods[slot] = entry.PeriodMinutes;
                summer[slot] = local.IsSummerTime;
                for (int c = 0; c < 4; c++) deltas[slot * 4 + c] = c < entry.Deltas.Length ? entry.Deltas[c] : 0;
            }
            byte[] text = new byte[120 + count * 60 + (count + 1) * 80];
            int p = 0;
            text[p++] = Stx;
            long previousMinute = long.MinValue;
            int previousStatus = -1;
            int previousPeriod = 0;
            if (count == 0) p = Header(text, p, 0, false, 0, profile.PeriodMinutes);
            for (int k = 0; k < count; k++)
            {
                int i = (first + k) % MaximumIntervals;
                int period = periods[i];
                if (minutes[i] != previousMinute + period || statuses[i] != previousStatus || period != previousPeriod)
                    p = Header(text, p, minutes[i], summer[i], statuses[i], period);
                for (int c = 0; c < 4; c++)
                {
                    text[p++] = (byte)'(';
                    p = WriteKilo(text, p, deltas[i * 4 + c]);
                    text[p++] = (byte)')';
                }
                text[p++] = 13;
                text[p++] = 10;
                previousMinute = minutes[i];
                previousStatus = statuses[i];
                previousPeriod = period;
            }
            text[p++] = Etx;
            byte bcc = 0;
            for (int i = 1; i < p; i++) bcc ^= text[i];
            text[p++] = bcc;
            _inner.Write(text, 0, p);
        }

        private static readonly byte[] Channels = new byte[]
        {
            (byte)'(', (byte)'4', (byte)')',
            (byte)'(', (byte)'1', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'W', (byte)'h', (byte)')',
            (byte)'(', (byte)'2', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'W', (byte)'h', (byte)')',
            (byte)'(', (byte)'3', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'v', (byte)'a', (byte)'r', (byte)'h', (byte)')',
            (byte)'(', (byte)'4', (byte)'.', (byte)'8', (byte)'.', (byte)'0', (byte)')', (byte)'(', (byte)'k', (byte)'v', (byte)'a', (byte)'r', (byte)'h', (byte)')',
        };

        private static int Header(byte[] text, int p, long localMinute, bool summer, int status, int period)
        {
            text[p++] = (byte)'P'; text[p++] = (byte)'.'; text[p++] = (byte)'0'; text[p++] = (byte)'1';
            text[p++] = (byte)'(';
            text[p++] = (byte)(summer ? '1' : '0');
            int year, month, day;
            long dayNumber = UnixTime.FloorDiv(localMinute, 1440);
            Meter.Clock.CivilCalendar.FromDayNumber(dayNumber, out year, out month, out day);
            int minuteOfDay = (int)(localMinute - dayNumber * 1440);
            p = Two(text, p, year % 100);
            p = Two(text, p, month);
            p = Two(text, p, day);
            p = Two(text, p, minuteOfDay / 60);
            p = Two(text, p, minuteOfDay % 60);
            text[p++] = (byte)')';
            text[p++] = (byte)'(';
            text[p++] = Hex(status >> 4);
            text[p++] = Hex(status & 15);
            text[p++] = (byte)')';
            text[p++] = (byte)'(';
            p = Two(text, p, period);
            text[p++] = (byte)')';
            System.Array.Copy(Channels, 0, text, p, Channels.Length);
            p += Channels.Length;
            text[p++] = 13;
            text[p++] = 10;
            return p;
        }

        private static int Two(byte[] text, int p, int value)
        {
            text[p++] = (byte)('0' + value / 10 % 10);
            text[p++] = (byte)('0' + value % 10);
            return p;
        }

        private static byte Hex(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }

        // Wh → "k.kkk" (kWh, 3 decimals), non-negative (profile deltas never decrease).
        private static int WriteKilo(byte[] text, int p, long wattHours)
        {
            long whole = wattHours / 1000;
            int fraction = (int)(wattHours % 1000);
            int digits = 1;
            for (long v = whole; v >= 10; v /= 10) digits++;
            for (int d = digits - 1; d >= 0; d--)
            {
                long v = whole;
                for (int k = 0; k < d; k++) v /= 10;
                text[p++] = (byte)('0' + (int)(v % 10));
            }
            text[p++] = (byte)'.';
            text[p++] = (byte)('0' + fraction / 100);
            text[p++] = (byte)('0' + fraction / 10 % 10);
            text[p++] = (byte)('0' + fraction % 10);
            return p;
        }
    }
}
