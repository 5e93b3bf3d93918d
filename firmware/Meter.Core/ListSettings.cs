using Meter.Clock;
using Meter.Display;
using Meter.Obis;
using Meter.Optical;

namespace Meter.Core
{
    /// <summary>
    /// The list settings the optical port configures (display lists, readout list, holidays):
    /// their OBIS codes, capacities and defaults, how an item is written as text and how a list
    /// is checked, the same for a W1 write and for the settings record read back at boot.
    /// OBIS codes: C = 21 holds the readout profiles (DLMS UA Blue Book "data profile objects for
    /// readout": 0-0:21.0.0 general local port readout, 0-0:21.0.1 general display readout,
    /// 0-0:21.0.2 alternate display readout) and 0-0:11.0.0 is the special days table
    /// (IEC 62056-61 / Blue Book C = 11).
    /// </summary>
    public static class ListSettings
    {
        /// <summary>0-0:21.0.0 the data sets of the optical port's readout (mode A/B/C).</summary>
        public static readonly ObisCode ReadoutList = new ObisCode(0, 0, 21, 0, 0, 255);
        /// <summary>0-0:21.0.1 the normal display list (the automatic, scrolling list of Meter.Display).</summary>
        public static readonly ObisCode NormalDisplayList = new ObisCode(0, 0, 21, 0, 1, 255);
        /// <summary>0-0:21.0.2 the alternate display list (the push-button, manual list of Meter.Display).</summary>
        public static readonly ObisCode AlternateDisplayList = new ObisCode(0, 0, 21, 0, 2, 255);
        /// <summary>0-0:11.0.0 the special days (holiday) table of the tariff timetable.</summary>
        public static readonly ObisCode HolidayTable = new ObisCode(0, 0, 11, 0, 0, 255);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here.</summary>
        public const int Count = 4;

        /// <summary>Items of the readout list (the default readout has 24).</summary>
        public const int ReadoutCapacity = 32;
        /// <summary>Holidays kept (every-year dates and single dates together).</summary>
        public const int HolidayCapacity = 32;
        /// <summary>
        /// Longest list entry text "nn;item": an IEC 62056-21 §6.3 data-set value, printable and
        /// without ( ) * / !, kept within 32 characters (the limit docs/iec62056-21-notes.md §3.4
        /// gives, also the value field of IEC 1107 clients), so any client and the 128-byte
        /// receive frame of Meter.Optical OpticalServer take it.
        /// </summary>
        public const int EntryLength = 32;

        /// <summary>Readings the display may always be asked to keep: the legal energies (Kamstrup 351/382 "legal readings").</summary>
        public static ObisCode[] LegalDisplayCodes()
        {
            return new ObisCode[] { StandardObjects.ActiveImport, StandardObjects.ActiveExport };
        }

        /// <summary>Default normal (automatic) list: A+ total and per tariff, A−, P.</summary>
        public static ObisCode[] DefaultNormalDisplayList()
        {
            return new ObisCode[]
            {
                StandardObjects.ActiveImport, StandardObjects.ActiveImportT1, StandardObjects.ActiveImportT2,
                StandardObjects.ActiveExport, StandardObjects.ActivePower,
            };
        }

        /// <summary>Default alternate (manual) list: energies, maximum demand, voltages, currents, frequency.</summary>
        public static ObisCode[] DefaultAlternateDisplayList()
        {
            return new ObisCode[]
            {
                StandardObjects.ActiveImport, StandardObjects.ActiveExport, StandardObjects.ReactiveImport, StandardObjects.ReactiveExport,
                StandardObjects.MaximumDemandImport, StandardObjects.VoltageL1, StandardObjects.VoltageL2, StandardObjects.VoltageL3,
                StandardObjects.CurrentL1, StandardObjects.CurrentL2, StandardObjects.CurrentL3, StandardObjects.Frequency,
            };
        }

        /// <summary>Voltage-quality objects at the end of the default readout: the dips and swells of all phases (the per-phase ones would not fit <see cref="ReadoutCapacity"/>).</summary>
        public const int DefaultReadoutVoltageQualityCount = 2;

        /// <summary>
        /// Codes of Meter.Optical <see cref="DefaultReadout"/>, in order, then the tamper status and counters
        /// (<see cref="TamperObjects"/>), then the dips and swells of all phases (<see cref="VoltageQualityObjects"/>).
        /// </summary>
        public static ObisCode[] DefaultReadoutCodes()
        {
            ReadoutList list = DefaultReadout.Create();
            ObisCode[] codes = new ObisCode[list.Count + TamperObjects.Count + DefaultReadoutVoltageQualityCount];
            int n = 0;
            for (int i = 0; i < list.Count; i++) codes[n++] = list.CodeAt(i);
            codes[n++] = TamperObjects.Status;
            codes[n++] = TamperObjects.MagneticCounter;
            codes[n++] = TamperObjects.TerminalCoverCounter;
            codes[n++] = VoltageQualityObjects.DipsAnyPhase;
            codes[n] = VoltageQualityObjects.SwellsAnyPhase;
            return codes;
        }

