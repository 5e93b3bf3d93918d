using Meter.Clock;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The working-day tariff switching times written over the optical port as a list, one W1 of
    /// 0-0:13.0.0 per entry "nn;HH:mm;T" (position 01.., local switch time, tariff 1..8) and
    /// "nn;" to end it (tools/MeterTool ConfigureCommand.ListWrites; values within the 32
    /// characters of IEC 62056-21 §6.3.18). Entries are collected until the end mark; only a
    /// complete, valid list replaces the timetable; position 01 always starts a new list. A switch is packed as minute of day × 8 +
    /// tariff index (0 = T1).
    /// </summary>
    public sealed class TariffSwitchList
    {
        /// <summary>Most switching times a working day takes (two per record value, see <see cref="SettingsRecord"/>).</summary>
        public const int MaximumSwitches = 8;

        private readonly int[] _pending = new int[MaximumSwitches];
        private int _pendingCount;

        /// <summary>Switches of the last complete list (valid after <see cref="Add"/> returned Accepted with complete = true).</summary>
        public int[] Completed { get; private set; }

        /// <summary>
        /// Takes one list write. Returns Accepted for a kept entry (<paramref name="complete"/> false)
        /// or for the end mark of a valid list (<paramref name="complete"/> true, see
        /// <see cref="Completed"/>); InvalidFormat or OutOfRange otherwise, and the list restarts.
        /// </summary>
        public ObisWriteResult Add(string text, int tariffCount, out bool complete)
        {
            complete = false;
            ObisWriteResult result = Parse(text, tariffCount, out complete);
            if (result != ObisWriteResult.Accepted || complete) _pendingCount = 0;
            return result;
        }

        /// <summary>
        /// True for a working-day switch list (packed): 1 … <see cref="MaximumSwitches"/> switches at increasing
        /// minutes of the day, each naming a tariff the meter has (index below <paramref name="tariffCount"/>).
        /// </summary>
        public static bool IsSwitchList(int[] switches, int tariffCount)
        {
            if (switches == null || switches.Length == 0 || switches.Length > MaximumSwitches) return false;
            for (int i = 0; i < switches.Length; i++)
            {
                int packed = switches[i];
                if (packed < 0 || packed / 8 >= 1440 || packed % 8 >= tariffCount) return false;
                if (i > 0 && packed / 8 <= switches[i - 1] / 8) return false;
            }
            return true;
        }

        /// <summary>The working-day profile of <paramref name="switches"/> (packed); the tariff from midnight is the last switch's (the day wraps).</summary>
        public static TariffDayProfile ToDayProfile(int[] switches)
        {
            int first = switches[0];
            TariffDayProfile day;
            int from;
            if (first / 8 == 0) { day = new TariffDayProfile(first % 8); from = 1; }
            else { day = new TariffDayProfile(switches[switches.Length - 1] % 8); from = 0; }
            for (int i = from; i < switches.Length; i++)
            {
                int minute = switches[i] / 8;
                day.SwitchAt(minute / 60, minute % 60, switches[i] % 8);
            }
            return day;
        }

        /// <summary>
        /// The switches of the working day the meter uses without a written list (Meter.Core
        /// TariffSelection.UseSettings): T1 (index 0) from <paramref name="dayStartHour"/>,
        /// T2 (index 1) from <paramref name="dayEndHour"/>, so T2 from midnight.
        /// </summary>
        public static int[] DefaultSwitches(int dayStartHour, int dayEndHour)
        {
            int[] switches = new int[2];
            FillDefaultSwitches(dayStartHour, dayEndHour, switches);
            return switches;
        }

        /// <summary><see cref="DefaultSwitches"/> into <paramref name="switches"/> (2 long), for readers that may not allocate.</summary>
        public static void FillDefaultSwitches(int dayStartHour, int dayEndHour, int[] switches)
        {
            switches[0] = dayStartHour * 60 * 8;
            switches[1] = dayEndHour * 60 * 8 + 1;
        }

        /// <summary>One switch (packed) as the item an entry "nn;HH:mm;T" carries: "HH:mm;T".</summary>
        public static string FormatSwitch(int packed)
        {
            int minute = packed / 8;
            char[] text = new char[7];
            int p = ListSettings.TwoDigits(minute / 60, text, 0);
            text[p++] = ':';
            p = ListSettings.TwoDigits(minute % 60, text, p);
            text[p++] = ';';
            text[p] = (char)('1' + packed % 8);
            return new string(text);
        }

        private ObisWriteResult Parse(string text, int tariffCount, out bool complete)
        {
            complete = false;
            if (text == null || text.Length < 3 || text[2] != ';') return ObisWriteResult.InvalidFormat;
            int position = ListSettings.Digits(text, 0, 2);
            if (position < 0) return ObisWriteResult.InvalidFormat;
            // Position 01 always begins a new list: a list broken off (session ended, link lost) never blocks the next one.
            if (position == 1) _pendingCount = 0;
            if (position != _pendingCount + 1) return ObisWriteResult.OutOfRange;
            if (text.Length == 3)
            {
                if (_pendingCount == 0) return ObisWriteResult.OutOfRange;
                int[] list = new int[_pendingCount];
                for (int i = 0; i < list.Length; i++) list[i] = _pending[i];
                Completed = list;
                complete = true;
                return ObisWriteResult.Accepted;
            }
            // "nn;HH:mm;T"
            if (text.Length != 10 || text[5] != ':' || text[8] != ';') return ObisWriteResult.InvalidFormat;
            int hour = ListSettings.Digits(text, 3, 2), minute = ListSettings.Digits(text, 6, 2), tariff = ListSettings.Digits(text, 9, 1);
            if (hour < 0 || minute < 0 || tariff < 0) return ObisWriteResult.InvalidFormat;
            if (hour > 23 || minute > 59 || tariff < 1 || tariff > tariffCount) return ObisWriteResult.OutOfRange;
            if (_pendingCount == MaximumSwitches) return ObisWriteResult.OutOfRange;
            int packed = (hour * 60 + minute) * 8 + tariff - 1;
            if (_pendingCount > 0 && packed / 8 <= _pending[_pendingCount - 1] / 8) return ObisWriteResult.OutOfRange; // times must increase
            _pending[_pendingCount++] = packed;
            return ObisWriteResult.Accepted;
        }
    }
}
