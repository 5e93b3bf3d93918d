using System.Globalization;
using System.Text;

namespace Meter.Tool.Profile;

/// <summary>
/// The old/new values of a parameter-change event as the firmware packs them into one 64-bit
/// number (firmware/Meter.Core SettingsWriter, ListSettingsWriter; detail = SettingsRecord index):
/// texts as their first 8 characters (SettingsRecord.PackEight, first character in the top byte),
/// a list as extra·2^48 + its first OBIS code A..F a byte each (ListSettings.Pack, extra = the entry
/// count), holidays as count·2^48 + the first one (yyyy·10000 + MM·100 + dd, year 0 = every year),
/// tariff switches as the first two (minute of day·8 + tariff index), switch 0 in the low 32 bits.
/// </summary>
public static class SettingValues
{
    /// <summary>SettingsRecord indices whose values are packed.</summary>
    public const int MeterNumber = 5, Password = 7, Identification = 9, TariffSwitches = 12,
        DisplayList = 17, AlternateDisplayList = 33, ReadoutList = 73, Holidays = 105;

    /// <summary>The value in words for a packed setting, or null when the number is the value.</summary>
    public static string? Text(int detail, long value) => detail switch
    {
        MeterNumber or Identification => "\"" + UnpackEight(value) + "\"",
        Password => "(not logged)",
        TariffSwitches => Switches(value),
        DisplayList or AlternateDisplayList or ReadoutList => List(value),
        Holidays => HolidayList(value),
        _ => null,
    };

    private static string UnpackEight(long packed)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            int c = (int)((packed >> (8 * (7 - i))) & 0x7F);
            if (c == 0) break;
            text.Append((char)c);
        }
        return text.ToString();
    }

    private static string List(long packed)
    {
        long count = packed >> 48;
        if (count <= 0) return "empty";
        string code = $"{(packed >> 40) & 0xFF}-{(packed >> 32) & 0xFF}:{(packed >> 24) & 0xFF}.{(packed >> 16) & 0xFF}.{(packed >> 8) & 0xFF}";
        long f = packed & 0xFF;
        if (f != 255) code += "*" + f.ToString(CultureInfo.InvariantCulture);
        return $"{count} {(count == 1 ? "entry" : "entries")}, first {code}";
    }

    private static string HolidayList(long packed)
    {
        long count = packed >> 48;
        if (count <= 0) return "none";
        long first = packed & 0xFFFFFFFFFFFFL;
        long year = first / 10000, month = first / 100 % 100, day = first % 100;
        string date = year == 0 ? $"{month:00}-{day:00} every year" : $"{year:0000}-{month:00}-{day:00}";
        return $"{count} {(count == 1 ? "holiday" : "holidays")}, first {date}";
    }

    private static string Switches(long packed)
    {
        if (packed == 0) return "none (the default timetable)";
        string text = "first " + Switch((int)(packed & 0xFFFFFFFFL));
        int second = (int)(packed >> 32);
        return second == 0 ? text : text + ", " + Switch(second);
    }

    private static string Switch(int packed)
    {
        int minute = packed / 8;
        return $"{minute / 60:00}:{minute % 60:00} T{packed % 8 + 1}";
    }
}
