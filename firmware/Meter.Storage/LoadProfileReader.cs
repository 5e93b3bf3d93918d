namespace Meter.Storage
{
    /// <summary>
    /// Reads a <see cref="LoadProfile"/> forward, oldest readable interval first. Allocates its
    /// block buffer once; <see cref="Reset"/> starts over. Blocks whose header fails its check
    /// are skipped and counted in <see cref="SkippedBlocks"/>. Entries are decoded with their
    /// block's period, so time stamps stay right across a period change, and with its block's
    /// channels (base or base plus the extra one, <see cref="LoadProfile.ChangeChannels"/>).
    /// </summary>
    public sealed class LoadProfileReader
    {
        private readonly LoadProfile _profile;
        private readonly byte[] _block;
        private readonly long[] _values;
        private long _seq;
        private int _offset;
        private int _end;
        private long _baseMinute;
        private long _minute;
        private int _period;
        private int _channels;
        private bool _inBlock;
        private int _skippedBlocks;

        /// <summary>Creates a reader over <paramref name="profile"/>, positioned at the oldest interval.</summary>
        public LoadProfileReader(LoadProfile profile)
        {
            if (profile == null)
            {
                throw new System.ArgumentException("profile is required");
            }
            _profile = profile;
            _block = new byte[profile.BlockSize];
            _values = new long[profile.MaximumChannelCount];
            Reset();
        }

        /// <summary>Blocks skipped because their header was invalid.</summary>
        public int SkippedBlocks
        {
            get { return _skippedBlocks; }
        }

        /// <summary>Goes back to the oldest readable interval.</summary>
        public void Reset()
        {
            _seq = _profile.OldestReadableSequence;
            _inBlock = false;
            _skippedBlocks = 0;
        }

        /// <summary>
        /// Reads the next interval into <paramref name="entry"/>; false when there is none. The entry's
        /// <see cref="ProfileEntry.ChannelCount"/> is its block's; slots beyond it read 0. An entry of
        /// <see cref="LoadProfile.MaximumChannelCount"/> slots reads every block, one of the newest
        /// block's channels every block up to it.
        /// </summary>
        public bool Next(ProfileEntry entry)
        {
            if (entry == null || entry.Deltas.Length < _profile.ChannelCount || entry.Deltas.Length > _profile.MaximumChannelCount)
            {
                throw new System.ArgumentException("entry must have one slot per profile channel (or per channel with the extra one)");
            }
            if (!_profile.IsStarted)
            {
                return false;
            }
            while (true)
            {
                if (!_inBlock && !OpenBlock())
                {
                    return false;
                }
                if (_channels > entry.Deltas.Length)
                {
                    throw new System.ArgumentException("a block carries the extra channel: the entry needs LoadProfile.MaximumChannelCount slots");
                }
                if (_offset < _end)
                {
                    long minute = _minute;
                    int status;
                    int next = LoadProfile.DecodeEntry(_block, _offset, _end, _channels, _period, _baseMinute, ref minute, entry.Deltas, out status);
                    if (next > 0)
                    {
                        _offset = next;
                        _minute = minute;
                        entry.EndMinute = minute;
                        entry.EndTime = StorageTime.FromMinutes(minute);
                        entry.Status = status;
                        entry.PeriodMinutes = _period;
                        entry.ChannelCount = _channels;
                        for (int c = 0; c < entry.Deltas.Length; c++)
                        {
                            if (c >= _channels)
                            {
                                entry.Deltas[c] = 0;
                                entry.Values[c] = 0;
                                continue;
                            }
                            _values[c] += entry.Deltas[c];
                            entry.Values[c] = _values[c];
                        }
                        return true;
                    }
                }
                // End marker, end of block or malformed rest: go on with the next block.
                _inBlock = false;
                _seq++;
            }
        }

        private bool OpenBlock()
        {
            long current = _profile.CurrentBlockSequence;
            while (_seq <= current)
            {
                int channels = _profile.ReadHeader(_seq, _block);
                if (channels > 0)
                {
                    _channels = channels;
                    _end = _seq == current ? _profile.CurrentTail : _profile.BlockSize;
                    _profile.ReadBlock(_seq, _block, _end);
                    _baseMinute = ByteCodec.ReadUInt32(_block, 6);
                    _period = _block[10]; // each block's own period (LoadProfile.ChangePeriod)
                    _minute = _baseMinute;
                    for (int c = 0; c < channels; c++)
                    {
                        _values[c] = ByteCodec.ReadInt64(_block, 12 + 8 * c);
                    }
                    _offset = LoadProfile.HeaderSize(channels);
                    _inBlock = true;
                    return true;
                }
                _skippedBlocks++;
                _seq++;
            }
            return false;
        }
    }
}
