using Meter.Clock;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The analysis-logger request R1 "P.02(from;to)" (issue 20), the same range syntax and answer format as P.01
    /// (<see cref="ProfileRequest"/>): STX, a header data set "P.02(Zyymmddhhmm)(ss)(10)(n)(code1)(unit1)…(codeN)(unitN)"
    /// CR LF, then one line "(v1)…(vN)" CR LF per 10-min interval, a new header whenever the next interval is not the one
    /// right after or its status differs; ETX, BCC (IEC 62056-21 §6.3.9, §6.3.14). Time stamp: the local time of the
    /// interval's end (10-min values synchronised to the clock, IEC 61000-4-30 §4.5). ss: the load profile's
    /// <see cref="IntervalStatus"/> bits plus 80 for a flagged interval (IEC 61000-4-30 §4.7). Codes: the short OBIS form
    /// C.D.E of group A = 1, B = 0 (as P.01 writes 1.8.0), values in the channel's decimals (<see cref="AnalysisChannels"/>).
    /// </summary>
    public sealed class AnalysisRequest : IRangeRequest
    {
        /// <summary>Most intervals answered per request: one week of 10-min values; the oldest are dropped beyond.</summary>
        public const int MaximumIntervals = 1008;

        private static readonly byte[] Address = new byte[] { (byte)'P', (byte)'.', (byte)'0', (byte)'2', (byte)'(' };

        private readonly AnalysisLog _log;
        private readonly ObisCode[] _codes;
        private readonly LocalTimeRule _rule;

        /// <summary>The analysis logger <paramref name="log"/> of the channels <paramref name="codes"/>, time stamps in the local time of <paramref name="rule"/>.</summary>
        public AnalysisRequest(AnalysisLog log, ObisCode[] codes, LocalTimeRule rule)
        {
            if (log == null) throw new System.ArgumentNullException("log");
            if (codes == null || codes.Length != log.ChannelCount) throw new System.ArgumentException("the analysis log and the channel list disagree on the channel count");
            _log = log;
            _codes = codes;
            _rule = rule;
        }

        /// <summary>Requests answered.</summary>
        public int Requests { get; private set; }

        /// <inheritdoc />
        public int Number { get { return 2; } }

        /// <inheritdoc />
        public void Answer(long fromLocalSecond, long toLocalSecond, RangeAnswer answer)
        {
            Requests++;
            AnalysisLogReader reader = new AnalysisLogReader(_log);
            AnalysisEntry entry = new AnalysisEntry(_log.ChannelCount);
            // Two passes over the log (no buffer of the answer's size): count the matches, then answer the newest.
            int matching = 0;
            while (reader.Next(entry)) if (InRange(entry, fromLocalSecond, toLocalSecond)) matching++;
            int skip = matching > MaximumIntervals ? matching - MaximumIntervals : 0;
            if (matching == 0) Header(answer, 0, false, 0);
            reader.Reset();
            long previousMinute = long.MinValue;
            int previousStatus = -1;
            while (reader.Next(entry))
            {
                if (!InRange(entry, fromLocalSecond, toLocalSecond)) continue;
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                LocalDateTime local = _rule.ToLocal(UnixTime.ToSeconds(entry.EndTime));
                long minute = UnixTime.FloorDiv(local.LocalSeconds, 60);
                if (minute != previousMinute + AnalysisLog.PeriodMinutes || entry.Status != previousStatus)
                    Header(answer, minute, local.IsSummerTime, entry.Status);
                for (int c = 0; c < _codes.Length; c++)
                {
                    answer.Byte((byte)'(');
                    answer.Fixed(entry.Values[c], AnalysisChannels.Decimals(_codes[c]));
                    answer.Byte((byte)')');
                }
                answer.EndLine();
                previousMinute = minute;
                previousStatus = entry.Status;
            }
        }

        private bool InRange(AnalysisEntry entry, long fromLocalSecond, long toLocalSecond)
        {
            long second = UnixTime.FloorDiv(_rule.ToLocal(UnixTime.ToSeconds(entry.EndTime)).LocalSeconds, 60) * 60;
            return second >= fromLocalSecond && second <= toLocalSecond;
        }

        private void Header(RangeAnswer answer, long localMinute, bool summer, int status)
        {
            answer.Bytes(Address);
            answer.Stamp(localMinute * 60, summer, false);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Hex(status);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Two(AnalysisLog.PeriodMinutes);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Decimal(_codes.Length);
            answer.Byte((byte)')');
            for (int c = 0; c < _codes.Length; c++)
            {
                ObisCode code = _codes[c];
                answer.Byte((byte)'(');
                answer.Decimal(code.C);
                answer.Byte((byte)'.');
                answer.Decimal(code.D);
                answer.Byte((byte)'.');
                answer.Decimal(code.E);
                answer.Byte((byte)')');
                answer.Byte((byte)'(');
                string unit = AnalysisChannels.Unit(code);
                for (int i = 0; i < unit.Length; i++) answer.Byte((byte)unit[i]);
                answer.Byte((byte)')');
            }
            answer.EndLine();
        }
    }
}
