using System.Globalization;

namespace Meter.Tool.Dlms;

/// <summary>
/// The COSEM date-time (Blue Book, "Date and time formats": octet-string(12)): year (2 bytes, 0xFFFF not specified),
/// month, day of month, day of week (1 = Monday, 0xFF not specified), hour, minute, second, hundredths, deviation
/// (long: minutes of local time behind UTC, i.e. UTC = local + deviation; 0x8000 not specified), clock status
/// (bit 7 = daylight saving active). The time fields are local time.
/// </summary>
public readonly record struct CosemDateTime(DateTime Local, int? DeviationMinutes, byte Status)
{
    /// <summary>"Not specified" for the deviation.</summary>
    public const int DeviationNotSpecified = unchecked((short)0x8000);

    /// <summary>Daylight saving active (status bit 7).</summary>
    public bool DaylightSaving => (Status & 0x80) != 0;

    /// <summary>The 12 bytes; day of week from the date, hundredths 0.</summary>
    public byte[] Encode()
    {
        int dow = Local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)Local.DayOfWeek;
        int deviation = DeviationMinutes ?? DeviationNotSpecified;
        return [(byte)(Local.Year >> 8), (byte)Local.Year, (byte)Local.Month, (byte)Local.Day, (byte)dow,
            (byte)Local.Hour, (byte)Local.Minute, (byte)Local.Second, 0, (byte)(deviation >> 8), (byte)deviation, Status];
    }

    /// <summary>Decodes 12 bytes whose date and time fields are all specified; false otherwise (wildcards, other lengths).</summary>
    public static bool TryDecode(byte[] bytes, out CosemDateTime value)
    {
        value = default;
        if (bytes.Length != 12) return false;
        int year = (bytes[0] << 8) | bytes[1];
        int hundredths = bytes[8] == 0xFF ? 0 : bytes[8];
        if (year is < 1 or > 9999 || bytes[2] is < 1 or > 12 || bytes[3] < 1 || bytes[3] > DateTime.DaysInMonth(year, bytes[2])
            || bytes[5] > 23 || bytes[6] > 59 || bytes[7] > 59 || hundredths > 99)
            return false;
        short deviation = (short)((bytes[9] << 8) | bytes[10]);
        var local = new DateTime(year, bytes[2], bytes[3], bytes[5], bytes[6], bytes[7], hundredths * 10, DateTimeKind.Unspecified);
        value = new CosemDateTime(local, deviation == DeviationNotSpecified ? null : deviation, bytes[11]);
        return true;
    }

    /// <summary>"2025-05-14 10:00:00" with " S" in daylight saving time and the deviation when specified (" UTC+02:00").</summary>
    public override string ToString()
    {
        string text = Local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (Status != 0xFF && DaylightSaving) text += " S";
        if (DeviationMinutes is int d)
        {
            int east = -d; // UTC = local + deviation: a zone east of Greenwich has a negative deviation
            text += $" UTC{(east < 0 ? '-' : '+')}{Math.Abs(east) / 60:00}:{Math.Abs(east) % 60:00}";
        }
        return text;
    }
}