        /// <summary>Billing periods of <see cref="DefaultReadoutCodes"/> (the tamper and voltage-quality objects have none).</summary>
        public static int[] DefaultReadoutBillingPeriods()
        {
            ReadoutList list = DefaultReadout.Create();
            int[] periods = new int[list.Count + TamperObjects.Count + DefaultReadoutVoltageQualityCount];
            for (int i = 0; i < list.Count; i++) periods[i] = list.BillingPeriodsAt(i);
            return periods;
        }

        /// <summary>A display list of <paramref name="kind"/> as the meter's display has it (the manual list keeps the legal readings), to check a list against.</summary>
        public static DisplayList NewDisplayList(DisplayListKind kind)
        {
            return new DisplayList(kind, kind == DisplayListKind.Manual ? LegalDisplayCodes() : null);
        }

        /// <summary>True when <paramref name="codes"/> can be a list of <paramref name="kind"/> (Meter.Display DisplayList rules).</summary>
        public static bool IsDisplayList(ObisCode[] codes, DisplayListKind kind)
        {
            return NewDisplayList(kind).Check(codes) == null;
        }

        /// <summary>
        /// True for a readout list: 1 … <see cref="ReadoutCapacity"/> items, none twice, billing
        /// periods 0 … 99 and only on a current value (Meter.Optical ReadoutList rules). An empty
        /// readout is legal in IEC 62056-21 ("STX ! CR LF ETX BCC") but would make the port useless
        /// for reading the meter, so this meter refuses it.
        /// </summary>
        public static bool IsReadoutList(ObisCode[] codes, int[] billingPeriods)
        {
            if (codes == null || billingPeriods == null || codes.Length != billingPeriods.Length) return false;
            if (codes.Length == 0 || codes.Length > ReadoutCapacity) return false;
            for (int i = 0; i < codes.Length; i++)
            {
                if (billingPeriods[i] < 0 || billingPeriods[i] > 99) return false;
                if (billingPeriods[i] > 0 && codes[i].F != ObisCode.NotUsed) return false;
                for (int j = 0; j < i; j++)
                    if (codes[j] == codes[i]) return false;
            }
            return true;
        }

        /// <summary>True for a holiday: MMDD of every year (1 … 12, a day of that month in a leap year) or YYYYMMDD, 2000 … 2099, a real date.</summary>
        public static bool IsHoliday(int packed)
        {
            if (packed < 0) return false;
            int year = packed / 10000, month = packed / 100 % 100, day = packed % 100;
            if (month < 1 || month > 12 || day < 1) return false;
            if (year == 0) return day <= CivilCalendar.DaysInMonth(2000, month); // 2000 is a leap year: 29 February recurs
            return year >= 2000 && year <= 2099 && day <= CivilCalendar.DaysInMonth(year, month);
        }

        /// <summary>True for a holiday table: at most <see cref="HolidayCapacity"/> valid dates, none twice (empty: no holidays).</summary>
        public static bool IsHolidayList(int[] holidays)
        {
            if (holidays == null || holidays.Length > HolidayCapacity) return false;
            for (int i = 0; i < holidays.Length; i++)
            {
                if (!IsHoliday(holidays[i])) return false;
                for (int j = 0; j < i; j++)
                    if (holidays[j] == holidays[i]) return false;
            }
            return true;
        }

        /// <summary>The Meter.Clock holiday table of <paramref name="holidays"/> (packed as <see cref="MeterSettings.Holidays"/>).</summary>
        public static HolidayTable ToHolidayTable(int[] holidays)
        {
            HolidayTable table = new HolidayTable();
            for (int i = 0; i < holidays.Length; i++)
            {
                int h = holidays[i];
                if (h / 10000 == 0) table.AddFixed(h / 100, h % 100);
                else table.AddDate(h / 10000, h / 100 % 100, h % 100);
            }
            return table;
        }

        /// <summary>
        /// Parses one holiday item: "MM-DD" (every year) or "YY-MM-DD" (that date, 20YY; the
        /// date form of IEC 62056-21 values as in the clock 0-0:1.0.0). Returns the packed
        /// holiday, -1 when the text has another shape, -2 when it is no date.
        /// </summary>
        public static int ParseHoliday(string text)
        {
            if (text == null) return -1;
            int year = 0, month, day;
            if (text.Length == 5 && text[2] == '-')
            {
                month = Digits(text, 0, 2); day = Digits(text, 3, 2);
            }
            else if (text.Length == 8 && text[2] == '-' && text[5] == '-')
            {
                int yy = Digits(text, 0, 2);
                year = yy < 0 ? -1 : 2000 + yy;
                month = Digits(text, 3, 2); day = Digits(text, 6, 2);
            }
            else return -1;
            if (year < 0 || month < 0 || day < 0) return -1;
            int packed = year * 10000 + month * 100 + day;
            return IsHoliday(packed) ? packed : -2;
        }

