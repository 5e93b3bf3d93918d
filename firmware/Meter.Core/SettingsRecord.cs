using Meter.Display;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The settings the optical port configures, as the values of the storage's settings record
    /// (Meter.Storage MeterStorage.Settings, power-fail safe and CRC-checked). Energy is never
    /// in it: writing a setting cannot touch the register record. Texts are ASCII, 8 characters
    /// per value, padded with 0.
    /// </summary>
    public static class SettingsRecord
    {
        /// <summary>Index of the marker ("SET" + record format 1): a record of another meaning is never applied.</summary>
        public const int Marker = 0;
        /// <summary>Index of the S0 pulse figure, imp/kWh (lower 32 bits; values 1..4's upper halves hold part of the device address, <see cref="DeviceAddressRecord"/>).</summary>
        public const int PulseFigure = 1;
        /// <summary>Index of the billing target day GG.</summary>
        public const int BillingTargetDay = 2;
        /// <summary>Index of the debiting interval code HH.</summary>
        public const int BillingIntervalCode = 3;
        /// <summary>Index of the CT primary current, A.</summary>
        public const int CtPrimaryAmps = 4;
        /// <summary>Index of the meter number (2 values, 16 characters).</summary>
        public const int MeterNumber = 5;
        /// <summary>Index of the level-1 password (2 values, 16 characters).</summary>
        public const int Password = 7;
        /// <summary>Index of the identification text (2 values, 16 characters).</summary>
        public const int Identification = 9;
        /// <summary>Index of the number of working-day tariff switches (0 = the preset's day-tariff hours).</summary>
        public const int TariffSwitchCount = 11;
        /// <summary>Index of the working-day tariff switches (4 values, two packed switches each).</summary>
        public const int TariffSwitches = 12;
        /// <summary>Index of the list lengths: normal display (bits 0–7), alternate display (8–15), readout (16–23), holidays (24–31).</summary>
        public const int ListCounts = 16;
        /// <summary>Index of the normal display list (<see cref="DisplayList.AutomaticCapacity"/> codes, one a value, <see cref="ListSettings.Pack"/>).</summary>
        public const int NormalDisplayList = 17;
        /// <summary>Index of the alternate display list (<see cref="DisplayList.ManualCapacity"/> codes).</summary>
        public const int AlternateDisplayList = NormalDisplayList + DisplayList.AutomaticCapacity;
        /// <summary>Index of the readout list (<see cref="ListSettings.ReadoutCapacity"/> codes, billing periods as the extra).</summary>
        public const int ReadoutList = AlternateDisplayList + DisplayList.ManualCapacity;
        /// <summary>Index of the holidays (<see cref="ListSettings.HolidayCapacity"/>, two packed dates a value, holiday 0 in the low 32 bits).</summary>
        public const int Holidays = ReadoutList + ListSettings.ReadoutCapacity;
        /// <summary>First value the settings do not use (121); from here <see cref="TamperRecord"/> keeps the tamper state (121..125), then <see cref="TariffControl"/> (126); the rest up to <see cref="StorageLayout.SettingsValueCount"/> is kept 0.</summary>
        public const int Used = Holidays + ListSettings.HolidayCapacity / 2;
        /// <summary>
        /// Index of the tariff control code (<see cref="TariffControlSetting"/>), 126: the first value
        /// after <see cref="TamperRecord"/>'s, so the layout stays as it is; a record written before holds
        /// 0 there, which is timetable control. 127 is <see cref="DeviceAddress"/>.
        /// </summary>
        public const int TariffControl = TamperRecord.Used;
        /// <summary>Index of the device address (<see cref="DeviceAddressSetting"/>, 127, the last spare value, with the upper halves of values 1..4: <see cref="DeviceAddressRecord"/>; a record written before holds 0 there: the meter number).</summary>
        public const int DeviceAddress = TariffControl + 1;
        /// <summary>Characters a text value holds.</summary>
        public const int TextLength = 16;

        private const long MarkerValue = 0x53455402; // "SET", format 2 (format 1 had 16 values and the lists at their defaults)

        /// <summary>Fills <paramref name="values"/> (<see cref="StorageLayout.SettingsValueCount"/> long) from <paramref name="settings"/>; everything from <see cref="Used"/> on is 0 but <see cref="TariffControl"/> and <see cref="DeviceAddress"/>.</summary>
        public static void Capture(MeterSettings settings, long[] values)
        {
            for (int i = 0; i < values.Length; i++) values[i] = 0;
            values[Marker] = MarkerValue;
            values[PulseFigure] = settings.S0ImpPerKwh & 0xFFFFFFFFL; // the upper halves of 1..4 are the device address's
            values[BillingTargetDay] = settings.BillingTargetDay & 0xFFFFFFFFL;
            values[BillingIntervalCode] = settings.BillingIntervalCode & 0xFFFFFFFFL;
            values[CtPrimaryAmps] = settings.CtPrimaryAmps & 0xFFFFFFFFL;
            PackText(settings.MeterNumber, values, MeterNumber);
            PackText(settings.Passwords[0], values, Password);
            PackText(settings.Identification, values, Identification);
            int[] switches = settings.WorkingDaySwitches;
            values[TariffSwitchCount] = switches.Length;
            for (int i = 0; i < switches.Length; i++) values[TariffSwitches + i / 2] |= (long)switches[i] << (32 * (i % 2));
            int[] holidays = settings.Holidays;
            values[ListCounts] = settings.NormalDisplayList.Length + (settings.AlternateDisplayList.Length << 8)
                + (settings.ReadoutCodes.Length << 16) + ((long)holidays.Length << 24); // each below 256
            PackCodes(settings.NormalDisplayList, null, values, NormalDisplayList);
            PackCodes(settings.AlternateDisplayList, null, values, AlternateDisplayList);
            PackCodes(settings.ReadoutCodes, settings.ReadoutBillingPeriods, values, ReadoutList);
            for (int i = 0; i < holidays.Length; i++) values[Holidays + i / 2] |= (long)holidays[i] << (32 * (i % 2));
            values[TariffControl] = settings.TariffControlCode;
            DeviceAddressRecord.Store(settings.DeviceAddress, values);
        }

        /// <summary>True when <paramref name="values"/> carry this record format's marker (a record of another meaning is never read).</summary>
        public static bool HasMarker(long[] values)
        {
            return values[Marker] == MarkerValue;
        }

        /// <summary>
        /// Copies a stored record into <paramref name="settings"/> when every value passes the
        /// same checks as a W1 write (<see cref="SettingsRules"/>); returns false and changes
        /// nothing otherwise (the caller keeps the preset defaults and reports it).
        /// </summary>
        public static bool TryApply(long[] values, MeterSettings settings)
        {
            if (values[Marker] != MarkerValue) return false;
            string number = UnpackText(values, MeterNumber);
            string password = UnpackText(values, Password);
            string identification = UnpackText(values, Identification);
            string address;
            if (!DeviceAddressRecord.TryRead(values, out address)) return false;
            int pulseFigure = DeviceAddressRecord.LowerHalf(values, PulseFigure), targetDay = DeviceAddressRecord.LowerHalf(values, BillingTargetDay);
            int intervalCode = DeviceAddressRecord.LowerHalf(values, BillingIntervalCode), ctPrimary = DeviceAddressRecord.LowerHalf(values, CtPrimaryAmps);
            if (!SettingsRules.IsPulseFigure(pulseFigure)
                || !SettingsRules.IsBillingTargetDay(targetDay)
                || !SettingsRules.IsBillingIntervalCode(intervalCode)
                || !SettingsRules.IsCtPrimary(ctPrimary)
                || !SettingsRules.IsText(number) || !SettingsRules.IsText(password) || !SettingsRules.IsText(identification)
                || !TariffControlSetting.IsValid(values[TariffControl]))
            {
                return false;
            }
            long count = values[TariffSwitchCount];
            if (count < 0 || count > TariffSwitchList.MaximumSwitches) return false;
            int[] switches = new int[(int)count];
            for (int i = 0; i < switches.Length; i++)
            {
                switches[i] = (int)((values[TariffSwitches + i / 2] >> (32 * (i % 2))) & 0xFFFFFFFFL);
                if (switches[i] / 8 >= 1440 || switches[i] % 8 >= settings.TariffCount) return false;
                if (i > 0 && switches[i] / 8 <= switches[i - 1] / 8) return false;
            }
            long counts = values[ListCounts];
            int normalCount = (int)(counts & 0xFF), alternateCount = (int)((counts >> 8) & 0xFF);
            int readoutCount = (int)((counts >> 16) & 0xFF), holidayCount = (int)((counts >> 24) & 0xFF);
            if ((counts >> 32) != 0 || normalCount > DisplayList.AutomaticCapacity || alternateCount > DisplayList.ManualCapacity
                || readoutCount > ListSettings.ReadoutCapacity || holidayCount > ListSettings.HolidayCapacity) return false;
            ObisCode[] normal = UnpackCodes(values, NormalDisplayList, normalCount, null);
            ObisCode[] alternate = UnpackCodes(values, AlternateDisplayList, alternateCount, null);
            int[] periods = new int[readoutCount];
            ObisCode[] readout = UnpackCodes(values, ReadoutList, readoutCount, periods);
            int[] holidays = new int[holidayCount];
            for (int i = 0; i < holidays.Length; i++) holidays[i] = (int)((values[Holidays + i / 2] >> (32 * (i % 2))) & 0xFFFFFFFFL);
            if (!ListSettings.IsDisplayList(normal, DisplayListKind.Automatic) || !ListSettings.IsDisplayList(alternate, DisplayListKind.Manual)
                || !ListSettings.IsReadoutList(readout, periods) || !ListSettings.IsHolidayList(holidays)) return false;
            settings.NormalDisplayList = normal;
            settings.AlternateDisplayList = alternate;
            settings.ReadoutCodes = readout;
            settings.ReadoutBillingPeriods = periods;
            settings.Holidays = holidays;
            settings.S0ImpPerKwh = pulseFigure;
            settings.BillingTargetDay = targetDay;
            settings.BillingIntervalCode = intervalCode;
            settings.CtPrimaryAmps = ctPrimary;
            settings.MeterNumber = number;
            settings.Passwords[0] = password;
            settings.Identification = identification;
            settings.WorkingDaySwitches = switches;
            settings.TariffControlCode = (int)values[TariffControl];
            settings.DeviceAddress = address;
            return true;
        }

        /// <summary>The first 8 characters of <paramref name="text"/> as one value (the old/new value of a text-change event).</summary>
        public static long PackEight(string text)
        {
            long packed = 0;
            for (int i = 0; i < 8; i++)
            {
                long c = text != null && i < text.Length ? (text[i] & 0x7F) : 0;
                packed |= c << (8 * (7 - i));
            }
            return packed;
        }

        private static void PackCodes(ObisCode[] codes, int[] extras, long[] values, int index)
        {
            for (int i = 0; i < codes.Length; i++) values[index + i] = ListSettings.Pack(codes[i], extras == null ? 0 : extras[i]);
        }

        // Codes from values[index …]; extras (when given) receive each value's extra.
        private static ObisCode[] UnpackCodes(long[] values, int index, int count, int[] extras)
        {
            ObisCode[] codes = new ObisCode[count];
            for (int i = 0; i < count; i++)
            {
                codes[i] = ListSettings.Unpack(values[index + i]);
                if (extras != null) extras[i] = ListSettings.ExtraOf(values[index + i]);
            }
            return codes;
        }

        private static void PackText(string text, long[] values, int index)
        {
            values[index] = PackEight(text);
            values[index + 1] = text != null && text.Length > 8 ? PackEight(text.Substring(8, text.Length - 8)) : 0;
        }

        private static string UnpackText(long[] values, int index)
        {
            int length = 0;
            while (length < TextLength && CharAt(values, index, length) != 0) length++;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)CharAt(values, index, i);
            return new string(chars);
        }

        private static int CharAt(long[] values, int index, int i)
        {
            return (int)((values[index + i / 8] >> (8 * (7 - i % 8))) & 0xFF);
        }
    }
}
