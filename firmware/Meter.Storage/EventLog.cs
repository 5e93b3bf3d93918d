using Meter.Hal;

namespace Meter.Storage
{
    /// <summary>
    /// The event log: a ring of fixed 32-byte records
    /// <c>sequence (4) | seconds since 2000 (4) | kind (1) | detail (1) | 0 (2) | old (8) | new (8) | CRC-32 (4)</c>
    /// (capacity + 1 slots, the slot being written is the spare) with per-kind counters that
    /// survive the ring's wrap. Counters live in a <see cref="WearLevelledRecord"/> that also
    /// holds the sequence of the last event counted; an event is written first, then the
    /// counters, and recovery counts any valid event newer than that (the repair of a cut
    /// between the two writes).
    /// <para>
    /// The counter record's size is part of the storage layout: it holds
    /// <see cref="CounterRecordValues"/> values (the last counted sequence and kinds 1 … 12). The
    /// one kind added since, <see cref="EventKind.Restart"/>, is counted without a stored value:
    /// every event is counted in exactly one kind and value 0 counts them all, so its count is
    /// value 0 minus the stored kinds' counters. The record's bytes, and what an older firmware
    /// reads from them, stay as they were (README "Layout versions").
    /// </para>
    /// <para>
    /// <see cref="EventKind.VoltageQuality"/> (layout version 6) is counted in a separate extension
    /// record (<see cref="ExtensionRecordValues"/> values: the sequence of the last event it counted and
    /// the kind's counter) placed in the memory's tail by <see cref="StorageLayout"/>, so nothing in front
    /// of the load profile moves; it is committed after the counter record, repaired from the ring the
    /// same way, and the derived <see cref="EventKind.Restart"/> count subtracts it. A log without the
    /// extension refuses that kind.
    /// </para>
    /// </summary>
    public sealed class EventLog
    {
        /// <summary>Bytes per event record.</summary>
        public const int RecordSize = 32;

        /// <summary>
        /// Values in the stored counter record (layout versions 2 … 5): the sequence of the last
        /// event counted, then the counters of kinds 1 … <see cref="EventKind.Login"/>. Kinds above
        /// are derived (one at most: a second would need a new layout version).
        /// </summary>
        public const int CounterRecordValues = 13;

        // The kind counted as "value 0 minus the stored counters".
        private const int DerivedKind = EventKind.Restart;

        /// <summary>Values in the extension record: the sequence of the last event counted, the <see cref="EventKind.VoltageQuality"/> counter.</summary>
        public const int ExtensionRecordValues = 2;

        /// <summary>Extension record slots (two: it must fit the memory's former slack, README "Layout versions").</summary>
        public const int ExtensionSlots = 2;

        // The kind the extension record counts.
        private const int ExtensionKind = EventKind.VoltageQuality;

        /// <summary>Counter record slots.</summary>
        public const int CounterSlots = 8;

        private const int CrcOffset = RecordSize - 4;
        private const long TicksPerSecond = 10000000L;

        private readonly INvMemory _memory;
        private readonly int _baseAddress;
        private readonly int _capacity;
        private readonly int _slotCount;
        private readonly WearLevelledRecord _counters;
        private readonly long[] _counterValues; // every kind, [0] = last counted sequence
        private readonly long[] _storedCounters = new long[CounterRecordValues];
        private readonly WearLevelledRecord _extension; // null: no extension record, VoltageQuality refused
        private readonly long[] _extensionValues = new long[ExtensionRecordValues];
        private readonly byte[] _record = new byte[RecordSize];
        private long _newestSequence;
        private int _tornSlots;
        private int _countersRepaired;

        /// <summary>Describes the log; call <see cref="Recover"/> before use.</summary>
        /// <param name="memory">The NV memory.</param>
        /// <param name="baseAddress">First byte of the region (see <see cref="RegionSize"/>).</param>
        /// <param name="capacity">Events kept readable.</param>
        public EventLog(INvMemory memory, int baseAddress, int capacity)
            : this(memory, baseAddress, capacity, -1)
        {
        }

        /// <summary>Describes the log with the counter extension record at <paramref name="extensionAddress"/> (<see cref="ExtensionRegionSize"/> bytes; -1 = none).</summary>
        public EventLog(INvMemory memory, int baseAddress, int capacity, int extensionAddress)
        {
            if (memory == null)
            {
                throw new System.ArgumentException("memory is required");
            }
            if (capacity < 1)
            {
                throw new System.ArgumentException("event log capacity must be at least 1");
            }
            if (baseAddress < 0 || baseAddress + RegionSize(capacity) > memory.Size)
            {
                throw new System.ArgumentException("event log region lies outside the NV memory");
            }
            _memory = memory;
            _capacity = capacity;
            _slotCount = capacity + 1;
            _counters = new WearLevelledRecord(memory, baseAddress, CounterRecordValues, CounterSlots);
            _baseAddress = baseAddress + WearLevelledRecord.RegionSize(CounterRecordValues, CounterSlots);
            _counterValues = new long[EventKind.Count + 1];
            if (extensionAddress >= 0)
            {
                if (extensionAddress + ExtensionRegionSize > memory.Size)
                {
                    throw new System.ArgumentException("event counter extension lies outside the NV memory");
                }
                _extension = new WearLevelledRecord(memory, extensionAddress, ExtensionRecordValues, ExtensionSlots);
            }
        }

