using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The tariff timetable as COSEM objects: the Activity calendar 0-0:13.0.0.255 (Blue Book IC 20, version 0) and
    /// the Special days table 0-0:11.0.0.255 (IC 11, version 0). The active calendar and the entries are read from
    /// the settings every time, so they show exactly what the meter runs (<see cref="TariffCalendarTables"/>). The
    /// management client (SAP <see cref="ManagementClientSap"/>) writes the passive calendar (attributes 6 … 9, kept
    /// with its activation time and both calendar names in the calendar record, <see cref="CalendarRecord"/>, restored
    /// at start-up by <see cref="Restore"/>) and activates it at activate_passive_calendar_time (attribute 10, local time of the
    /// meter, applied by the first metering cycle at or after it through <see cref="TariffSelection.Schedule"/>) or
    /// at once by method 1; it inserts (method 1) and deletes (method 2) holidays. Every change goes through
    /// <see cref="TariffTimetableWriter"/>, as the optical port's programming does (same rules, record, event).
    /// What the meter's tariff model cannot run is refused with other-reason, a value of another type with
    /// type-unmatched (<see cref="TariffCalendarCodec"/>, <see cref="SpecialDaysCodec"/>). The tariff in force is
    /// the Data object 0-0:96.14.0 of the register table (no register activation object); the switches name the
    /// tariffication script table 0-0:10.0.100.255 (<see cref="TariffScriptTable"/>), served here read-only.
    /// </summary>
    public sealed class TariffCalendarObjects : ICosemObjects, IScheduledTariffChange
    {
        /// <summary>The client allowed to write (CosemServerSettings' management client).</summary>
        public const int ManagementClientSap = 1;

        private const int Calendar = 0, SpecialDays = 1, Scripts = 2;
        private const int CalendarClass = 20, CalendarAttributes = 10, CalendarMethods = 1;
        private const int SpecialDaysClass = 11, SpecialDaysAttributes = 2, SpecialDaysMethods = 2;
        private const int DateTimeLength = 12;

        private static readonly byte[][] Names = { new byte[] { 0, 0, 13, 0, 0, 255 }, new byte[] { 0, 0, 11, 0, 0, 255 },
            TariffCalendarCodec.TariffScriptTable };

        private readonly MeterSettings _settings;
        private readonly TariffTimetableWriter _timetable;
        private readonly TariffSelection _tariffs;
        private readonly ObisLocalTime _localTime;
        private readonly TariffCalendarTables _active = new TariffCalendarTables();
        private readonly TariffCalendarTables _passive = new TariffCalendarTables();
        private readonly TariffCalendarTables _scratch = new TariffCalendarTables();
        private readonly byte[] _activationTime = new byte[DateTimeLength];
        private readonly byte[] _bytes = new byte[DateTimeLength];
        private readonly WearLevelledRecord _record;
        private readonly EventRouting _events;
        private readonly long[] _values = new long[CalendarRecord.Length];

        /// <summary>Serves the timetable of <paramref name="settings"/>, written through the record
        /// <paramref name="record"/> and applied to <paramref name="tariffs"/> (events to <paramref name="events"/>);
        /// activation times are local (<paramref name="localTime"/>); the passive calendar, its activation time and
        /// the names are kept in <paramref name="calendarRecord"/> (Meter.Storage MeterStorage.Calendar).</summary>
        public TariffCalendarObjects(MeterSettings settings, SettingsRecordStore record, TariffSelection tariffs, EventRouting events,
            ObisLocalTime localTime, WearLevelledRecord calendarRecord)
        {
            _settings = settings;
            _record = calendarRecord;
            _events = events;
            _tariffs = tariffs;
            _localTime = localTime;
            _timetable = new TariffTimetableWriter(settings, record, tariffs, events);
            SetNotSpecified(_activationTime);
        }

        // A date-time with every field not specified (Blue Book "Date and time formats"): no activation pending.
        private static void SetNotSpecified(byte[] dateTime)
        {
            for (int i = 0; i < DateTimeLength; i++) dateTime[i] = 0xFF;
            dateTime[9] = 0x80;
            dateTime[10] = 0x00;
        }

        /// <inheritdoc />
        public int Count => 3;

        /// <inheritdoc />
        public int IndexOf(byte[] logicalName, int offset)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                bool same = true;
                for (int b = 0; b < 6 && same; b++) same = Names[i][b] == logicalName[offset + b];
                if (same) return i;
            }
            return -1;
        }

        /// <inheritdoc />
        public int ClassId(int index) => index == Calendar ? CalendarClass : index == SpecialDays ? SpecialDaysClass : TariffScriptTable.ClassId;

        /// <inheritdoc />
        public int Version(int index) => 0;

        /// <inheritdoc />
        public void CopyLogicalName(int index, byte[] destination, int offset) => System.Array.Copy(Names[index], 0, destination, offset, 6);

        /// <inheritdoc />
        public int AttributeCount(int index)
            => index == Calendar ? CalendarAttributes : index == SpecialDays ? SpecialDaysAttributes : TariffScriptTable.Attributes;

        /// <inheritdoc />
        public int MethodCount(int index) => index == Calendar ? CalendarMethods : index == SpecialDays ? SpecialDaysMethods : TariffScriptTable.Methods;

        /// <summary>Everything readable by every client; the passive calendar (6 … 10) writable by the management
        /// client.</summary>
        public CosemAttributeAccess AttributeAccess(int index, int attributeId, int clientSap)
        {
            if (attributeId < 1 || attributeId > AttributeCount(index)) return CosemAttributeAccess.NoAccess;
            bool passive = index == Calendar && attributeId >= 6;
            return passive && clientSap == ManagementClientSap ? CosemAttributeAccess.ReadAndWrite : CosemAttributeAccess.ReadOnly;
        }

        /// <summary>The methods for the management client only (the script table's execute for no one).</summary>
        public CosemMethodAccess MethodAccess(int index, int methodId, int clientSap)
            => clientSap == ManagementClientSap && index != Scripts ? CosemMethodAccess.Access : CosemMethodAccess.NoAccess;

        /// <summary>No attribute is read in parts or with selective access: selector 0 is a plain GET.</summary>
        public DataAccessResult GetSelected(int index, int attributeId, int selector, AxdrReader parameters, CosemGetCursor cursor, AxdrWriter value)
            => selector == 0 ? Get(index, attributeId, value) : DataAccessResult.OtherReason;

        /// <inheritdoc />
        public DataAccessResult Get(int index, int attributeId, AxdrWriter value)
        {
            if (attributeId == 1)
            {
                value.WriteOctetString(Names[index], 0, 6);
                return DataAccessResult.Success;
            }
            if (index == SpecialDays)
            {
                SpecialDaysCodec.WriteEntries(_settings.Holidays, value);
                return DataAccessResult.Success;
            }
            if (index == Scripts)
            {
                TariffScriptTable.WriteScripts(_settings.TariffCount, value);
                return DataAccessResult.Success;
            }
            if (attributeId >= 3 && attributeId <= 5) _active.FillFromSettings(_settings);
            switch (attributeId)
            {
                case 2: TariffCalendarCodec.WriteName(_active.CalendarName, _active.CalendarNameLength, value); break;
                case 3: TariffCalendarCodec.WriteSeasons(_active, value); break;
                case 4: TariffCalendarCodec.WriteWeeks(_active, value); break;
                case 5: TariffCalendarCodec.WriteDays(_active, value); break;
                case 6: TariffCalendarCodec.WriteName(_passive.CalendarName, _passive.CalendarNameLength, value); break;
                case 7: TariffCalendarCodec.WriteSeasons(_passive, value); break;
                case 8: TariffCalendarCodec.WriteWeeks(_passive, value); break;
                case 9: TariffCalendarCodec.WriteDays(_passive, value); break;
                default: value.WriteOctetString(_activationTime, 0, DateTimeLength); break;
            }
            return DataAccessResult.Success;
        }

        /// <summary>Writes an attribute of the passive calendar; nothing changes on a refusal.</summary>
        public DataAccessResult Set(int index, int attributeId, AxdrReader value)
        {
            if (index != Calendar || attributeId < 6) return DataAccessResult.ReadWriteDenied;
            if (attributeId == 10) return SetActivationTime(value);
            _scratch.CopyFrom(_passive);
            DataAccessResult result = DataAccessResult.Success;
            if (attributeId == 6) _scratch.CalendarNameLength = TariffCalendarCodec.ReadName(value, _scratch.CalendarName, ref result);
            else if (attributeId == 7) result = TariffCalendarCodec.ReadSeasons(value, _scratch, _bytes);
            else if (attributeId == 8) result = TariffCalendarCodec.ReadWeeks(value, _scratch);
            else result = TariffCalendarCodec.ReadDays(value, _scratch, _settings.TariffCount, _bytes);
            if (result != DataAccessResult.Success) return result;
            _passive.CopyFrom(_scratch);
            Commit();
            return result;
        }

        /// <summary>
        /// Start-up (after the settings are restored, before the first tariff selection): the stored passive calendar,
        /// activation time and names. A pending activation is scheduled again at its local time; when that time passed
        /// while the meter was off, the start-up's first selection (at or after it, <see cref="TariffSelection.Schedule"/>)
        /// activates the calendar at once: the Blue Book (IC 20, activate_passive_calendar_time) makes the passive
        /// calendar active "at the specified time", and a meter that was off then catches up at power-up rather than
        /// drop what the utility programmed. A record that fails <see cref="CalendarRecord.TryApply"/> is refused with
        /// a StorageRepair event (detail <see cref="StorageArea.Calendar"/>, new value 1): the passive calendar stays
        /// empty, nothing is activated, the timetable in the settings keeps running.
        /// </summary>
        public void Restore()
        {
            if (_record == null || !_record.HasValue) return; // no calendar written yet (a memory written before the record)
            _record.CopyTo(_values);
            if (!CalendarRecord.TryApply(_values, _settings.TariffCount, _active, _passive, _scratch, _activationTime))
            {
                _events.Log(EventKind.StorageRepair, StorageArea.Calendar, 0, 1);
                return;
            }
            if (CalendarRecord.IsNotSpecified(_activationTime)) return;
            _tariffs.Schedule(this, _localTime.ToUtc(CalendarRecord.ToDateTime(_activationTime)));
        }

        // The whole calendar record, power-fail safe: a cut leaves the previous commit or this one.
        private void Commit()
        {
            if (_record == null) return;
            CalendarRecord.Capture(_active, _passive, _activationTime, _values);
            _record.Commit(_values);
        }

        // activate_passive_calendar_time: a date-time all not specified cancels a pending activation; a fully given
        // local date-time (weekday, hundredths, deviation and status not looked at) of a passive calendar the meter
        // can run schedules it; any other wildcard is refused (other-reason).
        private DataAccessResult SetActivationTime(AxdrReader value)
        {
            if (value.ReadString(AxdrType.OctetString, _bytes, 0, DateTimeLength) != DateTimeLength) return DataAccessResult.TypeUnmatched;
            if (CalendarRecord.IsNotSpecified(_bytes))
            {
                if (_tariffs.ScheduledAt != long.MaxValue) _tariffs.Schedule(null, 0);
                System.Array.Copy(_bytes, 0, _activationTime, 0, DateTimeLength);
                Commit();
                return DataAccessResult.Success;
            }
            ObisDateTime at = CalendarRecord.ToDateTime(_bytes);
            if (!at.IsValid || !CanRun(_passive)) return DataAccessResult.OtherReason;
            _tariffs.Schedule(this, _localTime.ToUtc(at));
            System.Array.Copy(_bytes, 0, _activationTime, 0, DateTimeLength);
            Commit();
            return DataAccessResult.Success;
        }

        private bool CanRun(TariffCalendarTables calendar)
        {
            int[] switches = calendar.TryGetSwitches();
            return switches != null && TariffSwitchList.IsSwitchList(switches, _settings.TariffCount);
        }

        /// <inheritdoc />
        public ActionResult Action(int index, int methodId, AxdrReader parameters, bool hasParameters, AxdrWriter returnValue)
        {
            if (index == Scripts) return ActionResult.ReadWriteDenied;
            if (!hasParameters) return ActionResult.TypeUnmatched;
            if (index == Calendar)
            {
                // activate_passive_calendar (data ::= integer (0)).
                parameters.ReadInteger(AxdrType.Integer);
                if (parameters.Failed) return ActionResult.TypeUnmatched;
                return Activate() ? ActionResult.Success : ActionResult.OtherReason;
            }
            return methodId == 1 ? Insert(parameters) : Delete(parameters);
        }

        /// <summary>The scheduled activation time has come.</summary>
        public void ApplyScheduled(long utcSeconds)
        {
            Activate(); // a passive calendar changed since into one the meter cannot run is not activated
        }

        // The passive calendar becomes the timetable; its name the active calendar's name.
        private bool Activate()
        {
            int[] switches = _passive.TryGetSwitches();
            if (switches == null || !_timetable.ReplaceWorkingDaySwitches(switches)) return false;
            System.Array.Copy(_passive.CalendarName, 0, _active.CalendarName, 0, TariffCalendarTables.MaxNameLength);
            _active.CalendarNameLength = _passive.CalendarNameLength;
            if (_tariffs.ScheduledAt != long.MaxValue) _tariffs.Schedule(null, 0);
            SetNotSpecified(_activationTime);
            Commit();
            return true;
        }

        // insert (data ::= spec_day_entry): an index 1 … n replaces that entry, n + 1 appends (the meter numbers its
        // holidays in order); an entry of the same date elsewhere is overwritten (removed), as the Blue Book says.
        private ActionResult Insert(AxdrReader parameters)
        {
            int index, holiday;
            DataAccessResult read = SpecialDaysCodec.ReadEntry(parameters, _bytes, out index, out holiday);
            if (read != DataAccessResult.Success) return read == DataAccessResult.TypeUnmatched ? ActionResult.TypeUnmatched : ActionResult.OtherReason;
            int[] old = _settings.Holidays;
            if (index < 1 || index > old.Length + 1) return ActionResult.OtherReason;
            int duplicate = -1;
            for (int i = 0; i < old.Length; i++)
                if (old[i] == holiday && i != index - 1) duplicate = i;
            int length = (index > old.Length ? old.Length + 1 : old.Length) - (duplicate >= 0 ? 1 : 0);
            int[] holidays = new int[length];
            int n = 0;
            for (int i = 0; i < old.Length; i++)
            {
                if (i == duplicate) continue;
                holidays[n++] = i == index - 1 ? holiday : old[i];
            }
            if (index > old.Length) holidays[n] = holiday;
            return _timetable.ReplaceHolidays(holidays) ? ActionResult.Success : ActionResult.OtherReason;
        }

        // delete (data ::= long-unsigned index): the later holidays move up one place.
        private ActionResult Delete(AxdrReader parameters)
        {
            long index = parameters.ReadInteger(AxdrType.LongUnsigned);
            if (parameters.Failed) return ActionResult.TypeUnmatched;
            int[] old = _settings.Holidays;
            if (index < 1 || index > old.Length) return ActionResult.OtherReason;
            int[] holidays = new int[old.Length - 1];
            int n = 0;
            for (int i = 0; i < old.Length; i++)
                if (i != index - 1) holidays[n++] = old[i];
            return _timetable.ReplaceHolidays(holidays) ? ActionResult.Success : ActionResult.OtherReason;
        }
    }
}
