namespace Meter.Obis
{
    /// <summary>
    /// A calendar date and time of day (local meter time, 2000..2099) as the register table
    /// exchanges it: clock value, capture time of a maximum, billing-period end. Kept as plain
    /// fields so that formatting needs no framework calendar code. Text form in data sets:
    /// "YY-MM-DD hh:mm:ss" (or "YY-MM-DD hh:mm" for capture times).
    /// </summary>
    public struct ObisDateTime
    {
        /// <summary>Creates a date-time; check <see cref="IsValid"/> before trusting it.</summary>
        public ObisDateTime(int year, int month, int day, int hour, int minute, int second)
        {
            Year = year; Month = month; Day = day; Hour = hour; Minute = minute; Second = second;
        }

        /// <summary>Year, 2000..2099.</summary>
        public int Year;
        /// <summary>Month, 1..12.</summary>
        public int Month;
        /// <summary>Day of month, 1..28/29/30/31.</summary>
        public int Day;
        /// <summary>Hour, 0..23.</summary>
        public int Hour;
        /// <summary>Minute, 0..59.</summary>
        public int Minute;
        /// <summary>Second, 0..59.</summary>
        public int Second;

        /// <summary>True for a real calendar date (Gregorian leap years) and time of day.</summary>
        public bool IsValid =>
            Year >= 2000 && Year <= 2099 && Month >= 1 && Month <= 12 && Day >= 1 && Day <= DaysInMonth(Year, Month)
            && Hour >= 0 && Hour <= 23 && Minute >= 0 && Minute <= 59 && Second >= 0 && Second <= 59;

        /// <summary>Days in <paramref name="month"/> of <paramref name="year"/> (Gregorian).</summary>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    return leap ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    return 31;
            }
        }

        /// <summary>Length of the text form: 17 with seconds ("24-05-01 10:15:00"), 14 without.</summary>
        public static int TextLength(bool withSeconds) => withSeconds ? 17 : 14;

        /// <summary>Writes "YY-MM-DD hh:mm[:ss]"; returns the position after it.</summary>
        public int Write(byte[] buffer, int position, bool withSeconds)
        {
            int p = AsciiNumber.WritePadded(Year % 100, 2, buffer, position);
            buffer[p++] = (byte)'-';
            p = AsciiNumber.WritePadded(Month, 2, buffer, p);
            buffer[p++] = (byte)'-';
            p = AsciiNumber.WritePadded(Day, 2, buffer, p);
            buffer[p++] = (byte)' ';
            p = AsciiNumber.WritePadded(Hour, 2, buffer, p);
            buffer[p++] = (byte)':';
            p = AsciiNumber.WritePadded(Minute, 2, buffer, p);
            if (withSeconds)
            {
                buffer[p++] = (byte)':';
                p = AsciiNumber.WritePadded(Second, 2, buffer, p);
            }
            return p;
        }

        /// <summary>
        /// Parses exactly "YY-MM-DD hh:mm:ss" (17 characters); false on any other shape or an
        /// impossible date or time (e.g. 23-02-29, 24-13-01, 24-01-01 24:00:00).
        /// </summary>
        public static bool TryParse(byte[] text, int offset, int length, out ObisDateTime value)
        {
            return TryParseFields(text, offset, length, out value) && value.IsValid;
        }

        /// <summary>
        /// Parses the shape "YY-MM-DD hh:mm:ss" (17 characters, digits and separators) without
        /// checking the calendar: lets a caller tell a malformed text from an impossible date.
        /// </summary>
        public static bool TryParseFields(byte[] text, int offset, int length, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (text == null || length != 17 || offset < 0 || offset + length > text.Length) return false;
            if (text[offset + 2] != '-' || text[offset + 5] != '-' || text[offset + 8] != ' '
                || text[offset + 11] != ':' || text[offset + 14] != ':') return false;
            long yy, mo, dd, hh, mi, ss;
            if (!AsciiNumber.TryParseDigits(text, offset, 2, out yy)
                || !AsciiNumber.TryParseDigits(text, offset + 3, 2, out mo)
                || !AsciiNumber.TryParseDigits(text, offset + 6, 2, out dd)
                || !AsciiNumber.TryParseDigits(text, offset + 9, 2, out hh)
                || !AsciiNumber.TryParseDigits(text, offset + 12, 2, out mi)
                || !AsciiNumber.TryParseDigits(text, offset + 15, 2, out ss)) return false;
            value = new ObisDateTime(2000 + (int)yy, (int)mo, (int)dd, (int)hh, (int)mi, (int)ss);
            return true;
        }
    }
}