        /// <summary>Bytes the extension record takes.</summary>
        public static int ExtensionRegionSize
        {
            get { return WearLevelledRecord.RegionSize(ExtensionRecordValues, ExtensionSlots); }
        }

        /// <summary>True when the log has the extension record and so can log <see cref="EventKind.VoltageQuality"/>.</summary>
        public bool HasExtension
        {
            get { return _extension != null; }
        }

        /// <summary>Bytes the region takes (counters + capacity + 1 records).</summary>
        public static int RegionSize(int capacity)
        {
            return WearLevelledRecord.RegionSize(CounterRecordValues, CounterSlots) + (capacity + 1) * RecordSize;
        }

        /// <summary>Events kept readable.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Readable events (≤ <see cref="Capacity"/>).</summary>
        public int Count
        {
            get { return (int)(_newestSequence < _capacity ? _newestSequence : _capacity); }
        }

        /// <summary>Events logged since formatting.</summary>
        public long TotalLogged
        {
            get { return _newestSequence; }
        }

        /// <summary>Torn event slots discarded at the last <see cref="Recover"/>.</summary>
        public int TornSlots
        {
            get { return _tornSlots; }
        }

        /// <summary>Torn counter slots discarded at the last <see cref="Recover"/>.</summary>
        public int TornCounterSlots
        {
            get { return _counters.TornSlots + (_extension != null ? _extension.TornSlots : 0); }
        }

        /// <summary>Events counted at the last <see cref="Recover"/> because power failed between the event and its counter update.</summary>
        public int CountersRepaired
        {
            get { return _countersRepaired; }
        }

        /// <summary>
        /// Events of <paramref name="kind"/> logged since formatting (not limited by the ring).
        /// <see cref="EventKind.Restart"/>: derived from the stored counters (class remarks). If the
        /// whole counter record was lost (every slot unreadable: a memory fault), the counts start
        /// again from the events left in the ring, and the events older than the ring, whose kinds
        /// are gone, count as restarts from the next boot on.
        /// </summary>
        public long CountOf(int kind)
        {
            CheckKind(kind);
            return _counterValues[kind];
        }

        /// <summary>Scans the ring, restores the counters and counts events the counters missed.</summary>
        public void Recover()
        {
            _tornSlots = 0;
            _countersRepaired = 0;
            _newestSequence = 0;
            for (int i = 0; i < _counterValues.Length; i++)
            {
                _counterValues[i] = 0;
            }
            if (_counters.Recover())
            {
                _counters.CopyTo(_storedCounters);
                for (int i = 0; i < CounterRecordValues; i++)
                {
                    _counterValues[i] = _storedCounters[i];
                }
            }
            long counted = _counterValues[0];
            // A blank extension (just upgraded in place: no such event existed before) counts from 0.
            long extensionCounted = 0;
            if (_extension != null && _extension.Recover())
            {
                _extension.CopyTo(_extensionValues);
                extensionCounted = _extensionValues[0];
                _counterValues[ExtensionKind] = _extensionValues[1];
            }
            for (int s = 0; s < _slotCount; s++)
            {
                ReadSlot(s);
                long seq;
                if (!IsValid(s, out seq))
                {
                    if (!WearLevelledRecord.IsBlank(_record, RecordSize))
                    {
                        _tornSlots++;
                        for (int i = 0; i < RecordSize; i++)
                        {
                            _record[i] = 0xFF;
                        }
                        _memory.Write(SlotAddress(s), _record, 0, RecordSize);
                    }
                    continue;
                }
                if (seq > _newestSequence)
                {
                    _newestSequence = seq;
                }
                int kind = _record[8];
                if (seq > counted)
                {
                    // Stored kinds only: the derived kind follows below, the extension's kind just after.
                    if (kind >= 1 && kind < CounterRecordValues)
                    {
                        _counterValues[kind]++;
                    }
                    _countersRepaired++;
                }
                if (_extension != null && seq > extensionCounted && kind == ExtensionKind)
                {
                    _counterValues[ExtensionKind]++;
                }
            }
            if (_countersRepaired > 0)
            {
                _counterValues[0] = _newestSequence;
                CommitCounters();
            }
            else if (_newestSequence < counted)
            {
                // The newest counted event was torn? Impossible: it was written before the
                // counters. Keep the sequence monotonic anyway.
                _newestSequence = counted;
            }
            // The extension lags only after a cut between the two commits or an in-place upgrade.
            if (_extension != null && extensionCounted < _counterValues[0])
            {
                CommitExtension();
            }
            // Every event is counted in exactly one kind and value 0 counts them all.
            long derived = _counterValues[0];
            for (int i = 1; i < CounterRecordValues; i++)
            {
                derived -= _counterValues[i];
            }
            derived -= _counterValues[ExtensionKind];
            // Never negative in a record this code wrote; a record that says so counts none.
            _counterValues[DerivedKind] = derived > 0 ? derived : 0;
        }

