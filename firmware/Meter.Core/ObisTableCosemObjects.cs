using Meter.Dlms;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The meter's register table (<see cref="MeterObjectTable"/>) seen as COSEM objects for the
    /// <see cref="CosemServer"/>, by logical name = OBIS code (IEC 62056-6-1): Register (class 3: logical_name,
    /// value, scaler_unit), Extended register (class 4: + status, capture_time), Demand register (class 5, all nine
    /// attributes with <see cref="DemandRegisterValues"/>), Data (class 1: integer or visible-string) and Clock
    /// (class 8: time, and attributes 3-9 with <see cref="Meter.Core.ClockAttributes"/>), then the stored lists as profile generics (class 7, <see cref="MeterProfiles"/>);
    /// read-only to every associated client, writes refused (read-write-denied). Billing values (F = VZ) are not
    /// separate objects yet. The objects are picked once at construction: nothing is allocated per request.
    /// </summary>
    public sealed class ObisTableCosemObjects : ICosemObjects
    {
        // Blue Book attribute counts of the served interface classes.
        private const int DataAttributes = 2;
        private const int RegisterAttributes = 3;
        private const int ExtendedRegisterAttributes = 5;
        private const int DemandRegisterAttributes = 9;
        private const int ClockAttributeCount = 9;
        private const int LogicalNameLength = 6;

        private readonly ObisTable _table;
        private readonly int[] _served; // table index of each COSEM object
        private readonly int _count;
        private readonly ProfileGeneric[] _profiles; // after the table's objects
        private readonly DemandRegisterValues _demand;
        private readonly ClockAttributes _clock;
        private readonly CosemTableWrites _writes;
        private readonly byte[] _text = new byte[ObisObject.MaxValueLength];

        /// <summary>Serves the objects of <paramref name="table"/> whose class this slice supports.</summary>
        public ObisTableCosemObjects(ObisTable table) : this(table, new ProfileGeneric[0])
        {
        }

        /// <summary>Serves the objects of <paramref name="table"/> and the stored lists as
        /// <paramref name="profiles"/> (class 7, after the table's objects).</summary>
        public ObisTableCosemObjects(ObisTable table, ProfileGeneric[] profiles) : this(table, profiles, null, null, null)
        {
        }

        /// <summary>As above, with the demand register's period attributes from <paramref name="demand"/> (null:
        /// those attributes answer temporary-failure) and the clock's attributes 3-9 from <paramref name="clock"/>
        /// (null: not served); SETs through <paramref name="writes"/> (null: the table's own rules, not logged).</summary>
        public ObisTableCosemObjects(ObisTable table, ProfileGeneric[] profiles, DemandRegisterValues demand, ClockAttributes clock,
            CosemTableWrites writes) : this(table, profiles, demand, clock, writes, new ObisCode[0])
        {
        }

        /// <summary>As above, leaving out the table's objects at <paramref name="servedElsewhere"/>: logical names a
        /// class-specific COSEM object serves (e.g. 0-0:96.3.10, Disconnect control class 70), so the association's
        /// object list names each logical name once, with its real class.</summary>
        public ObisTableCosemObjects(ObisTable table, ProfileGeneric[] profiles, DemandRegisterValues demand, ClockAttributes clock,
            CosemTableWrites writes, ObisCode[] servedElsewhere)
        {
            _writes = writes ?? new CosemTableWrites(table, null, null);
            _demand = demand;
            _clock = clock;
            if (table == null) throw new System.ArgumentNullException(nameof(table));
            if (profiles == null) throw new System.ArgumentNullException(nameof(profiles));
            _table = table;
            _profiles = profiles;
            _served = new int[table.Count];
            for (int i = 0; i < table.Count; i++)
                if (IsServed(table[i]) && !Contains(servedElsewhere, table[i].Code)) _served[_count++] = i;
        }

        private static bool Contains(ObisCode[] codes, ObisCode code)
        {
            for (int i = 0; i < codes.Length; i++)
                if (codes[i] == code) return true;
            return false;
        }

        private static bool IsServed(ObisObject item)
        {
            if (item.ClassId == ObisInterfaceClass.Register) return item is RegisterObject;
            if (item.ClassId == ObisInterfaceClass.ExtendedRegister || item.ClassId == ObisInterfaceClass.DemandRegister)
                return item is ExtendedRegisterObject;
            if (item.ClassId == ObisInterfaceClass.Clock) return item is ClockObject;
            return item is IntegerDataObject || item is TextDataObject;
        }

        private ObisObject At(int index) => _table[_served[index]];

        /// <inheritdoc />
        public int Count => _count + _profiles.Length;

        // The profile at COSEM index <paramref name="index"/>, or null for a table object.
        private ProfileGeneric Profile(int index) => index >= _count ? _profiles[index - _count] : null;

        /// <inheritdoc />
        public int IndexOf(byte[] logicalName, int offset)
        {
            for (int p = 0; p < _profiles.Length; p++)
            {
                byte[] name = _profiles[p].LogicalName;
                bool same = true;
                for (int i = 0; i < LogicalNameLength && same; i++) same = name[i] == logicalName[offset + i];
                if (same) return _count + p;
            }
            for (int i = 0; i < _count; i++)
            {
                ObisCode code = At(i).Code;
                if (code.A == logicalName[offset] && code.B == logicalName[offset + 1] && code.C == logicalName[offset + 2]
                    && code.D == logicalName[offset + 3] && code.E == logicalName[offset + 4] && code.F == logicalName[offset + 5])
                    return i;
            }
            return -1;
        }

        /// <inheritdoc />
        public int ClassId(int index) => Profile(index) != null ? ProfileGeneric.ClassId : (int)At(index).ClassId;

        /// <inheritdoc />
        public int Version(int index) => Profile(index) != null ? ProfileGeneric.Version : 0;

        /// <inheritdoc />
        public void CopyLogicalName(int index, byte[] destination, int offset)
        {
            ProfileGeneric profile = Profile(index);
            if (profile != null) { System.Array.Copy(profile.LogicalName, 0, destination, offset, LogicalNameLength); return; }
            CopyCode(At(index).Code, destination, offset);
        }

        /// <summary>The 6 bytes A…F of <paramref name="code"/> (a COSEM logical name).</summary>
        public static void CopyCode(ObisCode code, byte[] destination, int offset)
        {
            destination[offset] = code.A;
            destination[offset + 1] = code.B;
            destination[offset + 2] = code.C;
            destination[offset + 3] = code.D;
            destination[offset + 4] = code.E;
            destination[offset + 5] = code.F;
        }

        /// <inheritdoc />
        public int AttributeCount(int index)
        {
            if (Profile(index) != null) return ProfileGeneric.AttributeCount;
            ObisInterfaceClass classId = At(index).ClassId;
            if (classId == ObisInterfaceClass.Register) return RegisterAttributes;
            if (classId == ObisInterfaceClass.ExtendedRegister) return ExtendedRegisterAttributes;
            if (classId == ObisInterfaceClass.DemandRegister) return DemandRegisterAttributes;
            return classId == ObisInterfaceClass.Clock ? ClockAttributeCount : DataAttributes;
        }

        /// <inheritdoc />
        public int MethodCount(int index) => Profile(index) != null ? ProfileGeneric.MethodCount : 0;

        /// <summary>Read-only for every associated client: logical_name and value (and scaler_unit of a register);
        /// the clock's further attributes are not served yet.</summary>
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
        {
            if (Profile(index) != null) return CosemAttributeAccess.ReadOnly;
            ObisObject item = At(index);
            // What a W1 may write is writable (the table then applies its level and seal rules, as for the optical
            // port); a read-only association (the public client) loses the write in CosemObjectDirectory.
            if (attributeId == 2 && item.Access != ObisAccess.ReadOnly) return CosemAttributeAccess.ReadAndWrite;
            return attributeId <= ReadableAttributes(item.ClassId) ? CosemAttributeAccess.ReadOnly : CosemAttributeAccess.NoAccess;
        }

        private int ReadableAttributes(ObisInterfaceClass classId)
        {
            if (classId == ObisInterfaceClass.Register) return RegisterAttributes;
            if (classId == ObisInterfaceClass.ExtendedRegister) return ExtendedRegisterAttributes;
            if (classId == ObisInterfaceClass.DemandRegister) return DemandRegisterAttributes;
            if (classId == ObisInterfaceClass.Clock && _clock != null) return ClockAttributeCount;
            return DataAttributes;
        }

        /// <inheritdoc />
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap) => CosemMethodAccess.NoAccess;

        /// <inheritdoc />
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            ProfileGeneric profile = Profile(index);
            // A profile's buffer is only read in parts (GetSelected): whole, it may not fit any buffer.
            if (profile != null)
                return attributeId == ProfileGeneric.BufferAttribute ? DataAccessResult.OtherReason : profile.Get(attributeId, value);
            ObisObject item = At(index);
            if (attributeId == 1)
            {
                value.WriteByte(AxdrType.OctetString);
                value.WriteByte(LogicalNameLength);
                ObisCode code = item.Code;
                value.WriteByte(code.A); value.WriteByte(code.B); value.WriteByte(code.C);
                value.WriteByte(code.D); value.WriteByte(code.E); value.WriteByte(code.F);
                return DataAccessResult.Success;
            }
            if (item.ClassId == ObisInterfaceClass.Clock && attributeId > 2)
                return _clock != null ? _clock.Write(attributeId, value) : DataAccessResult.ObjectUnavailable;
            if (item.ClassId == ObisInterfaceClass.ExtendedRegister && attributeId > 3) return GetExtended(item, attributeId, value);
            if (item.ClassId == ObisInterfaceClass.DemandRegister && attributeId > 2) return GetDemand(item, attributeId, value);
            if (attributeId == 3 && item.ClassId == ObisInterfaceClass.Register || item.ClassId == ObisInterfaceClass.ExtendedRegister && attributeId == 3)
                return GetScalerUnit(item, value);
            if (attributeId != 2) return DataAccessResult.ObjectUnavailable;
            if (item.ClassId == ObisInterfaceClass.Clock) return GetTime(item, value);
            if (item is TextDataObject) return GetText(item, value);
            long number;
            if (!item.TryReadInteger(item.Code, out number)) return DataAccessResult.TemporaryFailure;
            WriteInteger(number, value);
            return DataAccessResult.Success;
        }

        // scaler_unit ::= structure { scaler integer, unit enum } (Blue Book, class 3); ObisUnit holds the Blue Book
        // unit codes.
        private static DataAccessResult GetScalerUnit(ObisObject item, AxdrWriter value)
        {
            RegisterObject register = (RegisterObject)item;
            value.WriteStructure(2);
            value.WriteInteger((sbyte)register.Scaler);
            value.WriteEnum((byte)register.Unit);
            return DataAccessResult.Success;
        }

        // Extended register (class 4, Blue Book 4.3.4): status (4) is null-data (the meter keeps none), capture_time
        // (5) the source's capture time (e.g. when the maximum demand occurred), all fields unspecified when none.
        private static DataAccessResult GetExtended(ObisObject item, int attributeId, AxdrWriter value)
        {
            if (attributeId == 4) { value.WriteNull(); return DataAccessResult.Success; }
            ObisDateTime captured;
            if (item.TryReadCaptureTime(item.Code, out captured) && captured.IsValid) WriteLocal(captured, value);
            else DemandRegisterValues.WriteUnspecified(value);
            return DataAccessResult.Success;
        }

        // Demand register (class 5, Blue Book 4.3.3): 2 current_average_value (the table's value), 3
        // last_average_value, 4 scaler_unit, 5 status (null-data), 6 capture_time, 7 start_time_current, 8 period,
        // 9 number_of_periods.
        private DataAccessResult GetDemand(ObisObject item, int attributeId, AxdrWriter value)
        {
            if (attributeId == 4) return GetScalerUnit(item, value);
            if (attributeId == 5) { value.WriteNull(); return DataAccessResult.Success; }
            if (_demand == null) return DataAccessResult.TemporaryFailure;
            switch (attributeId)
            {
                case 3: _demand.WriteLastAverage(value); break;
                case 6: _demand.WriteCaptureTime(value); break;
                case 7: _demand.WriteStartCurrent(value); break;
                case 8: _demand.WritePeriod(value); break;
                default: _demand.WriteNumberOfPeriods(value); break;
            }
            return DataAccessResult.Success;
        }

        /// <summary>The smallest of double-long-unsigned, double-long and long64 that holds <paramref name="number"/>
        /// (an energy in Wh is double-long-unsigned until it exceeds 2^32 − 1 Wh).</summary>
        public static void WriteInteger(long number, AxdrWriter value)
        {
            if (number >= 0 && number <= uint.MaxValue) value.WriteDoubleLongUnsigned((uint)number);
            else if (number >= int.MinValue && number <= int.MaxValue) value.WriteDoubleLong((int)number);
            else value.WriteLong64(number);
        }

        private static DataAccessResult GetText(ObisObject item, AxdrWriter value)
        {
            string text;
            if (!item.TryReadText(out text)) return DataAccessResult.TemporaryFailure;
            value.WriteVisibleString(text);
            return DataAccessResult.Success;
        }

        // Clock time: date-time (Blue Book, "Date and time formats") in local time; day of week and deviation are
        // sent as not specified, the clock status as valid.
        private static DataAccessResult GetTime(ObisObject item, AxdrWriter value)
        {
            ObisDateTime now;
            if (!item.TryReadDateTime(out now) || !now.IsValid) return DataAccessResult.TemporaryFailure;
            WriteLocal(now, value);
            return DataAccessResult.Success;
        }

        // A local OBIS date-time: day of week and deviation not specified, clock status valid.
        private static void WriteLocal(ObisDateTime time, AxdrWriter value)
            => value.WriteDateTime(time.Year, time.Month, time.Day, 0xFF, time.Hour, time.Minute, time.Second, 0, 0x8000, 0);

        /// <summary>Profiles read their buffer in parts and with selective access; the table's objects have no
        /// selective access.</summary>
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
        {
            ProfileGeneric profile = Profile(index);
            if (profile != null) return profile.GetSelected(attributeId, selector, parameters, cursor, value);
            return selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;
        }

        /// <summary>
        /// Attribute 2 of an object a W1 may write, written as the W1 value text through <see cref="CosemTableWrites"/>
        /// (same rules, owners and events as the optical port): an integer Data object from any A-XDR integer, a
        /// text one from a visible- or octet-string, the clock from a date-time in the meter's local time (deviation
        /// and status not used) as "YY-MM-DD hh:mm:ss". Legal data (registers) is refused by the table before its
        /// value is looked at (seal closed). Everything else: read-write-denied.
        /// </summary>
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
        {
            if (Profile(index) != null || attributeId != 2) return DataAccessResult.ReadWriteDenied;
            ObisObject item = At(index);
            if (item.Access == ObisAccess.ReadOnly) return DataAccessResult.ReadWriteDenied;
            if (item.ClassId == ObisInterfaceClass.Clock) return SetClock(item, value);
            if (item is IntegerDataObject)
            {
                long number = value.ReadInteger();
                if (value.Failed) return DataAccessResult.TypeUnmatched;
                if (number == long.MinValue) return DataAccessResult.OtherReason; // beyond every integer object's range
                int length = 0;
                if (number < 0) { _text[length++] = (byte)'-'; number = -number; }
                return _writes.Write(item.Code, _text, AsciiNumber.WriteUnsigned(number, _text, length));
            }
            if (item is TextDataObject)
            {
                int tag = value.Peek() == AxdrType.VisibleString ? AxdrType.VisibleString : AxdrType.OctetString;
                int length = value.ReadString(tag, _text, 0, _text.Length);
                return length < 0 ? DataAccessResult.TypeUnmatched : _writes.Write(item.Code, _text, length);
            }
            return _writes.Write(item.Code, _text, 0); // legal data: refused for the closed seal
        }

        private DataAccessResult SetClock(ObisObject item, AxdrReader value)
        {
            if (value.ReadStringHeader(AxdrType.OctetString) != AxdrType.DateTimeLength) return DataAccessResult.TypeUnmatched;
            int year = (int)value.ReadBigEndian(2);
            int month = value.ReadByte(), day = value.ReadByte();
            value.ReadByte(); // day of week
            int hour = value.ReadByte(), minute = value.ReadByte(), second = value.ReadByte();
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            if (year < 2000 || year > 2099 || month > 99 || day > 99 || hour > 99 || minute > 99 || second > 99)
                return DataAccessResult.OtherReason; // wildcards, or beyond the two-digit year of the text form
            int n = 0;
            n = Two(year % 100, '-', n); n = Two(month, '-', n); n = Two(day, ' ', n);
            n = Two(hour, ':', n); n = Two(minute, ':', n); n = Two(second, 0, n);
            return _writes.Write(item.Code, _text, n);
        }

        private int Two(int number, int separator, int at)
        {
            _text[at++] = (byte)('0' + number / 10);
            _text[at++] = (byte)('0' + number % 10);
            if (separator != 0) _text[at++] = (byte)separator;
            return at;
        }


        /// <inheritdoc />
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
            => ActionResult.ObjectUnavailable;
    }
}
