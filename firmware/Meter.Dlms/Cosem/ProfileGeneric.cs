namespace Meter.Dlms
{
    /// <summary>
    /// Profile generic, interface class 7 version 1 (Blue Book 4.3.6), over an <see cref="IProfileSource"/>:
    /// logical_name (1), buffer (2), capture_objects (3), capture_period (4), sort_method (5, fifo), sort_object (6,
    /// none), entries_in_use (7), profile_entries (8); read-only (the entries are the meter's stored lists; the
    /// methods reset and capture are not offered). The buffer is written in parts through a
    /// <see cref="CosemGetCursor"/> (<see cref="ICosemObjects.GetSelected"/>), with selective access by
    /// range_descriptor (selector 1) or entry_descriptor (selector 2).
    /// </summary>
    /// <remarks>
    /// How a long buffer is streamed without a buffer of its size: the first call counts the selected entries
    /// (one pass over the store: the A-XDR array needs its count first) and writes the array header and the
    /// entries that fit; each later call goes on from the entry number kept in the cursor. The store is read
    /// forward only; it is rewound only when another cursor moved it past that entry. If the store lost entries
    /// during the transfer (the ring overwrote its oldest block) and fewer than counted remain, the GET is
    /// aborted rather than sending a short array. Cursor state: [0] next entry number (1 = oldest), [1] entries
    /// still to write, [2] bit mask of the columns sent, [3] mode (0 all, 1 range, 2 entry numbers), [4]/[5] from/to
    /// (seconds or entry numbers, inclusive), [6] bit 0/1: from/to are UTC seconds (the client gave a deviation),
    /// otherwise local seconds.
    /// </remarks>
    public sealed class ProfileGeneric
    {
        /// <summary>Interface class and version.</summary>
        public const int ClassId = 7, Version = 1;

        /// <summary>Attributes 1-8 and methods reset (1), capture (2).</summary>
        public const int AttributeCount = 8, MethodCount = 2;

        /// <summary>The buffer attribute.</summary>
        public const int BufferAttribute = 2;

        internal const int Next = 0, Left = 1, Columns = 2, Mode = 3, From = 4, To = 5, UtcFlags = 6;
        internal const int ModeAll = 0, ModeRange = 1, ModeEntries = 2;
        private const int SortFifo = 1;

        private readonly byte[] _logicalName;
        private readonly IProfileSource _source;
        private readonly byte[] _name = new byte[6];
        private long _position; // entries the source has moved over since its last rewind

        /// <summary>The profile named <paramref name="logicalName"/> (6 bytes) over <paramref name="source"/>.</summary>
        public ProfileGeneric(byte[] logicalName, IProfileSource source)
        {
            if (logicalName == null || logicalName.Length != 6) throw new System.ArgumentException("logical name of 6 bytes");
            if (source == null) throw new System.ArgumentNullException(nameof(source));
            if (source.ColumnCount < 1 || source.ColumnCount > 63) throw new System.ArgumentException("1..63 columns");
            _logicalName = logicalName;
            _source = source;
        }

        /// <summary>The logical name (not to be changed).</summary>
        public byte[] LogicalName => _logicalName;

        /// <summary>The entries behind the buffer.</summary>
        public IProfileSource Source => _source;

        /// <summary>Reads an attribute (the buffer through <see cref="GetSelected"/>).</summary>
        public DataAccessResult Get(int attributeId, AxdrWriter value)
        {
            switch (attributeId)
            {
                case 1:
                    value.WriteOctetString(_logicalName, 0, 6);
                    return DataAccessResult.Success;
                case 3:
                    value.WriteArray(_source.ColumnCount);
                    for (int c = 0; c < _source.ColumnCount; c++) WriteCaptureObject(c, value);
                    return DataAccessResult.Success;
                case 4:
                    value.WriteDoubleLongUnsigned((uint)_source.CapturePeriodSeconds);
                    return DataAccessResult.Success;
                case 5:
                    value.WriteEnum(SortFifo);
                    return DataAccessResult.Success;
                case 6:
                    // No sort object (fifo): an empty capture_object_definition.
                    value.WriteStructure(4);
                    value.WriteLongUnsigned(0);
                    for (int i = 0; i < 6; i++) _name[i] = 0;
                    value.WriteOctetString(_name, 0, 6);
                    value.WriteInteger(0);
                    value.WriteLongUnsigned(0);
                    return DataAccessResult.Success;
                case 7:
                    value.WriteDoubleLongUnsigned((uint)CountEntries());
                    return DataAccessResult.Success;
                case 8:
                    value.WriteDoubleLongUnsigned((uint)_source.ProfileEntries);
                    return DataAccessResult.Success;
                default:
                    return DataAccessResult.ObjectUnavailable;
            }
        }

        /// <summary>capture_object_definition ::= structure { class_id long-unsigned, logical_name octet-string,
        /// attribute_index integer, data_index long-unsigned } (Blue Book 4.3.6).</summary>
        private void WriteCaptureObject(int column, AxdrWriter value)
        {
            value.WriteStructure(4);
            value.WriteLongUnsigned((ushort)_source.CaptureClassId(column));
            _source.CopyCaptureName(column, _name, 0);
            value.WriteOctetString(_name, 0, 6);
            value.WriteInteger((sbyte)_source.CaptureAttribute(column));
            value.WriteLongUnsigned(0);
        }

        /// <summary>
        /// Reads the buffer (selector 0: every entry; 1 range_descriptor; 2 entry_descriptor) in parts, or another
        /// attribute whole (no selective access for those).
        /// </summary>
        public DataAccessResult GetSelected(int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        {
            if (attributeId != BufferAttribute)
                return selector == 0 ? Get(attributeId, value) : DataAccessResult.OtherReason;
            if (cursor.Continuing) return WriteEntries(cursor, value);
            long[] state = cursor.State;
            state[Columns] = (1L << _source.ColumnCount) - 1;
            state[Mode] = ModeAll;
            DataAccessResult result = DataAccessResult.Success;
            if (selector == 1) result = ProfileSelection.ReadRange(parameters, _source, state, _name);
            else if (selector == 2) result = ProfileSelection.ReadEntries(parameters, _source.ColumnCount, state);
            else if (selector != 0) result = DataAccessResult.OtherReason; // Blue Book defines selectors 1 and 2
            if (result != DataAccessResult.Success) return result;
            long total = 0, selected = 0;
            Restart();
            while (_source.Next())
            {
                _position++;
                total++;
                if (Matches(state, total)) selected++;
            }
            if (state[Mode] == ModeEntries && state[To] > total) state[To] = total;
            state[Next] = 1;
            state[Left] = selected;
            value.WriteArray((int)selected);
            return WriteEntries(cursor, value);
        }

        private DataAccessResult WriteEntries(CosemGetCursor cursor, AxdrWriter value)
        {
            long[] state = cursor.State;
            int columns = 0;
            for (int c = 0; c < _source.ColumnCount; c++) if ((state[Columns] & (1L << c)) != 0) columns++;
            while (state[Left] > 0)
            {
                if (!SeekTo(state[Next])) return DataAccessResult.LongGetAborted; // fewer entries than counted
                if (Matches(state, state[Next]))
                {
                    int mark = value.Position;
                    value.WriteStructure(columns);
                    for (int c = 0; c < _source.ColumnCount; c++)
                        if ((state[Columns] & (1L << c)) != 0) _source.WriteColumn(c, value);
                    if (value.Overflow)
                    {
                        value.Rewind(mark);
                        cursor.More = true;
                        return DataAccessResult.Success;
                    }
                    state[Left]--;
                }
                state[Next]++;
            }
            return DataAccessResult.Success;
        }

        private bool Matches(long[] state, long entry)
        {
            switch (state[Mode])
            {
                case ModeEntries: return entry >= state[From] && entry <= state[To];
                case ModeRange:
                    long from = (state[UtcFlags] & 1) != 0 ? _source.EntryUtcSeconds : _source.EntryLocalSeconds;
                    long to = (state[UtcFlags] & 2) != 0 ? _source.EntryUtcSeconds : _source.EntryLocalSeconds;
                    return from >= state[From] && to <= state[To];
                default: return true;
            }
        }

        // Makes entry number <paramref name="entry"/> (1 = oldest) the source's current entry.
        private bool SeekTo(long entry)
        {
            if (_position > entry) Restart();
            while (_position < entry)
            {
                if (!_source.Next()) return false;
                _position++;
            }
            return true;
        }

        private void Restart()
        {
            _source.Rewind();
            _position = 0;
        }

        private long CountEntries()
        {
            Restart();
            while (_source.Next()) _position++;
            return _position;
        }
    }
}
