using System.Text.Json;
using Meter.Tool.Output;
using Meter.Tool.Profile;
using Meter.OpticalClient.Protocol;

namespace MeterTool.Tests;

/// <summary>
/// The logbook (VDEW "P.98" layout of firmware/Meter.Core EventLogRequest): parsing, the
/// meaning of kinds and details, CSV and JSON. Times: 1736895605 = 2025-01-14 23:00:05Z
/// (00:00:05 CET); 1751364000 = 2025-07-01 10:00:00Z.
/// </summary>
public class LogbookTests
{
    private const string Header = "P.98(0250115000000)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n";

    private static Logbook Parse(string text) => Logbook.Parse(DataBlockParser.Parse(text));

    [Fact]
    public void Events_parse_oldest_first_with_time_season_kind_detail_old_new()
    {
        var log = Parse(Header
            + "(0250115000005)(7)(2)(0)(1)\r\n"
            + "(0250115000008)(7)(130)(1736895605)(1736895608)\r\n"
            + "(1250701120000)(3)(1)(-5)(1751364000)\r\n");
        Assert.Equal(0, log.Status);
        Assert.Equal(
            [
                new LogbookEntry(new DateTime(2025, 1, 15, 0, 0, 5), false, 7, 2, 0, 1),
                new LogbookEntry(new DateTime(2025, 1, 15, 0, 0, 8), false, 7, 130, 1736895605, 1736895608),
                new LogbookEntry(new DateTime(2025, 7, 1, 12, 0, 0), true, 3, 1, -5, 1751364000),
            ],
            log.Entries);
    }

    [Fact]
    public void A_header_alone_is_an_empty_logbook_and_its_status_flags_are_kept()
    {
        var log = Parse("P.98(0250115000030)(03)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n");
        Assert.Empty(log.Entries);
        Assert.Equal(Logbook.Truncated | Logbook.UnreadableSkipped, log.Status);
    }

    [Theory]
    [InlineData("(0250115000005)(7)(2)(0)(1)\r\n", "before the P.98 header")]
    [InlineData("", "no P.98 header")]
    [InlineData("P.01(0250115000000)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n", "a header is P.98")]
    [InlineData("P.98(0250115000000)(00)()(4)(time)()(kind)()(detail)()(old)()\r\n", "columns time,kind,detail,old, expected time,kind,detail,old,new")]
    [InlineData("P.98(0250115000000)(00)()(5)(time)()(kind)()\r\n", "does not match its groups")]
    [InlineData("P.98(02501150000)(00)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n", "is not Zyymmddhhmmss")]
    [InlineData("P.98(0250115000000)(0)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n", "not two hex digits")]
    [InlineData(Header + "(0250115000005)(7)(2)(0)\r\n", "has 4 values, the header announces 5")]
    [InlineData(Header + "(2250115000005)(7)(2)(0)(1)\r\n", "\"2250115000005\" is not Zyymmddhhmmss")]
    [InlineData(Header + "(0250132000005)(7)(2)(0)(1)\r\n", "is not Zyymmddhhmmss")]
    [InlineData(Header + "(0250115000005)(x)(2)(0)(1)\r\n", "kind \"x\" is not a number 1..255")]
    [InlineData(Header + "(0250115000005)(7)(256)(0)(1)\r\n", "detail \"256\" is not a number 0..255")]
    [InlineData(Header + "(0250115000005)(7)(2)(0)(1.5)\r\n", "new value \"1.5\" is not a number")]
    public void Malformed_logbooks_are_refused_naming_what_is_wrong(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => Parse(text));
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Request_range_sends_minutes_or_seconds_per_side()
    {
        Assert.Equal("2501150000;250115000009", Logbook.RequestRange(new DateTime(2025, 1, 15), false, new DateTime(2025, 1, 15, 0, 0, 9), true));
        Assert.Equal(";2501152359", Logbook.RequestRange(null, false, new DateTime(2025, 1, 15, 23, 59, 0), false));
        Assert.Equal(";", Logbook.RequestRange(null, false, null, false));
    }