        /// <summary>
        /// One holiday (packed as <see cref="MeterSettings.Holidays"/>) in the form
        /// <see cref="ParseHoliday"/> reads: "MM-DD" for every year, "YY-MM-DD" for one date.
        /// </summary>
        public static string FormatHoliday(int packed)
        {
            int year = packed / 10000, month = packed / 100 % 100, day = packed % 100;
            char[] text = new char[year == 0 ? 5 : 8];
            int p = 0;
            if (year != 0)
            {
                p = TwoDigits(year % 100, text, p);
                text[p++] = '-';
            }
            p = TwoDigits(month, text, p);
            text[p++] = '-';
            TwoDigits(day, text, p);
            return new string(text);
        }

        /// <summary>
        /// Parses one readout item: an OBIS address ("1-0:1.8.0" or "1.8.0", Meter.Obis
        /// ObisCode.TryParse), optionally ";N" for its last N (0 … 99) billing-period values
        /// ("*" may not stand in a value, IEC 62056-21 §6.3). Returns false on another shape.
        /// </summary>
        public static bool TryParseReadoutItem(string text, out ObisCode code, out int billingPeriods)
        {
            billingPeriods = 0;
            int semicolon = -1;
            for (int i = 0; text != null && i < text.Length && semicolon < 0; i++)
                if (text[i] == ';') semicolon = i;
            if (semicolon < 0) return TryParseCode(text, out code);
            int count = text.Length - semicolon - 1;
            if (count < 1 || count > 2) { code = new ObisCode(); return false; }
            billingPeriods = Digits(text, semicolon + 1, count);
            if (billingPeriods < 0) { code = new ObisCode(); return false; }
            return TryParseCode(text.Substring(0, semicolon), out code);
        }

        /// <summary>
        /// One readout item in the form <see cref="TryParseReadoutItem"/> reads: the code
        /// (<see cref="FormatCode"/>), then ";N" when its last N (1 … 99) billing values are sent too.
        /// </summary>
        public static string FormatReadoutItem(ObisCode code, int billingPeriods)
        {
            string address = FormatCode(code);
            if (billingPeriods <= 0) return address;
            char[] suffix = new char[billingPeriods < 10 ? 2 : 3];
            suffix[0] = ';';
            if (billingPeriods < 10) suffix[1] = (char)('0' + billingPeriods);
            else TwoDigits(billingPeriods, suffix, 1);
            return address + new string(suffix);
        }

        /// <summary>
        /// An OBIS code in the form <see cref="TryParseCode"/> reads, as a list item: the address
        /// form of Meter.Obis ObisCode.WriteAddress ("1.8.0", "0-0:96.1.0") with a billing period
        /// as "&amp;F" ("*" may not stand in a value, IEC 62056-21 §6.3).
        /// </summary>
        public static string FormatCode(ObisCode code)
        {
            byte[] bytes = new byte[24];
            int n = code.WriteAddress(bytes, 0, bytes.Length);
            char[] text = new char[n];
            for (int i = 0; i < n; i++) text[i] = bytes[i] == '*' ? '&' : (char)bytes[i];
            return new string(text);
        }

        /// <summary>Parses an OBIS address given as text (no exception: it comes from a frame).</summary>
        public static bool TryParseCode(string text, out ObisCode code)
        {
            code = new ObisCode();
            if (text == null || text.Length == 0) return false;
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                char c = text[i];
                if (c >= 128) return false;
                bytes[i] = (byte)c;
            }
            return ObisCode.TryParse(bytes, 0, bytes.Length, out code);
        }

        /// <summary>An OBIS code as one record value (A … F, 8 bits each, A highest) with <paramref name="extra"/> (0 … 127) above it.</summary>
        public static long Pack(ObisCode code, int extra)
        {
            return ((long)extra << 48) | ((long)code.A << 40) | ((long)code.B << 32) | ((long)code.C << 24)
                | ((long)code.D << 16) | ((long)code.E << 8) | code.F;
        }

        /// <summary>The OBIS code of a value made by <see cref="Pack"/>.</summary>
        public static ObisCode Unpack(long value)
        {
            return new ObisCode((byte)(value >> 40), (byte)(value >> 32), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
        }

        /// <summary>The extra of a value made by <see cref="Pack"/>.</summary>
        public static int ExtraOf(long value)
        {
            return (int)((value >> 48) & 0x7F);
        }

        /// <summary>Writes <paramref name="value"/> (0 … 99) as two digits at <paramref name="position"/>; returns the position after them (also for TariffSwitchList).</summary>
        internal static int TwoDigits(int value, char[] text, int position)
        {
            text[position] = (char)('0' + value / 10);
            text[position + 1] = (char)('0' + value % 10);
            return position + 2;
        }

        /// <summary>The decimal number of <paramref name="count"/> digits at <paramref name="start"/>, or −1 if any is not a digit (also for TariffSwitchList).</summary>
        internal static int Digits(string text, int start, int count)
        {
            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
