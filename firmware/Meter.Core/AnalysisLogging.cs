using Meter.Clock;
using Meter.Metrology.Quality;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Writes each completed 10-min interval to the analysis logger: one value a configured channel
    /// (<see cref="AnalysisChannels"/>), the interval status from <see cref="PowerQualityRecorder"/> and the
    /// daylight-saving bit of the interval's end in local time (as the load profile marks it). No allocation.
    /// </summary>
    public sealed class AnalysisLogging
    {
        private readonly AnalysisLog _log;
        private readonly ObisCode[] _codes;
        private readonly LocalTimeRule _rule;
        private readonly long[] _values;

        /// <summary>Logs to <paramref name="log"/> the channels <paramref name="codes"/>, DST by <paramref name="rule"/>.</summary>
        public AnalysisLogging(AnalysisLog log, ObisCode[] codes, LocalTimeRule rule)
        {
            if (log == null) throw new System.ArgumentNullException("log");
            AnalysisChannels.Validate(codes);
            if (codes.Length != log.ChannelCount) throw new System.ArgumentException("the analysis log and the channel list disagree on the channel count");
            _log = log;
            _codes = codes;
            _rule = rule;
            _values = new long[codes.Length];
        }

        /// <summary>Intervals written.</summary>
        public long Written { get; private set; }

        /// <summary>Writes interval <paramref name="record"/> with <paramref name="status"/> (<see cref="IntervalStatus"/> bits | <see cref="AnalysisLog.Flagged"/>).</summary>
        public void Write(TenMinuteRecord record, int status)
        {
            for (int i = 0; i < _codes.Length; i++) _values[i] = AnalysisChannels.Value(_codes[i], record);
            if (_rule.ToLocal(record.IntervalEnd).IsSummerTime) status |= IntervalStatus.DaylightSaving;
            _log.Append(UnixTime.ToDateTime(record.IntervalEnd), _values, status);
            Written++;
        }
    }
}
