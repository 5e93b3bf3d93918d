using Meter.Clock;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The weekly EN 50160 results request R1 "P.03(from;to)" (issue 20: 52 weeks readable), laid out like the logbook
    /// P.98 (<see cref="EventLogRequest"/>): STX, one header data set
    /// <c>P.03(Zyymmddhhmm)(00)()(12)(start)()(result)()(n)()(flagged)()(u1)()(u2)()(u3)()(u1w)()(u2w)()(u3w)()(f)()(f1)()</c>
    /// CR LF, then one line per stored week, oldest first:
    /// <c>(Zyymmddhhmm)(rrrr)(n)(flagged)(u1)(u2)(u3)(u1w)(u2w)(u3w)(f)(f1)</c> CR LF; ETX, BCC (IEC 62056-21 §6.3.9, §6.3.14).
    /// start = local time of the week's start (Monday 00:00 UTC), the header's that of the first answered week (no weeks:
    /// 1970). rrrr = the result in hex as 1-0:12.128.x (2 bits a criterion: voltage, frequency, THD, harmonics, unbalance;
    /// 0 no data, 1 pass, 2 fail; 0155 = all passed). n = 10-min values, flagged = those with a dip, swell or interruption
    /// (IEC 61000-4-30 §4.7, not evaluated), u1 … u3 = values within Un ± 10 %, u1w … u3w = within + 10 / − 15 % (EN 50160
    /// §4.2.2), f = 10-s frequency values, f1 = within ± 1 % (§4.2.1). The range selects by the week's start.
    /// Chosen over a week index on the 12.128.x objects: one request reads the whole year, with the counts behind each verdict.
    /// </summary>
    public sealed class QualityWeekRequest : IRangeRequest
    {
        private const string Columns = "()(12)(start)()(result)()(n)()(flagged)()(u1)()(u2)()(u3)()(u1w)()(u2w)()(u3w)()(f)()(f1)()";
        private static readonly byte[] Address = new byte[] { (byte)'P', (byte)'.', (byte)'0', (byte)'3', (byte)'(' };

        private readonly QualityWeekLog _weeks;
        private readonly LocalTimeRule _rule;
        private readonly PeriodRecord _record = new PeriodRecord(StorageLayout.QualityWeekValueCount);

        /// <summary>The stored weeks of <paramref name="weeks"/>, stamped in the local time of <paramref name="rule"/>.</summary>
        public QualityWeekRequest(QualityWeekLog weeks, LocalTimeRule rule)
        {
            if (weeks == null) throw new System.ArgumentNullException("weeks");
            _weeks = weeks;
            _rule = rule;
        }

        /// <inheritdoc />
        public int Number { get { return 3; } }

        /// <inheritdoc />
        public void Answer(long fromLocalSecond, long toLocalSecond, RangeAnswer answer)
        {
            bool header = false;
            for (int age = _weeks.Count - 1; age >= 0; age--)
            {
                if (!_weeks.TryRead(age, _record)) continue;
                LocalDateTime start = _rule.ToLocal(_record.Values[QualityWeekLog.WeekStart]);
                if (start.LocalSeconds < fromLocalSecond || start.LocalSeconds > toLocalSecond) continue;
                if (!header) Header(answer, start.LocalSeconds, start.IsSummerTime);
                header = true;
                answer.Byte((byte)'(');
                answer.Stamp(start.LocalSeconds, start.IsSummerTime, false);
                answer.Byte((byte)')');
                answer.Byte((byte)'(');
                int result = (int)_record.Values[QualityWeekLog.Result];
                answer.Hex(result >> 8);
                answer.Hex(result & 0xFF);
                answer.Byte((byte)')');
                for (int i = QualityWeekLog.Intervals; i < StorageLayout.QualityWeekValueCount; i++)
                {
                    answer.Byte((byte)'(');
                    answer.Decimal(_record.Values[i]);
                    answer.Byte((byte)')');
                }
                answer.EndLine();
            }
            if (!header) Header(answer, 0, false);
        }

        private static void Header(RangeAnswer answer, long localSeconds, bool summer)
        {
            answer.Bytes(Address);
            answer.Stamp(localSeconds, summer, false);
            answer.Byte((byte)')');
            answer.Byte((byte)'(');
            answer.Hex(0);
            answer.Byte((byte)')');
            for (int i = 0; i < Columns.Length; i++) answer.Byte((byte)Columns[i]);
            answer.EndLine();
        }
    }
}
