// Longer than 400 lines: writing, reading and the power-up recovery scan of the load profile all depend on the one
// block and entry layout in the remarks below; kept together so a layout change is made in one place. The reader for
// range requests is already separate (LoadProfileReader). Next step: the entry codec as its own class.
using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// The load profile: one entry per integration period (5, 15, 30 or 60 min, Kamstrup 351 B
    /// code E / OMNIPOWER Z4) with the energy of each channel, compactly encoded in a ring of
    /// fixed-size blocks. The period can change at run time (<see cref="ChangePeriod"/>): each
    /// block carries its own period, and the newest block's period is the meter's.
    /// </summary>
    /// <remarks>
    /// Block: header <c>magic 'LP' (2) | block sequence (4) | base minute (4) | period (1) |
    /// channels (1) | register values at the base minute (8·channels) | CRC-32 (4)</c>, then
    /// entries, then 0xFF (end marker) if the block is not exactly full.
    /// Entry: flags byte (bits 0–3: channel 0–3 delta is zero and omitted; bit 4: DST; bit 5:
    /// extension byte follows; bit 6: channel 4 delta is zero and omitted, in 5-channel blocks
    /// only, zero in all others; bit 7 zero), optional extension byte (bit 0 power failure,
    /// bit 1 clock set, bit 2 incomplete, bit 3 explicit time follows), optional explicit time
    /// (LEB128 minutes after the block's base minute; otherwise previous end + period), then one
    /// LEB128 delta per channel not flagged zero. About 4 bytes an interval for A+/A-/R+/R- on
    /// the residential reference profile.
    /// Power-fail safety: new bytes are only ever written beyond the committed tail (or into the
    /// block after the current one) and then committed by a <see cref="WearLevelledRecord"/>
    /// holding (block sequence, tail offset). A cut before that commit leaves the old profile.
    /// Because opening a block overwrites the oldest one, the readable ring is blockCount − 1
    /// blocks: the oldest block is a spare.
    /// Period: the header's period byte is the period of that block's entries (the implicit
    /// time step); a profile that never changed its period has the same byte in every block, so
    /// it reads exactly as before per-block periods existed. The period given to the constructor
    /// is only the default for an empty (or lost) profile.
    /// Extra channel: besides the constructor's channels (the base) a block may carry one more
    /// (the pulse-input register, <see cref="ChangeChannels"/>); its channels byte says which.
    /// Base-only blocks are exactly as before the extra channel existed; a ring may hold both
    /// kinds, and the newest block's count is the one new entries are written with.
    /// </remarks>
    public sealed class LoadProfile
    {
        /// <summary>Pointer record slots: the pointer is committed once an interval, wear-levelled over these.</summary>
        public const int PointerSlots = BlockRing.PointerSlots;

        private const int Magic0 = 0x4C; // 'L'
        private const int Magic1 = 0x50; // 'P'
        private const byte EndMarker = 0xFF;
        private const int FlagDst = 0x10;
        private const int FlagExtension = 0x20;
        private const int FlagChannel4Zero = 0x40;
        private const int ExtPowerFailure = 0x01;
        private const int ExtClockSet = 0x02;
        private const int ExtIncomplete = 0x04;
        private const int ExtExplicitTime = 0x08;

        private readonly INvMemory _memory;
        private readonly BlockRing _ring;
        private readonly int _blockCount;
        private readonly int _blockSize;
        private readonly int _baseChannels;
        private readonly int _maximumChannels;
        private int _channels;
        private readonly int _defaultPeriod;
        private int _period;
        private int _headerSize;
        private readonly long[] _lastValues;
        private readonly long[] _deltas;
        private readonly byte[] _entry;
        private readonly byte[] _header;
        private readonly byte[] _block;
        private bool _started;
        private long _blockSeq;
        private int _tail;
        private long _blockBase;
        private long _lastMinute;
        private bool _lostOnRecovery;

        /// <summary>Describes the profile; call <see cref="Recover"/> before use.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="baseAddress">First byte of the region (see <see cref="RegionSize"/>).</param>
        /// <param name="regionSize">Bytes given to the profile (pointer record + blocks).</param>
        /// <param name="blockSize">Block size in bytes (e.g. 1024).</param>
        /// <param name="channelCount">Channels (1–8, see <see cref="ProfileChannels"/>).</param>
        /// <param name="periodMinutes">Integration period of an empty profile: 5, 15, 30 or 60 (a recovered profile keeps its newest block's).</param>
        public LoadProfile(INvMemory memory, int baseAddress, int regionSize, int blockSize, int channelCount, int periodMinutes)
        {
            if (memory == null)
            {
                throw new System.ArgumentException("memory is required");
            }
            if (!IsPeriod(periodMinutes))
            {
                // Kamstrup 351 B / 382 J: "configurable to 5, 15, 30 or 60 minutes"
                throw new System.ArgumentException("integration period must be 5, 15, 30 or 60 minutes");
            }
            if (channelCount < 1 || channelCount > 8)
            {
                throw new System.ArgumentException("a load profile has 1 to 8 channels");
            }
            _headerSize = HeaderSize(channelCount);
            if (!HoldsTwoEntries(blockSize, channelCount))
            {
                throw new System.ArgumentException("profile block too small for its header and two entries");
            }
            _ring = new BlockRing(memory, baseAddress, regionSize, blockSize, "profile");
            _memory = memory;
            _blockCount = _ring.BlockCount;
            _blockSize = blockSize;
            _baseChannels = channelCount;
            _maximumChannels = channelCount < 8 ? channelCount + 1 : channelCount;
            _channels = channelCount;
            _defaultPeriod = periodMinutes;
            _period = periodMinutes;
            _lastValues = new long[_maximumChannels];
            _deltas = new long[_maximumChannels];
            _entry = new byte[2 + ByteCodec.MaxVarIntBytes * (_maximumChannels + 1)];
            _header = new byte[HeaderSize(_maximumChannels)];
            _block = new byte[blockSize];
        }

        private static bool HoldsTwoEntries(int blockSize, int channelCount)
        {
            return blockSize >= HeaderSize(channelCount) + 2 * (2 + 2 + ByteCodec.MaxVarIntBytes * (channelCount + 1));
        }

        /// <summary>Header bytes of a block for <paramref name="channelCount"/> channels.</summary>
        public static int HeaderSize(int channelCount)
        {
            return 16 + 8 * channelCount;
        }

        /// <summary>Channels per entry of the newest block: the values <see cref="Append"/> takes.</summary>
        public int ChannelCount
        {
            get { return _channels; }
        }

        /// <summary>The constructor's channels: an empty or lost profile starts with them.</summary>
        public int BaseChannelCount
        {
            get { return _baseChannels; }
        }

        /// <summary>The base channels plus the extra one (<see cref="ChangeChannels"/>); at most 8. A <see cref="ProfileEntry"/> this long reads any block.</summary>
        public int MaximumChannelCount
        {
            get { return _maximumChannels; }
        }

        /// <summary>Integration period in minutes of the newest block: the period new entries are written with.</summary>
        public int PeriodMinutes
        {
            get { return _period; }
        }

        /// <summary>The period an empty or lost profile starts with (the constructor's).</summary>
        public int DefaultPeriodMinutes
        {
            get { return _defaultPeriod; }
        }

        /// <summary>True for the integration periods the seeds allow: 5, 15, 30 or 60 min (Kamstrup 351 B / 382 J code E).</summary>
        public static bool IsPeriod(int minutes)
        {
            return minutes == 5 || minutes == 15 || minutes == 30 || minutes == 60;
        }

        /// <summary>Blocks in the ring (one of them is the spare).</summary>
        public int BlockCount
        {
            get { return _blockCount; }
        }

        /// <summary>Bytes per block.</summary>
        public int BlockSize
        {
            get { return _blockSize; }
        }

        /// <summary>True once <see cref="Start"/> has stored the reference reading.</summary>
        public bool IsStarted
        {
            get { return _started; }
        }

        /// <summary>Torn pointer slots discarded at the last <see cref="Recover"/>.</summary>
        public int TornPointerSlots
        {
            get { return _ring.TornPointerSlots; }
        }

        /// <summary>True if the last <see cref="Recover"/> found the current block unreadable and had to restart the profile (never happens after torn writes; only after real corruption).</summary>
        public bool LostOnRecovery
        {
            get { return _lostOnRecovery; }
        }

        /// <summary>Minutes since 2000 of the newest entry (or of the reference reading).</summary>
        public long LastMinute
        {
            get { return _lastMinute; }
        }

        /// <summary>Register value of channel <paramref name="channel"/> at the newest entry.</summary>
        public long LastValue(int channel)
        {
            return _lastValues[channel];
        }

        /// <summary>Sequence of the current (newest) block (1 for the first block ever).</summary>
        public long CurrentBlockSequence
        {
            get { return _blockSeq; }
        }

        /// <summary>Committed end of the data in the current block (bytes from the block start).</summary>
        public int CurrentTail
        {
            get { return _tail; }
        }

        /// <summary>Sequence of the oldest block that is still readable.</summary>
        internal long OldestReadableSequence
        {
            get { return _ring.OldestReadable(_blockSeq); }
        }

        /// <summary>Base minute of the oldest readable block: the profile reaches back to here (−1 when not started).</summary>
        public long OldestMinute
        {
            get
            {
                if (!_started)
                {
                    return -1;
                }
                for (long seq = OldestReadableSequence; seq <= _blockSeq; seq++)
                {
                    if (ReadHeader(seq, _header) > 0)
                    {
                        return ByteCodec.ReadUInt32(_header, 6);
                    }
                }
                return -1;
            }
        }

        /// <summary>
        /// Reads the commit pointer and the current block, restoring the newest entry's time and
        /// values. Returns true when the profile holds data.
        /// </summary>
        public bool Recover()
        {
            _started = false;
            _lostOnRecovery = false;
            _period = _defaultPeriod;
            SetChannels(_baseChannels);
            if (!_ring.RecoverPointer(out _blockSeq, out _tail))
            {
                return false;
            }
            int channels = _blockSeq < 1 ? 0 : ReadHeader(_blockSeq, _header);
            if (channels == 0 || _tail < HeaderSize(channels) || _tail > _blockSize)
            {
                _lostOnRecovery = true;
                return false;
            }
            SetChannels(channels);
            _blockBase = ByteCodec.ReadUInt32(_header, 6);
            _lastMinute = _blockBase;
            int period = _header[10];
            for (int c = 0; c < _channels; c++)
            {
                _lastValues[c] = ByteCodec.ReadInt64(_header, 12 + 8 * c);
            }
            _memory.Read(BlockAddress(_blockSeq), _block, 0, _tail);
            int offset = _headerSize;
            while (offset < _tail)
            {
                int status;
                offset = DecodeEntry(_block, offset, _tail, _channels, period, _blockBase, ref _lastMinute, _deltas, out status);
                if (offset <= 0)
                {
                    _lostOnRecovery = true;
                    return false;
                }
                for (int c = 0; c < _channels; c++)
                {
                    _lastValues[c] += _deltas[c];
                }
            }
            _period = period;
            _started = true;
            return true;
        }

        /// <summary>
        /// Stores the reference reading the first interval is measured from (once, on an empty
        /// profile; after formatting or after <see cref="LostOnRecovery"/>).
        /// </summary>
        public void Start(System.DateTime at, long[] values)
        {
            if (_started)
            {
                throw new System.InvalidOperationException("the load profile is already started");
            }
            if (values == null || (values.Length != _baseChannels && values.Length != _maximumChannels))
            {
                throw new System.ArgumentException("values must hold one entry per base channel, or one more for the extra channel");
            }
            SetChannels(values.Length);
            long minute = StorageTime.ToMinutes(at);
            long seq = _ring.CommittedSequence + 1;
            WriteHeader(seq, minute, values);
            Commit(seq, _headerSize);
            _blockSeq = seq;
            _tail = _headerSize;
            _blockBase = minute;
            _lastMinute = minute;
            for (int c = 0; c < _channels; c++)
            {
                _lastValues[c] = values[c];
            }
            _started = true;
        }

        /// <summary>
        /// Records the interval ending at <paramref name="intervalEnd"/> with the register values
        /// at that time and its <see cref="IntervalStatus"/> flags. Registers must not decrease.
        /// Durable when this returns; a power cut during it leaves the profile without this entry.
        /// </summary>
        public void Append(System.DateTime intervalEnd, long[] values, int status)
        {
            if (!_started)
            {
                throw new System.InvalidOperationException("the load profile has no reference reading: call Start first");
            }
            PrepareDeltas(values, status);
            long minute = StorageTime.ToMinutes(intervalEnd);
            int length = -1;
            if (minute > _lastMinute)
            {
                length = EncodeEntry(minute, _blockBase, status);
            }
            if (length > 0 && (_tail + length <= _blockSize))
            {
                _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, length);
                Commit(_blockSeq, _tail + length);
                _tail += length;
            }
            else
            {
                // New block. Its base is the previous entry (time and values) unless the clock
                // went back, then the new entry's start.
                long baseMinute = minute > _lastMinute ? _lastMinute : minute - _period;
                if (baseMinute < 0)
                {
                    throw new System.ArgumentException("interval end too early to be stored");
                }
                if (_tail < _blockSize)
                {
                    _entry[0] = EndMarker;
                    _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, 1);
                }
                long seq = _blockSeq + 1;
                WriteHeader(seq, baseMinute, _lastValues);
                length = EncodeEntry(minute, baseMinute, status);
                _memory.Write(BlockAddress(seq) + _headerSize, _entry, 0, length);
                Commit(seq, _headerSize + length);
                _blockSeq = seq;
                _tail = _headerSize + length;
                _blockBase = baseMinute;
            }
            _lastMinute = minute;
            for (int c = 0; c < _channels; c++)
            {
                _lastValues[c] = values[c];
            }
        }

        /// <summary>
        /// Changes the integration period to <paramref name="periodMinutes"/> at
        /// <paramref name="at"/> (W1 of 1-0:0.8.0): the running interval, from the newest entry to
        /// <paramref name="at"/>, is closed with <paramref name="values"/> and
        /// <paramref name="status"/> (the caller marks it <see cref="IntervalStatus.Incomplete"/>),
        /// and a new block whose header carries the new period starts at that entry. Durable when
        /// this returns; power-fail safe like <see cref="Append"/>: the closing entry goes past the
        /// committed tail (or into the new block if the current one is full), the new header into
        /// the spare block, and one pointer commit switches both, so a cut leaves either the old
        /// period and profile or the new ones. Returns false when <paramref name="at"/> falls in
        /// the newest entry's minute (or before it): nothing to close at minute resolution, the
        /// running interval goes on under the new period and no entry is written.
        /// </summary>
        public bool ChangePeriod(System.DateTime at, long[] values, int status, int periodMinutes)
        {
            if (!_started)
            {
                throw new System.InvalidOperationException("the load profile has no reference reading: call Start first");
            }
            if (!IsPeriod(periodMinutes))
            {
                throw new System.ArgumentException("integration period must be 5, 15, 30 or 60 minutes");
            }
            PrepareDeltas(values, status);
            long minute = StorageTime.ToMinutes(at);
            bool close = minute > _lastMinute;
            int length = close ? EncodeEntry(minute, _blockBase, status) : 0;
            bool inCurrentBlock = close && _tail + length <= _blockSize;
            if (inCurrentBlock)
            {
                _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, length);
            }
            int end = inCurrentBlock ? _tail + length : _tail;
            if (end < _blockSize)
            {
                _entry[0] = EndMarker;
                _memory.Write(BlockAddress(_blockSeq) + end, _entry, 0, 1);
            }
            long seq = _blockSeq + 1;
            long baseMinute = inCurrentBlock ? minute : _lastMinute;
            _period = periodMinutes;
            WriteHeader(seq, baseMinute, inCurrentBlock ? values : _lastValues);
            int tail = _headerSize;
            if (close && !inCurrentBlock)
            {
                // The closing entry did not fit: it is the new block's first entry (decoded with the new period).
                length = EncodeEntry(minute, baseMinute, status);
                _memory.Write(BlockAddress(seq) + tail, _entry, 0, length);
                tail += length;
            }
            Commit(seq, tail);
            _blockSeq = seq;
            _tail = tail;
            _blockBase = baseMinute;
            if (close)
            {
                _lastMinute = minute;
                for (int c = 0; c < _channels; c++)
                {
                    _lastValues[c] = values[c];
                }
            }
            return close;
        }

        /// <summary>
        /// Switches the channels new entries carry to <paramref name="channelCount"/> — the base, or the base plus
        /// the extra channel (<see cref="MaximumChannelCount"/>) — at the newest entry: a new block starts there, as
        /// <see cref="ChangePeriod"/> opens one, with <paramref name="values"/> as its reference reading. No interval
        /// is closed (call it right after <see cref="Append"/>): the base channels' values must be the newest
        /// entry's. The extra channel's value is free, so the same count again restarts the extra channel from a
        /// new reference (its register went back, e.g. after a new pulse constant). Power-fail safe like
        /// <see cref="ChangePeriod"/>: the end marker lies past the committed tail and the header in the spare
        /// block until the one pointer commit, so a cut leaves the old channels and profile or the new ones.
        /// </summary>
        public void ChangeChannels(int channelCount, long[] values)
        {
            if (!_started)
            {
                throw new System.InvalidOperationException("the load profile has no reference reading: call Start first");
            }
            if (channelCount != _baseChannels && channelCount != _maximumChannels)
            {
                throw new System.ArgumentException("a load profile carries its base channels or one extra channel");
            }
            if (!HoldsTwoEntries(_blockSize, channelCount))
            {
                throw new System.ArgumentException("profile block too small for the extra channel's header and two entries");
            }
            if (values == null || values.Length != channelCount)
            {
                throw new System.ArgumentException("values must hold exactly one entry per channel of the new block");
            }
            for (int c = 0; c < _baseChannels; c++)
            {
                if (values[c] != _lastValues[c])
                {
                    throw new System.ArgumentException("the base channels' values must be the newest entry's: the new block starts there");
                }
            }
            if (_tail < _blockSize)
            {
                _entry[0] = EndMarker;
                _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, 1);
            }
            long seq = _blockSeq + 1;
            SetChannels(channelCount);
            WriteHeader(seq, _lastMinute, values);
            Commit(seq, _headerSize);
            _blockSeq = seq;
            _tail = _headerSize;
            _blockBase = _lastMinute;
            for (int c = 0; c < channelCount; c++)
            {
                _lastValues[c] = values[c];
            }
        }

        internal int BlockAddress(long seq)
        {
            return _ring.BlockAddress(seq);
        }

        /// <summary>
        /// Reads and checks the header of block <paramref name="seq"/> into <paramref name="into"/>
        /// (at least <see cref="HeaderSize"/> of <see cref="MaximumChannelCount"/> bytes); returns the
        /// block's channels (the base or the base plus the extra one), 0 when the header is invalid.
        /// </summary>
        internal int ReadHeader(long seq, byte[] into)
        {
            int address = BlockAddress(seq);
            _memory.Read(address, into, 0, 12);
            int channels = into[11];
            if (into[0] != Magic0 || into[1] != Magic1 || ByteCodec.ReadUInt32(into, 2) != (uint)seq
                || !IsPeriod(into[10]) || (channels != _baseChannels && channels != _maximumChannels))
            {
                return 0;
            }
            int size = HeaderSize(channels);
            _memory.Read(address + 12, into, 12, size - 12);
            return Crc32.Compute(into, 0, size - 4) == ByteCodec.ReadUInt32(into, size - 4) ? channels : 0;
        }

        internal void ReadBlock(long seq, byte[] into, int count)
        {
            _memory.Read(BlockAddress(seq), into, 0, count);
        }

        /// <summary>
        /// Decodes one entry at <paramref name="offset"/>; returns the offset after it, 0 at an
        /// end marker, or −1 for malformed data.
        /// </summary>
        internal static int DecodeEntry(byte[] buffer, int offset, int end, int channels, int period, long baseMinute, ref long minute, long[] deltas, out int status)
        {
            status = 0;
            if (offset >= end)
            {
                return -1;
            }
            int flags = buffer[offset++];
            if (flags == EndMarker)
            {
                return 0;
            }
            if ((flags & (channels == 5 ? 0x80 : 0xC0)) != 0)
            {
                return -1;
            }
            if ((flags & FlagDst) != 0)
            {
                status |= IntervalStatus.DaylightSaving;
            }
            bool explicitTime = false;
            if ((flags & FlagExtension) != 0)
            {
                if (offset >= end)
                {
                    return -1;
                }
                int ext = buffer[offset++];
                if ((ext & 0xF0) != 0)
                {
                    return -1;
                }
                if ((ext & ExtPowerFailure) != 0)
                {
                    status |= IntervalStatus.PowerFailure;
                }
                if ((ext & ExtClockSet) != 0)
                {
                    status |= IntervalStatus.ClockSet;
                }
                if ((ext & ExtIncomplete) != 0)
                {
                    status |= IntervalStatus.Incomplete;
                }
                explicitTime = (ext & ExtExplicitTime) != 0;
            }
            if (explicitTime)
            {
                long after;
                offset = ByteCodec.ReadVarUInt(buffer, offset, end, out after);
                if (offset < 0)
                {
                    return -1;
                }
                minute = baseMinute + after;
            }
            else
            {
                minute += period;
            }
            for (int c = 0; c < channels; c++)
            {
                if ((flags & ZeroFlag(c, channels)) != 0)
                {
                    deltas[c] = 0;
                    continue;
                }
                long d;
                offset = ByteCodec.ReadVarUInt(buffer, offset, end, out d);
                if (offset < 0)
                {
                    return -1;
                }
                deltas[c] = d;
            }
            return offset;
        }

        /// <summary>The flag bit saying channel <paramref name="channel"/>'s delta is zero and omitted (0: none): bits 0–3, and bit 6 for channel 4 of a 5-channel block.</summary>
        private static int ZeroFlag(int channel, int channels)
        {
            if (channel < 4)
            {
                return 1 << channel;
            }
            return channel == 4 && channels == 5 ? FlagChannel4Zero : 0;
        }

        private int EncodeEntry(long minute, long baseMinute, int status)
        {
            int flags = 0;
            int ext = 0;
            if ((status & IntervalStatus.DaylightSaving) != 0)
            {
                flags |= FlagDst;
            }
            if ((status & IntervalStatus.PowerFailure) != 0)
            {
                ext |= ExtPowerFailure;
            }
            if ((status & IntervalStatus.ClockSet) != 0)
            {
                ext |= ExtClockSet;
            }
            if ((status & IntervalStatus.Incomplete) != 0)
            {
                ext |= ExtIncomplete;
            }
            // The first entry after the base is implicit too: base + period.
            bool implicitTime = minute == _lastMinute + _period && baseMinute <= _lastMinute;
            if (!implicitTime)
            {
                ext |= ExtExplicitTime;
            }
            for (int c = 0; c < _channels; c++)
            {
                if (_deltas[c] == 0)
                {
                    flags |= ZeroFlag(c, _channels);
                }
            }
            if (ext != 0)
            {
                flags |= FlagExtension;
            }
            int offset = 0;
            _entry[offset++] = (byte)flags;
            if (ext != 0)
            {
                _entry[offset++] = (byte)ext;
            }
            if (!implicitTime)
            {
                offset = ByteCodec.WriteVarUInt(_entry, offset, minute - baseMinute);
            }
            for (int c = 0; c < _channels; c++)
            {
                if (_deltas[c] == 0 && ZeroFlag(c, _channels) != 0)
                {
                    continue;
                }
                offset = ByteCodec.WriteVarUInt(_entry, offset, _deltas[c]);
            }
            return offset;
        }

        private void WriteHeader(long seq, long baseMinute, long[] values)
        {
            _header[0] = Magic0;
            _header[1] = Magic1;
            ByteCodec.WriteUInt32(_header, 2, (uint)seq);
            ByteCodec.WriteUInt32(_header, 6, (uint)baseMinute);
            _header[10] = (byte)_period;
            _header[11] = (byte)_channels;
            for (int c = 0; c < _channels; c++)
            {
                ByteCodec.WriteInt64(_header, 12 + 8 * c, values[c]);
            }
            ByteCodec.WriteUInt32(_header, _headerSize - 4, Crc32.Compute(_header, 0, _headerSize - 4));
            _memory.Write(BlockAddress(seq), _header, 0, _headerSize);
        }

        private void Commit(long seq, int tail)
        {
            _ring.Commit(seq, tail);
        }

        /// <summary>Checks an entry's values and status (nothing changes on refusal) and fills the deltas to the previous values.</summary>
        private void PrepareDeltas(long[] values, int status)
        {
            CheckValues(values);
            if ((status & ~IntervalStatus.All) != 0)
            {
                throw new System.ArgumentException("unknown interval status flag");
            }
            for (int c = 0; c < _channels; c++)
            {
                long delta = values[c] - _lastValues[c];
                if (delta < 0)
                {
                    throw new System.ArgumentException("an energy register decreased between profile intervals");
                }
                _deltas[c] = delta;
            }
        }

        private void SetChannels(int channels)
        {
            _channels = channels;
            _headerSize = HeaderSize(channels);
        }

        private void CheckValues(long[] values)
        {
            if (values == null || values.Length != _channels)
            {
                throw new System.ArgumentException("values must hold exactly one entry per profile channel");
            }
        }
    }
}
