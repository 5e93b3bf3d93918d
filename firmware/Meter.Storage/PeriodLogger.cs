using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// A ring of closed periods with caller-supplied values: the billing (debiting) logger with
    /// a depth of 36 (Kamstrup 351/382: "data logger with its depth of 36") and logger 2
    /// (daily/weekly/monthly values). Each period is one record
    /// <c>sequence (4) | close minute (4) | reason (1) | 0 (3) | values (8·N) | CRC-32 (4)</c>
    /// in a ring of depth + 1 slots: the slot being written is always one beyond the depth, so
    /// a power cut while closing a period leaves all <c>depth</c> older periods intact and the
    /// new one either complete or discarded.
    /// </summary>
    public sealed class PeriodLogger
    {
        private const int HeaderBytes = 12;
        private const int CrcBytes = 4;

        private readonly INvMemory _memory;
        private readonly int _baseAddress;
        private readonly int _depth;
        private readonly int _slotCount;
        private readonly int _slotSize;
        private readonly int _valueCount;
        private readonly byte[] _slot;
        private long _newestSequence;
        private long _newestCloseMinute;
        private int _tornSlots;

        /// <summary>Describes the logger; call <see cref="Recover"/> before use.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="baseAddress">First byte of the region (see <see cref="RegionSize"/>).</param>
        /// <param name="depth">Periods kept readable (36 for the billing logger).</param>
        /// <param name="valueCount">Values captured per period.</param>
        public PeriodLogger(INvMemory memory, int baseAddress, int depth, int valueCount)
        {
            if (memory == null)
            {
                throw new System.ArgumentException("memory is required");
            }
            if (depth < 1)
            {
                throw new System.ArgumentException("logger depth must be at least 1");
            }
            if (valueCount < 1)
            {
                throw new System.ArgumentException("a period needs at least one value");
            }
            _slotSize = SlotSize(valueCount);
            _slotCount = depth + 1;
            if (baseAddress < 0 || baseAddress + _slotCount * _slotSize > memory.Size)
            {
                throw new System.ArgumentException("logger region lies outside the NV memory");
            }
            _memory = memory;
            _baseAddress = baseAddress;
            _depth = depth;
            _valueCount = valueCount;
            _slot = new byte[_slotSize];
        }

        /// <summary>Bytes one period takes.</summary>
        public static int SlotSize(int valueCount)
        {
            return HeaderBytes + 8 * valueCount + CrcBytes;
        }

        /// <summary>Bytes the region takes for <paramref name="depth"/> periods (one spare slot included).</summary>
        public static int RegionSize(int depth, int valueCount)
        {
            return (depth + 1) * SlotSize(valueCount);
        }

        /// <summary>Periods kept readable.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Values per period.</summary>
        public int ValueCount
        {
            get { return _valueCount; }
        }

        /// <summary>Number of readable periods (≤ <see cref="Depth"/>).</summary>
        public int Count
        {
            get { return (int)(_newestSequence < _depth ? _newestSequence : _depth); }
        }

        /// <summary>Periods closed since the memory was formatted: the debiting stop counter.</summary>
        public long StopCounter
        {
            get { return _newestSequence; }
        }

        /// <summary>Slots discarded at the last <see cref="Recover"/> (torn writes).</summary>
        public int TornSlots
        {
            get { return _tornSlots; }
        }

        /// <summary>Close time of the newest period; only meaningful when <see cref="Count"/> &gt; 0.</summary>
        public System.DateTime NewestClosedAt
        {
            get { return StorageTime.FromMinutes(_newestCloseMinute); }
        }

        /// <summary>Scans the ring and finds the newest valid period. Returns the number of torn slots discarded.</summary>
        public int Recover()
        {
            _newestSequence = 0;
            _newestCloseMinute = 0;
            _tornSlots = 0;
            for (int s = 0; s < _slotCount; s++)
            {
                _memory.Read(_baseAddress + s * _slotSize, _slot, 0, _slotSize);
                long seq;
                if (!IsValid(s, out seq))
                {
                    if (!WearLevelledRecord.IsBlank(_slot, _slotSize))
                    {
                        _tornSlots++;
                        EraseSlot(s);
                    }
                    continue;
                }
                if (seq > _newestSequence)
                {
                    _newestSequence = seq;
                    _newestCloseMinute = ByteCodec.ReadUInt32(_slot, 4);
                }
            }
            return _tornSlots;
        }

        /// <summary>
        /// Closes a period at <paramref name="closedAt"/> with <paramref name="values"/>
        /// (<see cref="ValueCount"/> of them). Durable when this returns.
        /// </summary>
        public void Close(System.DateTime closedAt, int reason, long[] values)
        {
            if (values == null || values.Length != _valueCount)
            {
                throw new System.ArgumentException("values must hold exactly ValueCount values");
            }
            if (reason < CloseReason.Scheduled || reason > CloseReason.ExternalInput)
            {
                throw new System.ArgumentException("unknown close reason");
            }
            long minute = StorageTime.ToMinutes(closedAt);
            long seq = _newestSequence + 1;
            ByteCodec.WriteUInt32(_slot, 0, (uint)seq);
            ByteCodec.WriteUInt32(_slot, 4, (uint)minute);
            _slot[8] = (byte)reason;
            _slot[9] = 0;
            _slot[10] = 0;
            _slot[11] = 0;
            for (int i = 0; i < _valueCount; i++)
            {
                ByteCodec.WriteInt64(_slot, HeaderBytes + 8 * i, values[i]);
            }
            ByteCodec.WriteUInt32(_slot, _slotSize - CrcBytes, Crc32.Compute(_slot, 0, _slotSize - CrcBytes));
            _memory.Write(_baseAddress + (int)(seq % _slotCount) * _slotSize, _slot, 0, _slotSize);
            _newestSequence = seq;
            _newestCloseMinute = minute;
        }

        /// <summary>
        /// Closes the scheduled period if one is due: the first closing of
        /// <paramref name="schedule"/> after the newer of the newest period and
        /// <paramref name="previousCheck"/> (the last time the caller checked, e.g. the time
        /// power failed) is not after <paramref name="now"/>. Call again while it returns true
        /// to catch up several missed closings. The period is stamped with its boundary time.
        /// </summary>
        public bool CloseIfDue(PeriodSchedule schedule, System.DateTime previousCheck, System.DateTime now, long[] values)
        {
            if (schedule == null)
            {
                throw new System.ArgumentException("schedule is required");
            }
            if (schedule.IsExternallyControlled)
            {
                return false;
            }
            long from = StorageTime.ToMinutes(previousCheck);
            if (Count > 0 && _newestCloseMinute > from)
            {
                from = _newestCloseMinute;
            }
            long boundary = schedule.NextClosingMinute(from);
            if (boundary > StorageTime.ToMinutes(now))
            {
                return false;
            }
            Close(StorageTime.FromMinutes(boundary), CloseReason.Scheduled, values);
            return true;
        }

        /// <summary>
        /// Reads the period <paramref name="age"/> closings back (0 = newest) into
        /// <paramref name="into"/>. Returns false if that period is not (or no longer) stored
        /// or fails its check.
        /// </summary>
        public bool TryRead(int age, PeriodRecord into)
        {
            if (into == null || into.Values.Length != _valueCount)
            {
                throw new System.ArgumentException("record must hold exactly ValueCount values");
            }
            if (age < 0 || age >= Count)
            {
                return false;
            }
            long seq = _newestSequence - age;
            int s = (int)(seq % _slotCount);
            _memory.Read(_baseAddress + s * _slotSize, _slot, 0, _slotSize);
            long stored;
            if (!IsValid(s, out stored) || stored != seq)
            {
                return false;
            }
            into.Sequence = seq;
            into.ClosedAt = StorageTime.FromMinutes(ByteCodec.ReadUInt32(_slot, 4));
            into.Reason = _slot[8];
            for (int i = 0; i < _valueCount; i++)
            {
                into.Values[i] = ByteCodec.ReadInt64(_slot, HeaderBytes + 8 * i);
            }
            return true;
        }

        private bool IsValid(int slotIndex, out long seq)
        {
            seq = ByteCodec.ReadUInt32(_slot, 0);
            return seq > 0
                && seq % _slotCount == slotIndex
                && Crc32.Compute(_slot, 0, _slotSize - CrcBytes) == ByteCodec.ReadUInt32(_slot, _slotSize - CrcBytes);
        }

        // Overwrites a torn slot with the blank pattern so that it is reported once only; a
        // cut during this leaves it torn or blank, both discarded.
        private void EraseSlot(int s)
        {
            for (int i = 0; i < _slotSize; i++)
            {
                _slot[i] = 0xFF;
            }
            _memory.Write(_baseAddress + s * _slotSize, _slot, 0, _slotSize);
        }
    }
}