    [Theory]
    [InlineData(1, 0, 0, 1736895605, "power down", "meter")]
    [InlineData(1, 2, 0, 1736895605, "power down", "phase L2")]
    [InlineData(2, 3, 1736895605, 1736895608, "power up", "phase L3")]
    [InlineData(3, 0, 1736895605, 1736895608, "clock set", "adjusted")]
    [InlineData(3, 1, 1736895605, 1736899205, "clock set", "jumped")]
    [InlineData(3, 1, 0, 1736895605, "clock set", "restored at start: RTC backup lost")]
    [InlineData(7, 1, 0, 1, "tamper", "magnetic field started")]
    [InlineData(7, 129, 1736895605, 1736895608, "tamper", "magnetic field ended")]
    [InlineData(7, 2, 4, 5, "tamper", "terminal cover started")]
    [InlineData(7, 130, 1736895605, 1736895608, "tamper", "terminal cover ended")]
    [InlineData(5, 1, 1000, 500, "parameter change", "1-0:0.3.3 pulse figure")]
    [InlineData(5, 128, 15, 30, "parameter change", "1-0:0.8.0 integration period")]
    [InlineData(5, 0, 96 * 65536 + 51 * 256 + 0, 0, "parameter change", "object 96.51.0")] // packed C·65536 + D·256 + E
    [InlineData(11, 2 * 16 + 3, 0, 12, "legal data change", "1-0:128.2.3 IGAIN L3")]   // kind 2 × 16 + phase 3 = 35
    [InlineData(11, 4, 100, 200, "legal data change", "1-0:0.4.2 CT primary")]
    [InlineData(6, 2, 0, 1, "access refused", "wrong password")]
    [InlineData(6, 6, 128 * 65536 + 1 * 256 + 0, 10, "access refused", "write refused ER10 object 128.1.0")] // OpticalEventKind.WriteRejected, ER10
    [InlineData(8, 16, 3, 1, "metrology fault", "S0 pulse backlog overrun")]
    [InlineData(9, 8, 0, 1, "storage repair", "settings")]
    [InlineData(12, 1, 0, 0, "login", "level 1")]
    [InlineData(9, 10, 0, 1, "storage repair", "voltage quality")]                  // StorageArea.VoltageQuality (layout 6 tail)
    [InlineData(9, 11, 0, 1, "storage repair", "whole memory unreadable, formatted")] // StorageArea.Memory: data lost
    [InlineData(9, 12, 0, 1, "storage repair", "calendar")]                          // StorageArea.Calendar (logger 2's tail)
    [InlineData(9, 13, 0, 1, "storage repair", "device state (breaker, credit, inputs)")]
    [InlineData(9, 14, 0, 1, "storage repair", "quality area (analysis logger, weekly results)")]
    [InlineData(9, 15, 0, 1, "storage repair", "calibration")]                       // StorageArea.Calibration (a stored set the chip refused)
    [InlineData(5, 126, 0, 113, "parameter change", "0-0:128.4.0 tariff control")]  // SettingsRecord.TariffControl, timetable → inputs DD 13
    [InlineData(5, 127, 0x3132333435363738L, 0x466C6174370000L, "parameter change", "0-0:128.5.0 device address")] // SettingsRecord.DeviceAddress
    [InlineData(40, 9, 0, 0, "kind 40", "9")]
    public void Kinds_and_details_are_named_as_the_meter_defines_them(int kind, int detail, long old, long @new, string name, string text)
    {
        var e = new LogbookEntry(new DateTime(2025, 1, 15), false, kind, detail, old, @new);
        Assert.Equal(name, EventDescriptions.KindName(kind));
        Assert.Equal(text, EventDescriptions.DetailText(e));
    }

    [Fact]
    public void Values_that_are_times_are_shown_as_UTC_times_and_counts_as_numbers()
    {
        var ended = new LogbookEntry(new DateTime(2025, 1, 15, 0, 0, 8), false, 7, 130, 1736895605, 1736895608);
        Assert.Equal(("2025-01-14 23:00:05Z", "2025-01-14 23:00:08Z"), (EventDescriptions.ValueText(ended, true), EventDescriptions.ValueText(ended, false)));
        var started = ended with { Detail = 2, OldValue = 0, NewValue = 1 };
        Assert.Equal(("0", "1"), (EventDescriptions.ValueText(started, true), EventDescriptions.ValueText(started, false)));
        var down = new LogbookEntry(new DateTime(2025, 1, 15), false, 1, 0, 0, 1736895605);
        Assert.Equal(("0", "2025-01-14 23:00:05Z"), (EventDescriptions.ValueText(down, true), EventDescriptions.ValueText(down, false)));
        // Restart (kind 13): old 0, new the meter's UTC seconds (Meter.Core EventRouting.LogRestart).
        var restart = new LogbookEntry(new DateTime(2025, 1, 15), false, 13, 4, 0, 1736895605);
        Assert.Equal(("0", "2025-01-14 23:00:05Z"), (EventDescriptions.ValueText(restart, true), EventDescriptions.ValueText(restart, false)));
        var pulse = new LogbookEntry(new DateTime(2025, 1, 15), false, 5, 1, 1000, 500);
        Assert.Equal(("1000", "500"), (EventDescriptions.ValueText(pulse, true), EventDescriptions.ValueText(pulse, false)));
    }

