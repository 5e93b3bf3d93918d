using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// The analysis logger (issue 20, OMNIPOWER "analysis logger"): one entry per 10-min interval (IEC 61000-4-30
    /// §4.5, synchronised to the clock) with the aggregated value of each configured channel (1 … 24 signed integers,
    /// their meaning and decimals defined by the owner, Meter.Core AnalysisChannels), the interval's
    /// <see cref="IntervalStatus"/> flags and the <see cref="Flagged"/> bit. Stored like the load profile: a ring of
    /// fixed-size blocks, each entry committed by a wear-levelled pointer (block sequence, tail).
    /// </summary>
    /// <remarks>
    /// Block: header <c>magic 'AL' (2) | block sequence (4) | base minute (4) | channels (1) | channel set (4) |
    /// CRC-32 (4)</c>, then entries, then 0xFF (end marker) if the block is not exactly full.
    /// Entry: status byte (bits 0–3 the <see cref="IntervalStatus"/> flags, bit 4 flagged, bit 5 explicit time follows,
    /// bits 6–7 zero), optional explicit time (LEB128 minutes after the block's base; otherwise previous end + 10 min),
    /// then one zigzag LEB128 value per channel (a voltage of 230.0 V in tenths takes 2 bytes).
    /// Power-fail safety as <see cref="LoadProfile"/>: new bytes only beyond the committed tail or in the next block
    /// (the spare: the readable ring is blockCount − 1 blocks), then the pointer commit. A cut leaves either the old
    /// or the new entry, and nothing older is touched.
    /// The channel set (a checksum of the channel list, given by the owner) is in every header: blocks of another
    /// set are not read back (a firmware with another channel list starts a new block and reads only its own).
    /// </remarks>
    public sealed class AnalysisLog
    {
        /// <summary>Interval length, minutes (IEC 61000-4-30 §4.4: 10-min aggregation).</summary>
        public const int PeriodMinutes = 10;

        /// <summary>Most channels an entry holds (OMNIPOWER analysis logger: 16 or 24 channels).</summary>
        public const int MaxChannels = 24;

        /// <summary>Status bit of an interval in which a dip, swell or interruption occurred (IEC 61000-4-30 §4.7), beside the <see cref="IntervalStatus"/> bits.</summary>
        public const int Flagged = 0x80;

        /// <summary>Pointer record slots (one commit an interval, wear-levelled over these).</summary>
        public const int PointerSlots = BlockRing.PointerSlots;

        /// <summary>Header bytes of a block.</summary>
        public const int HeaderSize = 19;

        private const int Magic0 = 0x41; // 'A'
        private const int Magic1 = 0x4C; // 'L'
        private const int EndMarker = 0xFF;
        private const int EntryFlagged = 0x10;
        private const int EntryExplicitTime = 0x20;

        private readonly INvMemory _memory;
        private readonly BlockRing _ring;
        private readonly int _blockSize;
        private readonly int _channels;
        private readonly uint _channelSet;
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _entry;
        private readonly byte[] _block;
        private long _blockSeq;
        private int _tail;
        private long _blockBase;
        private long _lastMinute;
        private bool _started;

        /// <summary>Describes the log; call <see cref="Recover"/> before use.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="baseAddress">First byte of the region.</param>
        /// <param name="regionSize">Bytes of the region (pointer record + blocks).</param>
        /// <param name="blockSize">Block size, bytes.</param>
        /// <param name="channelCount">Values an entry (1 … <see cref="MaxChannels"/>).</param>
        /// <param name="channelSet">The owner's checksum of its channel list (stored in every block header).</param>
        public AnalysisLog(INvMemory memory, int baseAddress, int regionSize, int blockSize, int channelCount, uint channelSet)
        {
            if (memory == null)
            {
                throw new System.ArgumentException("memory is required");
            }
            if (channelCount < 1 || channelCount > MaxChannels)
            {
                throw new System.ArgumentException("the analysis logger has 1 to 24 channels");
            }
            _entry = new byte[MaxEntrySize(channelCount)];
            if (blockSize < HeaderSize + 2 * _entry.Length)
            {
                throw new System.ArgumentException("analysis block too small for its header and two entries");
            }
            _ring = new BlockRing(memory, baseAddress, regionSize, blockSize, "analysis");
            _memory = memory;
            _blockSize = blockSize;
            _channels = channelCount;
            _channelSet = channelSet;
            _block = new byte[blockSize];
        }

        /// <summary>Largest entry of <paramref name="channelCount"/> channels: status, explicit time, the values.</summary>
        public static int MaxEntrySize(int channelCount)
        {
            return 1 + ByteCodec.MaxVarIntBytes * (channelCount + 1);
        }

        /// <summary>Values an entry.</summary>
        public int ChannelCount { get { return _channels; } }

        /// <summary>The channel set the entries are written with.</summary>
        public uint ChannelSet { get { return _channelSet; } }

        /// <summary>Blocks in the ring (one is the spare).</summary>
        public int BlockCount { get { return _ring.BlockCount; } }

        /// <summary>Bytes a block.</summary>
        public int BlockSize { get { return _blockSize; } }

        /// <summary>True once an entry of this channel set is stored (after <see cref="Recover"/> or <see cref="Append"/>).</summary>
        public bool HasEntries { get { return _started; } }

        /// <summary>Minutes since 2000 of the newest entry's end (valid with <see cref="HasEntries"/>).</summary>
        public long LastMinute { get { return _lastMinute; } }

        /// <summary>Sequence of the current (newest) block; 0 before the first.</summary>
        public long CurrentBlockSequence { get { return _blockSeq; } }

        /// <summary>Committed end of the data in the current block.</summary>
        public int CurrentTail { get { return _tail; } }

        /// <summary>Torn pointer slots discarded at the last <see cref="Recover"/>.</summary>
        public int TornPointerSlots { get { return _ring.TornPointerSlots; } }

        /// <summary>Sequence of the oldest readable block.</summary>
        public long OldestReadableSequence
        {
            get { return _ring.OldestReadable(_blockSeq); }
        }

        /// <summary>
        /// Reads the pointer and the current block: the newest entry's time. Returns true when the log holds entries of
        /// this channel set (a current block of another set, or an unreadable one, is left and the next entry opens a new block).
        /// </summary>
        public bool Recover()
        {
            _started = false;
            _blockSeq = 0;
            _tail = 0;
            if (!_ring.RecoverPointer(out _blockSeq, out _tail))
            {
                return false;
            }
            if (_blockSeq < 1 || _tail < HeaderSize || _tail > _blockSize || !ReadHeader(_blockSeq, _block))
            {
                return false;
            }
            _blockBase = ByteCodec.ReadUInt32(_block, 6);
            _memory.Read(BlockAddress(_blockSeq), _block, 0, _tail);
            long minute = _blockBase;
            int offset = HeaderSize;
            while (offset < _tail)
            {
                int status;
                offset = DecodeEntry(_block, offset, _tail, _channels, _blockBase, ref minute, null, out status);
                if (offset <= 0)
                {
                    return false;
                }
            }
            _lastMinute = minute;
            _started = true;
            return true;
        }

        /// <summary>
        /// Stores the interval ending at <paramref name="intervalEnd"/> (UTC) with one value a channel and its status
        /// (<see cref="IntervalStatus"/> flags | <see cref="Flagged"/>). Durable when this returns; a power cut during it
        /// leaves the log without this entry. No allocation.
        /// </summary>
        public void Append(System.DateTime intervalEnd, long[] values, int status)
        {
            if (values == null || values.Length != _channels)
            {
                throw new System.ArgumentException("values must hold exactly one entry per analysis channel");
            }
            if ((status & ~(IntervalStatus.All | Flagged)) != 0)
            {
                throw new System.ArgumentException("unknown analysis interval status flag");
            }
            long minute = StorageTime.ToMinutes(intervalEnd);
            if (_started && minute > _lastMinute)
            {
                int length = EncodeEntry(minute, _blockBase, values, status);
                if (_tail + length <= _blockSize)
                {
                    _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, length);
                    Commit(_blockSeq, _tail + length);
                    _tail += length;
                    _lastMinute = minute;
                    return;
                }
            }
            // A new block: its base is the previous entry's end, or one period before this entry (first entry, clock set back).
            long baseMinute = _started && minute > _lastMinute ? _lastMinute : minute - PeriodMinutes;
            if (baseMinute < 0)
            {
                throw new System.ArgumentException("interval end too early to be stored");
            }
            if (_started && _tail < _blockSize)
            {
                // Beyond the committed tail: marks the end for readers of the block once it is no longer current.
                _entry[0] = EndMarker;
                _memory.Write(BlockAddress(_blockSeq) + _tail, _entry, 0, 1);
            }
            long seq = _blockSeq + 1;
            WriteHeader(seq, baseMinute);
            _lastMinute = baseMinute;
            int first = EncodeEntry(minute, baseMinute, values, status);
            _memory.Write(BlockAddress(seq) + HeaderSize, _entry, 0, first);
            Commit(seq, HeaderSize + first);
            _blockSeq = seq;
            _tail = HeaderSize + first;
            _blockBase = baseMinute;
            _lastMinute = minute;
            _started = true;
        }

        internal int BlockAddress(long seq)
        {
            return _ring.BlockAddress(seq);
        }

        /// <summary>Reads block <paramref name="seq"/>'s header into <paramref name="into"/>; true when it is that block's, of this channel set.</summary>
        internal bool ReadHeader(long seq, byte[] into)
        {
            _memory.Read(BlockAddress(seq), into, 0, HeaderSize);
            return into[0] == Magic0 && into[1] == Magic1
                && ByteCodec.ReadUInt32(into, 2) == (uint)seq
                && into[10] == _channels && ByteCodec.ReadUInt32(into, 11) == _channelSet
                && Crc32.Compute(into, 0, HeaderSize - 4) == ByteCodec.ReadUInt32(into, HeaderSize - 4);
        }

        internal void ReadBlock(long seq, byte[] into, int count)
        {
            _memory.Read(BlockAddress(seq), into, 0, count);
        }

        /// <summary>
        /// Decodes the entry at <paramref name="offset"/> (values into <paramref name="values"/> unless null); returns the
        /// offset after it, 0 at an end marker, −1 for malformed data. <paramref name="minute"/> is the previous end on
        /// entry and this entry's end on return.
        /// </summary>
        internal static int DecodeEntry(byte[] buffer, int offset, int end, int channels, long baseMinute, ref long minute, long[] values, out int status)
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
            if ((flags & 0xC0) != 0)
            {
                return -1;
            }
            status = (flags & IntervalStatus.All) | ((flags & EntryFlagged) != 0 ? Flagged : 0);
            if ((flags & EntryExplicitTime) != 0)
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
                minute += PeriodMinutes;
            }
            for (int c = 0; c < channels; c++)
            {
                long v;
                offset = ByteCodec.ReadVarInt(buffer, offset, end, out v);
                if (offset < 0)
                {
                    return -1;
                }
                if (values != null)
                {
                    values[c] = v;
                }
            }
            return offset;
        }

        private int EncodeEntry(long minute, long baseMinute, long[] values, int status)
        {
            bool implicitTime = minute == _lastMinute + PeriodMinutes;
            int flags = (status & IntervalStatus.All) | ((status & Flagged) != 0 ? EntryFlagged : 0) | (implicitTime ? 0 : EntryExplicitTime);
            int offset = 0;
            _entry[offset++] = (byte)flags;
            if (!implicitTime)
            {
                offset = ByteCodec.WriteVarUInt(_entry, offset, minute - baseMinute);
            }
            for (int c = 0; c < _channels; c++)
            {
                offset = ByteCodec.WriteVarInt(_entry, offset, values[c]);
            }
            return offset;
        }

        private void WriteHeader(long seq, long baseMinute)
        {
            _header[0] = Magic0;
            _header[1] = Magic1;
            ByteCodec.WriteUInt32(_header, 2, (uint)seq);
            ByteCodec.WriteUInt32(_header, 6, (uint)baseMinute);
            _header[10] = (byte)_channels;
            ByteCodec.WriteUInt32(_header, 11, _channelSet);
            ByteCodec.WriteUInt32(_header, HeaderSize - 4, Crc32.Compute(_header, 0, HeaderSize - 4));
            _memory.Write(BlockAddress(seq), _header, 0, HeaderSize);
        }

        private void Commit(long seq, int tail)
        {
            _ring.Commit(seq, tail);
        }
    }
}
