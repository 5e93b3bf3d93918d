using Meter.Display;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Where the optical port's list writes land (<see cref="ListSettings"/>: normal and alternate
    /// display list, readout list, holidays), entry by entry ("nn;item", then "nn;" to end,
    /// <see cref="ListEntryBuffer"/>). Each item is checked as it arrives (an OBIS code the
    /// register table has and, for a display list, can show; a date); the end mark checks the
    /// whole list. Only a valid complete list is committed with the settings record
    /// (<see cref="SettingsWriter"/>), applied at once (LCD, readout, tariff timetable from the
    /// next cycle) and logged as a ParameterChange: detail = the list's <see cref="SettingsRecord"/>
    /// index, old and new value = the list length × 2^48 + its first item (<see cref="ListSettings.Pack"/>;
    /// a holiday as its packed date). A refused entry changes nothing and restarts the list.
    /// </summary>
    public sealed class ListSettingsWriter : ObisValueOwner
    {
        private readonly MeterSettings _settings;
        private readonly SettingsRecordStore _record;
        private readonly ObisTable _table;
        private readonly MeterDisplay _display;
        private readonly OpticalPort _optical;
        private readonly EventRouting _events;
        private readonly ListEntryBuffer _normal = new ListEntryBuffer(DisplayList.AutomaticCapacity);
        private readonly ListEntryBuffer _alternate = new ListEntryBuffer(DisplayList.ManualCapacity);
        private readonly ListEntryBuffer _readout = new ListEntryBuffer(ListSettings.ReadoutCapacity);
        private readonly ListEntryBuffer _holidays = new ListEntryBuffer(ListSettings.HolidayCapacity);
        private readonly TariffTimetableWriter _timetable;

        /// <summary>
        /// Writes the lists of <paramref name="settings"/> into <paramref name="record"/>, each item checked against
        /// <paramref name="table"/>; applied to <paramref name="display"/>, the readout of <paramref name="optical"/>
        /// and the holidays of <paramref name="tariffs"/>.
        /// </summary>
        public ListSettingsWriter(MeterSettings settings, SettingsRecordStore record, ObisTable table, MeterDisplay display,
            OpticalPort optical, TariffSelection tariffs, EventRouting events)
        {
            _settings = settings;
            _record = record;
            _table = table;
            _display = display;
            _optical = optical;
            _events = events;
            _timetable = new TariffTimetableWriter(settings, record, tariffs, events);
        }

        /// <summary>True for the list objects this writer logs itself.</summary>
        public static bool Handles(ObisCode code)
        {
            return code == ListSettings.NormalDisplayList || code == ListSettings.AlternateDisplayList
                || code == ListSettings.ReadoutList || code == ListSettings.HolidayTable;
        }

        /// <summary>One entry of the list <paramref name="code"/> (one of <see cref="Handles"/>).</summary>
        public override ObisWriteResult WriteText(ObisCode code, string text)
        {
            if (code == ListSettings.NormalDisplayList) return WriteDisplayEntry(_normal, DisplayListKind.Automatic, text);
            if (code == ListSettings.AlternateDisplayList) return WriteDisplayEntry(_alternate, DisplayListKind.Manual, text);
            if (code == ListSettings.ReadoutList) return WriteReadoutEntry(text);
            if (code == ListSettings.HolidayTable) return WriteHolidayEntry(text);
            return ObisWriteResult.UnknownObject;
        }

        private ObisWriteResult WriteDisplayEntry(ListEntryBuffer buffer, DisplayListKind kind, string text)
        {
            bool complete;
            ObisWriteResult result = buffer.Add(text, out complete);
            if (result != ObisWriteResult.Accepted) return result;
            if (!complete)
            {
                ObisCode code;
                string item = text.Substring(3, text.Length - 3);
                if (!ListSettings.TryParseCode(item, out code)) return Refused(buffer, ObisWriteResult.InvalidFormat);
                return CanShow(code) ? ObisWriteResult.Accepted : Refused(buffer, ObisWriteResult.OutOfRange);
            }
            ObisCode[] codes = new ObisCode[buffer.Items.Length];
            for (int i = 0; i < codes.Length; i++) ListSettings.TryParseCode(buffer.Items[i], out codes[i]); // each parsed when it came
            // The normal list is what the LCD shows unattended: it may not be empty (Meter.Display shows nothing then).
            if (codes.Length == 0 || !ListSettings.IsDisplayList(codes, kind)) return ObisWriteResult.OutOfRange;
            MeterSettings s = _settings;
            bool normal = kind == DisplayListKind.Automatic;
            long old = Summary(normal ? s.NormalDisplayList : s.AlternateDisplayList);
            if (normal) s.NormalDisplayList = codes;
            else s.AlternateDisplayList = codes;
            _record.Commit();
            _display.ApplyLists();
            return Logged(normal ? SettingsRecord.NormalDisplayList : SettingsRecord.AlternateDisplayList, old, Summary(codes));
        }

        private ObisWriteResult WriteReadoutEntry(string text)
        {
            bool complete;
            ObisWriteResult result = _readout.Add(text, out complete);
            if (result != ObisWriteResult.Accepted) return result;
            ObisCode code;
            int periods;
            if (!complete)
            {
                if (!ListSettings.TryParseReadoutItem(text.Substring(3, text.Length - 3), out code, out periods))
                    return Refused(_readout, ObisWriteResult.InvalidFormat);
                bool known = _table.Find(code) != null && (periods == 0 || _table.Find(code.WithF(1)) != null);
                return known ? ObisWriteResult.Accepted : Refused(_readout, ObisWriteResult.OutOfRange);
            }
            string[] items = _readout.Items;
            ObisCode[] codes = new ObisCode[items.Length];
            int[] billing = new int[items.Length];
            for (int i = 0; i < items.Length; i++) ListSettings.TryParseReadoutItem(items[i], out codes[i], out billing[i]);
            if (!ListSettings.IsReadoutList(codes, billing)) return ObisWriteResult.OutOfRange; // empty, a code twice, history on F ≠ 255
            MeterSettings s = _settings;
            long old = Summary(s.ReadoutCodes);
            s.ReadoutCodes = codes;
            s.ReadoutBillingPeriods = billing;
            _record.Commit();
            _optical.ApplyReadoutList();
            return Logged(SettingsRecord.ReadoutList, old, Summary(codes));
        }

        private ObisWriteResult WriteHolidayEntry(string text)
        {
            bool complete;
            ObisWriteResult result = _holidays.Add(text, out complete);
            if (result != ObisWriteResult.Accepted) return result;
            if (!complete)
            {
                int packed = ListSettings.ParseHoliday(text.Substring(3, text.Length - 3));
                if (packed == -1) return Refused(_holidays, ObisWriteResult.InvalidFormat);
                return packed < 0 ? Refused(_holidays, ObisWriteResult.OutOfRange) : ObisWriteResult.Accepted;
            }
            string[] items = _holidays.Items;
            int[] holidays = new int[items.Length];
            for (int i = 0; i < items.Length; i++) holidays[i] = ListSettings.ParseHoliday(items[i]);
            // An empty table ("01;" alone) is allowed: no holidays. The timetable writer checks, commits, applies, logs.
            return _timetable.ReplaceHolidays(holidays) ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange;
        }

        // What Meter.Display ObisTableDisplaySource can show: a register (with its unit) or an integer data object.
        private bool CanShow(ObisCode code)
        {
            ObisObject item = _table.Find(code);
            return item is RegisterObject || item is IntegerDataObject;
        }

        private static ObisWriteResult Refused(ListEntryBuffer buffer, ObisWriteResult why)
        {
            buffer.Restart();
            return why;
        }

        private static long Summary(ObisCode[] codes)
        {
            return codes.Length == 0 ? 0 : ListSettings.Pack(codes[0], codes.Length);
        }

        private ObisWriteResult Logged(int what, long oldValue, long newValue)
        {
            _events.Log(EventKind.ParameterChange, what, oldValue, newValue);
            return ObisWriteResult.Accepted;
        }
    }
}