    [Theory]
    // Meter number "12345678" → "87654321": the first 8 characters, the first in the top byte (Meter.Core SettingsRecord.PackEight).
    [InlineData(5, 0x3132333435363738L, 0x3837363534333231L, "\"12345678\"", "\"87654321\"")]
    [InlineData(9, 0x4142000000000000L, 0x4F70656E4D657465L, "\"AB\"", "\"OpenMete\"")]
    [InlineData(7, 0L, 0L, "(not logged)", "(not logged)")]
    // Display list: count·2^48 + the first code 1-0:1.8.0*255 a byte each (Meter.Core ListSettings.Pack); 0 = empty.
    [InlineData(17, 0L, 0x0003_0100_0108_00FFL, "empty", "3 entries, first 1-0:1.8.0")]
    [InlineData(73, 0x0001_0000_6001_0000L, 0x0002_0100_0208_0003L, "1 entry, first 0-0:96.1.0*0", "2 entries, first 1-0:2.8.0*3")]
    // Holidays: count·2^48 + the first (yyyy·10000 + MM·100 + dd, year 0 = every year).
    [InlineData(105, (2L << 48) + 1225, (1L << 48) + 20251224, "2 holidays, first 12-25 every year", "1 holiday, first 2025-12-24")]
    // Tariff switches: the first two, minute·8 + tariff index, switch 0 low: 06:00 T1 = 2880, 22:00 T2 = 10561.
    [InlineData(12, 0L, 2880L | (10561L << 32), "none (the default timetable)", "first 06:00 T1, 22:00 T2")]
    public void Packed_parameter_values_are_shown_as_the_values_written(int detail, long old, long @new, string oldText, string newText)
    {
        var e = new LogbookEntry(new DateTime(2025, 1, 15), false, 5, detail, old, @new);
        Assert.Equal((oldText, newText), (EventDescriptions.ValueText(e, true), EventDescriptions.ValueText(e, false)));
    }

    [Fact]
    public void Csv_has_one_line_an_event_with_the_raw_values_and_the_words()
    {
        var log = Parse(Header + "(0250115000005)(7)(2)(0)(1)\r\n(1250701120000)(5)(1)(1000)(-3)\r\n");
        Assert.Equal("time,summer,kind,event,detail,description,old,new\n"
            + "2025-01-15 00:00:05,0,7,tamper,2,terminal cover started,0,1\n"
            + "2025-07-01 12:00:00,1,5,parameter change,1,1-0:0.3.3 pulse figure,1000,-3\n", Csv.Events(log));
    }

    [Fact]
    public void Json_carries_the_flags_and_every_event()
    {
        var log = Parse("P.98(0250115000000)(02)()(5)(time)()(kind)()(detail)()(old)()(new)()\r\n(0250115000008)(7)(130)(1736895605)(1736895608)\r\n");
        using var doc = JsonDocument.Parse(Json.Events(log));
        var root = doc.RootElement;
        Assert.False(root.GetProperty("truncated").GetBoolean());
        Assert.True(root.GetProperty("unreadableSkipped").GetBoolean());
        var e = Assert.Single(root.GetProperty("events").EnumerateArray());
        Assert.Equal("2025-01-15T00:00:08", e.GetProperty("time").GetString());
        Assert.False(e.GetProperty("summerTime").GetBoolean());
        Assert.Equal(7, e.GetProperty("kind").GetInt32());
        Assert.Equal("tamper", e.GetProperty("event").GetString());
        Assert.Equal(130, e.GetProperty("detail").GetInt32());
        Assert.Equal("terminal cover ended", e.GetProperty("description").GetString());
        Assert.Equal(1736895605, e.GetProperty("old").GetInt64());
        Assert.Equal(1736895608, e.GetProperty("new").GetInt64());
        Assert.Equal("2025-01-14 23:00:05Z", e.GetProperty("oldText").GetString());
    }
}
