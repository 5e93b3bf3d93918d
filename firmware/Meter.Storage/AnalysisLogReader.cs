namespace Meter.Storage
{
    /// <summary>
    /// Reads an <see cref="AnalysisLog"/> forward, oldest readable interval first. Allocates its block buffer once;
    /// <see cref="Reset"/> starts over. Blocks whose header fails its check (or hold another channel set) are skipped.
    /// </summary>
    public sealed class AnalysisLogReader
    {
        private readonly AnalysisLog _log;
        private readonly byte[] _block;
        private long _seq;
        private int _offset;
        private int _end;
        private long _baseMinute;
        private long _minute;
        private bool _inBlock;

        /// <summary>A reader over <paramref name="log"/>, at its oldest interval.</summary>
        public AnalysisLogReader(AnalysisLog log)
        {
            if (log == null)
            {
                throw new System.ArgumentException("analysis log is required");
            }
            _log = log;
            _block = new byte[log.BlockSize];
            Reset();
        }

        /// <summary>Goes back to the oldest readable interval.</summary>
        public void Reset()
        {
            _seq = _log.OldestReadableSequence;
            _inBlock = false;
        }

        /// <summary>Reads the next interval into <paramref name="entry"/>; false when there is none.</summary>
        public bool Next(AnalysisEntry entry)
        {
            if (entry == null || entry.Values.Length != _log.ChannelCount)
            {
                throw new System.ArgumentException("entry must have one slot per analysis channel");
            }
            if (_log.CurrentBlockSequence < 1)
            {
                return false;
            }
            while (true)
            {
                if (!_inBlock && !OpenBlock())
                {
                    return false;
                }
                long minute = _minute;
                int status;
                int next = AnalysisLog.DecodeEntry(_block, _offset, _end, _log.ChannelCount, _baseMinute, ref minute, entry.Values, out status);
                if (next > 0)
                {
                    _offset = next;
                    _minute = minute;
                    entry.EndMinute = minute;
                    entry.EndTime = StorageTime.FromMinutes(minute);
                    entry.Status = status;
                    return true;
                }
                // End marker, end of the block or a malformed rest: the next block.
                _inBlock = false;
                _seq++;
            }
        }

        private bool OpenBlock()
        {
            long current = _log.CurrentBlockSequence;
            for (; _seq <= current; _seq++)
            {
                if (!_log.ReadHeader(_seq, _block))
                {
                    continue;
                }
                _end = _seq == current ? _log.CurrentTail : _log.BlockSize;
                _log.ReadBlock(_seq, _block, _end);
                _baseMinute = ByteCodec.ReadUInt32(_block, 6);
                _minute = _baseMinute;
                _offset = AnalysisLog.HeaderSize;
                _inBlock = true;
                return true;
            }
            return false;
        }
    }
}