        /// <summary>
        /// Logs an event. <paramref name="detail"/> 0–255; old/new values as the kind defines.
        /// Durable when this returns; a cut during it leaves the log as before, or the event
        /// logged (its counter then repaired at the next <see cref="Recover"/>).
        /// </summary>
        public void Log(System.DateTime time, int kind, int detail, long oldValue, long newValue)
        {
            CheckKind(kind);
            if (kind == ExtensionKind && _extension == null)
            {
                throw new System.ArgumentException("voltage-quality events need the event counter extension of storage layout version 6");
            }
            if (detail < 0 || detail > 255)
            {
                throw new System.ArgumentException("event detail must be 0-255");
            }
            long ticks = time.Ticks - StorageTime.EpochTicks;
            if (ticks < 0)
            {
                throw new System.ArgumentException("times before 2000-01-01 cannot be stored");
            }
            long seq = _newestSequence + 1;
            ByteCodec.WriteUInt32(_record, 0, (uint)seq);
            ByteCodec.WriteUInt32(_record, 4, (uint)(ticks / TicksPerSecond));
            _record[8] = (byte)kind;
            _record[9] = (byte)detail;
            _record[10] = 0;
            _record[11] = 0;
            ByteCodec.WriteInt64(_record, 12, oldValue);
            ByteCodec.WriteInt64(_record, 20, newValue);
            ByteCodec.WriteUInt32(_record, CrcOffset, Crc32.Compute(_record, 0, CrcOffset));
            _memory.Write(SlotAddress((int)(seq % _slotCount)), _record, 0, RecordSize);
            _newestSequence = seq;
            _counterValues[kind]++;
            _counterValues[0] = seq;
            CommitCounters();
            if (_extension != null)
            {
                CommitExtension();
            }
        }

        /// <summary>Reads the event <paramref name="age"/> events back (0 = newest); false if not stored.</summary>
        public bool TryRead(int age, EventRecord into)
        {
            if (into == null)
            {
                throw new System.ArgumentException("record is required");
            }
            if (age < 0 || age >= Count)
            {
                return false;
            }
            long seq = _newestSequence - age;
            int s = (int)(seq % _slotCount);
            ReadSlot(s);
            long stored;
            if (!IsValid(s, out stored) || stored != seq)
            {
                return false;
            }
            into.Sequence = seq;
            into.Time = new System.DateTime(StorageTime.EpochTicks + ByteCodec.ReadUInt32(_record, 4) * TicksPerSecond);
            into.Kind = _record[8];
            into.Detail = _record[9];
            into.OldValue = ByteCodec.ReadInt64(_record, 12);
            into.NewValue = ByteCodec.ReadInt64(_record, 20);
            return true;
        }

        // The stored part of the counters (the derived kind is implied by value 0).
        private void CommitCounters()
        {
            for (int i = 0; i < CounterRecordValues; i++)
            {
                _storedCounters[i] = _counterValues[i];
            }
            _counters.Commit(_storedCounters);
        }

        // After the counter record: a cut between the two leaves the extension behind, which Recover repairs.
        private void CommitExtension()
        {
            _extensionValues[0] = _counterValues[0];
            _extensionValues[1] = _counterValues[ExtensionKind];
            _extension.Commit(_extensionValues);
        }

        private int SlotAddress(int slot)
        {
            return _baseAddress + slot * RecordSize;
        }

        private void ReadSlot(int slot)
        {
            _memory.Read(SlotAddress(slot), _record, 0, RecordSize);
        }

        private bool IsValid(int slot, out long seq)
        {
            seq = ByteCodec.ReadUInt32(_record, 0);
            return seq > 0 && seq % _slotCount == slot
                && Crc32.Compute(_record, 0, CrcOffset) == ByteCodec.ReadUInt32(_record, CrcOffset);
        }

        private static void CheckKind(int kind)
        {
            if (kind < 1 || kind > EventKind.Count)
            {
                throw new System.ArgumentException("unknown event kind");
            }
        }
    }
}
