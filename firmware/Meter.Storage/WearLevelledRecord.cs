using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// A record of N long values kept power-fail safe and wear-levelled in a ring of slots.
    /// Each commit goes to the NEXT slot (never over the newest one), as
    /// <c>sequence (4) | values (8·N) | CRC-32 (4)</c>; recovery takes the valid slot with the
    /// highest sequence. A power cut at any byte therefore leaves either the previous commit
    /// (the interrupted slot fails its CRC) or the new one readable, and each slot receives only
    /// 1/slotCount of the writes.
    /// </summary>
    /// <remarks>
    /// The sequence is 32 bits: one commit a second for 136 years before it would wrap.
    /// </remarks>
    public sealed class WearLevelledRecord
    {
        private const int HeaderBytes = 4;
        private const int CrcBytes = 4;

        private readonly INvMemory _memory;
        private readonly int _baseAddress;
        private readonly int _slotCount;
        private readonly int _slotSize;
        private readonly long[] _values;
        private readonly byte[] _slot;
        private readonly long[] _encoded; // the values whose bytes _slot holds (while _slotEncoded)
        private readonly uint[] _secondHalfShift; // Crc32.ZeroShiftTable of the values' second half (RecordCrc)
        private long _sequence;
        private bool _hasValue;
        private int _tornSlots;
        // True while _slot holds the encoding of _encoded (since the first commit): the next commit
        // then re-encodes only the values that changed (a register record changes ~16 of 61 a second).
        private bool _slotEncoded;

        /// <summary>Describes the record; nothing is read until <see cref="Recover"/>.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="baseAddress">First byte of the region (see <see cref="RegionSize"/>).</param>
        /// <param name="valueCount">Number of long values in the record (≥ 1).</param>
        /// <param name="slotCount">Number of slots to rotate through (≥ 2).</param>
        public WearLevelledRecord(INvMemory memory, int baseAddress, int valueCount, int slotCount)
        {
            if (memory == null)
            {
                throw new System.ArgumentException("memory is required");
            }
            if (valueCount < 1)
            {
                throw new System.ArgumentException("a record needs at least one value");
            }
            if (slotCount < 2)
            {
                throw new System.ArgumentException("a power-fail-safe record needs at least two slots");
            }
            _slotSize = SlotSize(valueCount);
            if (baseAddress < 0 || baseAddress + slotCount * _slotSize > memory.Size)
            {
                throw new System.ArgumentException("record region lies outside the NV memory");
            }
            _memory = memory;
            _baseAddress = baseAddress;
            _slotCount = slotCount;
            _values = new long[valueCount];
            _slot = new byte[_slotSize];
            _encoded = new long[valueCount];
            _secondHalfShift = Crc32.ZeroShiftTable(8 * (valueCount - valueCount / 2));
        }

        /// <summary>Bytes one slot takes for <paramref name="valueCount"/> values.</summary>
        public static int SlotSize(int valueCount)
        {
            return HeaderBytes + 8 * valueCount + CrcBytes;
        }

        /// <summary>Bytes the region takes.</summary>
        public static int RegionSize(int valueCount, int slotCount)
        {
            return SlotSize(valueCount) * slotCount;
        }

        /// <summary>Number of values in the record.</summary>
        public int ValueCount
        {
            get { return _values.Length; }
        }

        /// <summary>Number of slots rotated through.</summary>
        public int SlotCount
        {
            get { return _slotCount; }
        }

        /// <summary>True once a committed value exists (after <see cref="Recover"/> or <see cref="Commit"/>).</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>Sequence number of the newest commit (0 when none).</summary>
        public long Sequence
        {
            get { return _sequence; }
        }

        /// <summary>Slots found at the last <see cref="Recover"/> holding neither a valid record nor the blank pattern: torn writes, discarded.</summary>
        public int TornSlots
        {
            get { return _tornSlots; }
        }

        /// <summary>Value <paramref name="index"/> of the newest commit.</summary>
        public long this[int index]
        {
            get { return _values[index]; }
        }

        /// <summary>Copies the newest committed values into <paramref name="destination"/>.</summary>
        public void CopyTo(long[] destination)
        {
            if (destination == null || destination.Length != _values.Length)
            {
                throw new System.ArgumentException("destination must hold exactly ValueCount values");
            }
            for (int i = 0; i < _values.Length; i++)
            {
                destination[i] = _values[i];
            }
        }

        /// <summary>
        /// Reads every slot and keeps the valid one with the highest sequence. Returns true when a
        /// committed value was found. <see cref="TornSlots"/> tells how many slots were discarded.
        /// </summary>
        public bool Recover()
        {
            _hasValue = false;
            _sequence = 0;
            _tornSlots = 0;
            _slotEncoded = false;
            int best = -1;
            for (int s = 0; s < _slotCount; s++)
            {
                _memory.Read(_baseAddress + s * _slotSize, _slot, 0, _slotSize);
                long seq = ByteCodec.ReadUInt32(_slot, 0);
                bool valid = Crc32.Compute(_slot, 0, _slotSize - CrcBytes) == ByteCodec.ReadUInt32(_slot, _slotSize - CrcBytes)
                    && seq > 0 && seq % _slotCount == s;
                if (!valid)
                {
                    if (!IsBlank(_slot, _slotSize))
                    {
                        _tornSlots++;
                        EraseSlot(s);
                    }
                    continue;
                }
                if (seq > _sequence)
                {
                    _sequence = seq;
                    best = s;
                }
            }
            if (best < 0)
            {
                return false;
            }
            _memory.Read(_baseAddress + best * _slotSize, _slot, 0, _slotSize);
            for (int i = 0; i < _values.Length; i++)
            {
                _values[i] = ByteCodec.ReadInt64(_slot, HeaderBytes + 8 * i);
            }
            _hasValue = true;
            return true;
        }

        /// <summary>
        /// Commits <paramref name="values"/> as the new newest record (to the slot after the
        /// current newest). When this returns the values are durable; if power fails during it,
        /// recovery yields the previous commit.
        /// </summary>
        public void Commit(long[] values)
        {
            if (values == null || values.Length != _values.Length)
            {
                throw new System.ArgumentException("values must hold exactly ValueCount values");
            }
            long seq = _sequence + 1;
            if (seq > 0xFFFFFFFFL)
            {
                throw new System.InvalidOperationException("record sequence exhausted");
            }
            bool reuse = _slotEncoded;
            ByteCodec.WriteUInt32(_slot, 0, (uint)seq);
            for (int i = 0; i < values.Length; i++)
            {
                long v = values[i];
                if (reuse && v == _encoded[i])
                {
                    continue; // its bytes are in the slot buffer already
                }
                ByteCodec.WriteInt64(_slot, HeaderBytes + 8 * i, v);
                _encoded[i] = v;
            }
            _slotEncoded = true;
            ByteCodec.WriteUInt32(_slot, _slotSize - CrcBytes, RecordCrc((uint)seq, values));
            _memory.Write(_baseAddress + (int)(seq % _slotCount) * _slotSize, _slot, 0, _slotSize);
            _sequence = seq;
            System.Array.Copy(values, 0, _values, 0, values.Length);
            _hasValue = true;
        }

        /// <summary>
        /// CRC-32 of <c>sequence | values</c> as the slot stores them (the same bytes
        /// <see cref="Crc32.Compute"/> would read), computed from the values, eight bytes a step,
        /// in two chains (the record is CRC'd on most metering cycles).
        /// </summary>
        private uint RecordCrc(uint sequence, long[] values)
        {
            return Crc32.Finish(Crc32.AppendInt64sTwoChains(Crc32.AppendUInt32(Crc32.Seed, sequence), values, 0, values.Length, _secondHalfShift));
        }

        /// <summary>True when every byte is 0xFF or every byte is 0x00 (never written).</summary>
        internal static bool IsBlank(byte[] buffer, int count)
        {
            byte first = buffer[0];
            if (first != 0xFF && first != 0x00)
            {
                return false;
            }
            for (int i = 1; i < count; i++)
            {
                if (buffer[i] != first)
                {
                    return false;
                }
            }
            return true;
        }

        // Overwrites a torn slot with the blank pattern so that it is reported once only; a
        // cut during this leaves it torn or blank, both discarded.
        private void EraseSlot(int s)
        {
            _slotEncoded = false;
            for (int i = 0; i < _slotSize; i++)
            {
                _slot[i] = 0xFF;
            }
            _memory.Write(_baseAddress + s * _slotSize, _slot, 0, _slotSize);
        }
    }
}
