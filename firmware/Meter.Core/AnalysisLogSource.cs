using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The analysis logger (the optical port's P.02) as the entries of profile generic 1-0:99.2.0.255 (Blue Book OBIS
    /// "load profile with recording period 2", VDEW P.02 = 99.2): each 10-min interval's end as the clock's time, then
    /// each channel (<see cref="AnalysisChannels"/>) as the capture object 1-0:C.D.E.255 attribute 2 (register), the value
    /// the integer P.02 shows without its decimal point, brought to the scaler of the meter's register of that code where
    /// one exists (<see cref="AnalysisChannels.RegisterFactor"/>: currents in mA).
    /// </summary>
    public sealed class AnalysisLogSource : StoredListSource
    {
        // Bytes an entry takes at most while each value's magnitude stays below 2^20 (three zigzag LEB128 bytes) and the
        // time is implicit: the status byte, then the values; profile_entries is stated with it.
        private const int ValueBytes = 3;

        private readonly AnalysisLog _log;
        private readonly AnalysisLogReader _reader;
        private readonly AnalysisEntry _entry;
        private readonly int[] _factors;

        /// <summary>The entries of <paramref name="log"/>, its channels <paramref name="codes"/>.</summary>
        public AnalysisLogSource(AnalysisLog log, ObisCode[] codes, LocalTimeRule rule) : base(rule, log.ChannelCount)
        {
            if (codes.Length != log.ChannelCount) throw new System.ArgumentException("one code per analysis channel");
            _log = log;
            _reader = new AnalysisLogReader(log);
            _entry = new AnalysisEntry(log.ChannelCount);
            _factors = new int[codes.Length];
            for (int c = 0; c < codes.Length; c++) _factors[c] = AnalysisChannels.RegisterFactor(codes[c]);
            for (int c = 0; c < codes.Length; c++)
                Column(c + 1, (int)ObisInterfaceClass.Register, new ObisCode(1, 0, codes[c].C, codes[c].D, codes[c].E, 255), 2);
        }

        /// <inheritdoc />
        public override long CapturePeriodSeconds => AnalysisLog.PeriodMinutes * 60L;

        /// <summary>Intervals the readable blocks (all but the spare) hold at least, values below 2^20 in magnitude.</summary>
        public override long ProfileEntries
            => (long)(_log.BlockCount - 1) * ((_log.BlockSize - AnalysisLog.HeaderSize - 1) / (1 + ValueBytes * _log.ChannelCount));

        /// <inheritdoc />
        public override void Rewind() => _reader.Reset();

        /// <inheritdoc />
        public override bool Next()
        {
            if (!_reader.Next(_entry)) return false;
            EntryUtc = UnixTime.ToSeconds(_entry.EndTime);
            return true;
        }

        /// <inheritdoc />
        protected override void WriteValue(int column, AxdrWriter value)
            => ObisTableCosemObjects.WriteInteger(_entry.Values[column - 1] * _factors[column - 1], value);
    }
}
