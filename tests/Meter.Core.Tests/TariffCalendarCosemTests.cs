using System.Text;
using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The tariff timetable over DLMS (<see cref="TariffCalendarObjects"/>): Activity calendar 0-0:13.0.0.255 (Blue Book
/// IC 20) and Special days table 0-0:11.0.0.255 (IC 11) on the meter's own server. Every answer and request is
/// encoded here by hand from the Blue Book structures.
/// </summary>
[Collection(AllocationMeasurement.Collection)]
public class TariffCalendarCosemTests
{
    internal const string PublicAarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
    internal const string CalendarLn = "0014 00 00 0D 00 00 FF";    // class 20, 0-0:13.0.0.255
    private const string SpecialDaysLn = "000B 00 00 0B 00 00 FF"; // class 11, 0-0:11.0.0.255
    private const string Script = "09 06 00 00 0A 00 64 FF";      // script_logical_name 0-0:10.0.100.255

    /// <summary>day_profile_action { start_time HH:MM:00.00, the tariff script table, script_selector tariff }.</summary>
    internal static string Action(int hour, int minute, int tariff) => $"02 03 09 04 {hour:X2} {minute:X2} 00 00 {Script} 12 00 {tariff:X2}";

    internal static string Hex(byte[] b) => Convert.ToHexString(b);
    internal static string Norm(string hex) => hex.Replace(" ", "").ToUpperInvariant();

    internal static string Send(IApduHandler server, string hex, int sap)
    {
        byte[] apdu = Convert.FromHexString(hex.Replace(" ", ""));
        var response = new byte[2048];
        int n = server.HandleApdu(sap, apdu, 0, apdu.Length, response, 0, response.Length);
        return Hex(response[..n]);
    }

    // Green Book LLS AARQ of the management client (SAP 1) with the P1 password.
    internal static void AssociateManagement(ElectricityMeter m)
    {
        string password = m.Settings.Passwords[0];
        string pw = Hex(Encoding.ASCII.GetBytes(password));
        string body = "A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 "
            + $"AC {password.Length + 2:X2} 80 {password.Length:X2} {pw} BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0";
        Assert.StartsWith("6136", Send(m.Dlms, $"60 {body.Replace(" ", "").Length / 2:X2} {body}", 1));
    }

    internal static string Get(ElectricityMeter m, string ln, int attribute, int sap = 1) => Send(m.Dlms, $"C0 01 C1 {ln} {attribute:X2} 00", sap);
    internal static string Set(ElectricityMeter m, string ln, int attribute, string data, int sap = 1) => Send(m.Dlms, $"C1 01 C1 {ln} {attribute:X2} 00 {data}", sap);
    internal static string Invoke(ElectricityMeter m, string ln, int method, string data) => Send(m.Dlms, $"C3 01 C1 {ln} {method:X2} 01 {data}", 1);

    internal static List<EventRecord> ParameterChanges(ElectricityMeter m, int detail) => Events(m, EventKind.ParameterChange, detail);

    internal static List<EventRecord> Events(ElectricityMeter m, int kind, int detail)
    {
        var list = new List<EventRecord>();
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == kind && e.Detail == detail) list.Add(e);
        }
        return list;
    }

    [Fact]
    public void The_active_calendar_is_the_timetable_the_meter_runs()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.StartsWith("6129", Send(m.Dlms, PublicAarq, 16));
        Assert.Equal(Norm("C4 01 C1 00 09 06 00 00 0D 00 00 FF"), Get(m, CalendarLn, 1, 16));
        Assert.Equal(Norm("C4 01 C1 00 09 00"), Get(m, CalendarLn, 2, 16)); // no name given yet
        // One season "01" from 1 January of every year (date-time FFFF 01 01 FF 00:00:00.00, deviation and status
        // not specified) running week "01".
        Assert.Equal(Norm("C4 01 C1 00 01 01 02 03 09 01 01 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 01 01"), Get(m, CalendarLn, 3, 16));
        // Week "01": Monday … Friday day 1, Saturday and Sunday day 2.
        Assert.Equal(Norm("C4 01 C1 00 01 01 02 08 09 01 01 11 01 11 01 11 01 11 01 11 01 11 02 11 02"), Get(m, CalendarLn, 4, 16));
        // Day 1: the default working day, T2 from midnight, T1 from 06:00, T2 from 22:00; day 2: T2 all day.
        Assert.Equal(Norm("C4 01 C1 00 01 02 02 02 11 01 01 03 " + Action(0, 0, 2) + Action(6, 0, 1) + Action(22, 0, 2)
            + "02 02 11 02 01 01 " + Action(0, 0, 2)), Get(m, CalendarLn, 5, 16));
        // Passive calendar empty, no activation pending (every field of the date-time not specified).
        Assert.Equal(Norm("C4 01 C1 00 01 00"), Get(m, CalendarLn, 7, 16));
        Assert.Equal(Norm("C4 01 C1 00 01 00"), Get(m, CalendarLn, 9, 16));
        Assert.Equal(Norm("C4 01 C1 00 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF"), Get(m, CalendarLn, 10, 16));
    }

    [Fact]
    public void A_written_switch_list_shows_in_the_active_calendar_as_it_was_written()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffTable, "01;07:00;1"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffTable, "02;19:30;2"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffTable, "03;"));
        Send(m.Dlms, PublicAarq, 16);
        Assert.Equal(Norm("C4 01 C1 00 01 02 02 02 11 01 01 03 " + Action(0, 0, 2) + Action(7, 0, 1) + Action(19, 30, 2)
            + "02 02 11 02 01 01 " + Action(0, 0, 2)), Get(m, CalendarLn, 5, 16));
    }

    // A passive calendar "TOU2": working days T2, T1 from 07:30, T2 from 20:00; weekend day 5 T2 all day.
    internal const string Seasons = "01 01 02 03 09 02 53 31 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 02 57 31";
    internal const string Weeks = "01 01 02 08 09 02 57 31 11 03 11 03 11 03 11 03 11 03 11 05 11 05";
    internal static readonly string Days = "01 02 02 02 11 03 01 03 " + Action(0, 0, 2) + Action(7, 30, 1) + Action(20, 0, 2)
        + "02 02 11 05 01 01 " + Action(0, 0, 2);

    internal static void WritePassive(ElectricityMeter m)
    {
        Assert.Equal("C501C100", Set(m, CalendarLn, 6, "09 04 54 4F 55 32"));
        Assert.Equal("C501C100", Set(m, CalendarLn, 7, Seasons));
        Assert.Equal("C501C100", Set(m, CalendarLn, 8, Weeks));
        Assert.Equal("C501C100", Set(m, CalendarLn, 9, Days));
    }

    [Fact]
    public void The_passive_calendar_takes_over_at_its_activation_time()
    {
        // Wednesday 2025-01-15 20:00 local (19:00 UTC): T1 by the default timetable until 22:00.
        using var host = MeterRig.Start(start: new DateTime(2025, 1, 15, 19, 0, 0, DateTimeKind.Utc));
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(0, m.ActiveTariff);
        AssociateManagement(m);
        WritePassive(m);
        Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 32"), Get(m, CalendarLn, 6));
        Assert.Equal(Norm("C4 01 C1 00" + Seasons), Get(m, CalendarLn, 7));
        Assert.Equal(Norm("C4 01 C1 00" + Weeks), Get(m, CalendarLn, 8));
        Assert.Equal(Norm("C4 01 C1 00" + Days), Get(m, CalendarLn, 9));
        // Activation 2025-01-15 20:20:00 local (weekday 3, deviation and status not specified).
        Assert.Equal("C501C100", Set(m, CalendarLn, 10, "09 0C 07 E9 01 0F 03 14 14 00 00 80 00 FF"));
        Assert.Equal(Norm("C4 01 C1 00 09 0C 07 E9 01 0F 03 14 14 00 00 80 00 FF"), Get(m, CalendarLn, 10));

        host.RunFor(TimeSpan.FromMinutes(19)); // 20:19
        Assert.Equal(0, m.ActiveTariff);
        Assert.Empty(m.Settings.WorkingDaySwitches);
        Assert.Empty(ParameterChanges(m, SettingsRecord.TariffSwitches));
        host.RunFor(TimeSpan.FromMinutes(2)); // 20:21: the new working day has T2 from 20:00
        Assert.Equal(1, m.ActiveTariff);
        Assert.Equal(new[] { 0 * 8 + 1, 450 * 8 + 0, 1200 * 8 + 1 }, m.Settings.WorkingDaySwitches);
        // The same event as the optical port's programming: detail = the switches' record index, the first two
        // switches packed (switch 0 in the low 32 bits), before (none) and after.
        var e = Assert.Single(ParameterChanges(m, SettingsRecord.TariffSwitches));
        Assert.Equal((0L, (long)(450 * 8) << 32 | 1), (e.OldValue, e.NewValue));

        // The active calendar is now the written one (the meter numbers its day profiles 1 and 2).
        Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 32"), Get(m, CalendarLn, 2));
        Assert.Equal(Norm("C4 01 C1 00 01 02 02 02 11 01 01 03 " + Action(0, 0, 2) + Action(7, 30, 1) + Action(20, 0, 2)
            + "02 02 11 02 01 01 " + Action(0, 0, 2)), Get(m, CalendarLn, 5));
        Assert.Equal(Norm("C4 01 C1 00 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF"), Get(m, CalendarLn, 10)); // nothing pending
    }

    [Fact]
    public void Method_1_activates_the_passive_calendar_at_once()
    {
        using var host = MeterRig.Start(start: new DateTime(2025, 1, 15, 19, 0, 0, DateTimeKind.Utc)); // 20:00 local
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        AssociateManagement(m);
        WritePassive(m);
        Assert.Equal(0, m.ActiveTariff);
        Assert.Equal("C701C10000", Invoke(m, CalendarLn, 1, "0F 00")); // activate_passive_calendar (integer 0)
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(1, m.ActiveTariff);
        Assert.Single(ParameterChanges(m, SettingsRecord.TariffSwitches));
    }

    [Fact]
    public void The_public_client_may_read_but_not_write_or_activate()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Send(m.Dlms, PublicAarq, 16);
        Assert.Equal("C501C103", Set(m, CalendarLn, 6, "09 04 54 4F 55 32", 16)); // read-write-denied
        Assert.Equal("C501C103", Set(m, CalendarLn, 9, Days, 16));
        Assert.Equal("C701C10300", Send(m.Dlms, $"C3 01 C1 {CalendarLn} 01 01 0F 00", 16));
        Assert.Equal("C701C10300", Send(m.Dlms, $"C3 01 C1 {SpecialDaysLn} 02 01 12 00 01", 16));
        Assert.Equal(Norm("C4 01 C1 00 01 00"), Get(m, CalendarLn, 9, 16));
        // The active calendar is no one's to write (read-only for the management client too).
        AssociateManagement(m);
        Assert.Equal("C501C103", Set(m, CalendarLn, 5, Days));
    }

    [Theory]
    // Two seasons: the meter has one all year.
    [InlineData(7, "01 02 02 03 09 01 01 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 01 01 02 03 09 01 02 09 0C FF FF 06 01 FF 00 00 00 00 80 00 FF 09 01 01", "FA")]
    // Two weeks.
    [InlineData(8, "01 02 02 08 09 01 01 11 01 11 01 11 01 11 01 11 01 11 02 11 02 02 08 09 01 02 11 01 11 01 11 01 11 01 11 01 11 02 11 02", "FA")]
    // Wednesday another day profile than Monday.
    [InlineData(8, "01 01 02 08 09 01 01 11 01 11 01 11 03 11 01 11 01 11 02 11 02", "FA")]
    // Saturday and Sunday different.
    [InlineData(8, "01 01 02 08 09 01 01 11 01 11 01 11 01 11 01 11 01 11 02 11 03", "FA")]
    // Tariff 3 on a two-tariff meter.
    [InlineData(9, "01 01 02 02 11 01 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 03", "FA")]
    // First switch at 06:00 (the Blue Book would carry the previous day's last tariff over; the meter wraps the day).
    [InlineData(9, "01 01 02 02 11 01 01 01 02 03 09 04 06 00 00 00 09 06 00 00 0A 00 64 FF 12 00 01", "FA")]
    // A switch at 06:00:30.
    [InlineData(9, "01 01 02 02 11 01 01 01 02 03 09 04 00 00 1E 00 09 06 00 00 0A 00 64 FF 12 00 01", "FA")]
    // Another script than the tariff script table.
    [InlineData(9, "01 01 02 02 11 01 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 65 FF 12 00 01", "FA")]
    // Three day profiles.
    [InlineData(9, "01 03 02 02 11 01 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 01 02 02 11 02 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02 02 02 11 03 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 02", "FA")]
    // A calendar name longer than 16 octets.
    [InlineData(6, "09 11 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41", "FA")]
    // Other types: the name as visible-string, the day_id as long-unsigned, a season of 2 elements.
    [InlineData(6, "0A 04 54 4F 55 32", "0C")]
    [InlineData(9, "01 01 02 02 12 00 01 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 01", "0C")]
    [InlineData(7, "01 01 02 02 09 01 01 09 01 01", "0C")]
    public void A_calendar_the_meter_cannot_run_is_refused_and_changes_nothing(int attribute, string data, string result)
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        AssociateManagement(m);
        Assert.Equal("C501C1" + result, Set(m, CalendarLn, attribute, data));
        Assert.Equal(attribute == 6 ? "C401C1000900" : "C401C1000100", Get(m, CalendarLn, attribute));
    }

    [Fact]
    public void An_incomplete_or_inconsistent_passive_calendar_is_neither_scheduled_nor_activated()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        AssociateManagement(m);
        // Nothing written: nothing to activate.
        Assert.Equal("C701C1FA00", Invoke(m, CalendarLn, 1, "0F 00"));
        WritePassive(m);
        // The season names week "W2", the week is "W1".
        Assert.Equal("C501C100", Set(m, CalendarLn, 7, Seasons.Replace("09 02 57 31", "09 02 57 32")));
        Assert.Equal("C701C1FA00", Invoke(m, CalendarLn, 1, "0F 00"));
        Assert.Equal("C501C1FA", Set(m, CalendarLn, 10, "09 0C 07 E9 01 0F 03 14 14 00 00 80 00 FF"));
        // A weekend that is not tariff 2 all day (the meter's weekend and holidays are).
        Assert.Equal("C501C100", Set(m, CalendarLn, 7, Seasons));
        Assert.Equal("C501C100", Set(m, CalendarLn, 9, Days.Replace("02 02 11 05 01 01 " + Action(0, 0, 2), "02 02 11 05 01 01 " + Action(0, 0, 1))));
        Assert.Equal("C701C1FA00", Invoke(m, CalendarLn, 1, "0F 00"));
        // An activation time with a wildcard hour, and no real date (30 February).
        Assert.Equal("C501C100", Set(m, CalendarLn, 9, Days));
        Assert.Equal("C501C1FA", Set(m, CalendarLn, 10, "09 0C 07 E9 01 0F 03 FF 14 00 00 80 00 FF"));
        Assert.Equal("C501C1FA", Set(m, CalendarLn, 10, "09 0C 07 E9 02 1E FF 14 14 00 00 80 00 FF"));
        Assert.Empty(m.Settings.WorkingDaySwitches);
        Assert.Empty(ParameterChanges(m, SettingsRecord.TariffSwitches));
    }

    [Fact]
    public void A_cancelled_activation_time_changes_nothing()
    {
        using var host = MeterRig.Start(start: new DateTime(2025, 1, 15, 19, 0, 0, DateTimeKind.Utc));
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(5));
        AssociateManagement(m);
        WritePassive(m);
        Assert.Equal("C501C100", Set(m, CalendarLn, 10, "09 0C 07 E9 01 0F 03 14 05 00 00 80 00 FF"));
        Assert.Equal("C501C100", Set(m, CalendarLn, 10, "09 0C FF FF FF FF FF FF FF FF FF 80 00 FF"));
        host.RunFor(TimeSpan.FromMinutes(10));
        Assert.Equal(0, m.ActiveTariff);
        Assert.Empty(m.Settings.WorkingDaySwitches);
    }

    [Fact]
    public void Special_days_are_the_holidays_inserted_and_deleted_by_the_same_rules()
    {
        using var host = MeterRig.Start(); // Wednesday 2025-01-15 00:00 local
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "01;12-25"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "02;"));
        AssociateManagement(m);
        Assert.Equal(Norm("C4 01 C1 00 09 06 00 00 0B 00 00 FF"), Get(m, SpecialDaysLn, 1));
        // entries: { index 1, date FFFF-12-25 weekday not specified, day_id 2 }.
        Assert.Equal(Norm("C4 01 C1 00 01 01 02 03 12 00 01 09 05 FF FF 0C 19 FF 11 02"), Get(m, SpecialDaysLn, 2));

        // insert { index 2, 2025-01-15 Wednesday (3), day 2 }: the tariff goes to T2 from the next cycle.
        host.RunFor(TimeSpan.FromHours(8));
        Assert.Equal(0, m.ActiveTariff);
        int before = ParameterChanges(m, SettingsRecord.Holidays).Count;
        Assert.Equal("C701C10000", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 02 09 05 07 E9 01 0F 03 11 02"));
        Assert.Equal(new[] { 1225, 20250115 }, m.Settings.Holidays);
        var e = ParameterChanges(m, SettingsRecord.Holidays);
        Assert.Equal(before + 1, e.Count);
        Assert.Equal(((1L << 48) + 1225, (2L << 48) + 1225), (e[0].OldValue, e[0].NewValue)); // newest first
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(1, m.ActiveTariff);
        Assert.Equal(Norm("C4 01 C1 00 01 02 02 03 12 00 01 09 05 FF FF 0C 19 FF 11 02 02 03 12 00 02 09 05 07 E9 01 0F FF 11 02"),
            Get(m, SpecialDaysLn, 2));

        // Refused (other-reason), nothing changes: another day profile, the wrong weekday, a wildcard month, an
        // index beyond the end, a date that does not exist; type-unmatched for another structure.
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 03 09 05 FF FF 05 01 FF 11 01"));
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 03 09 05 07 E9 01 10 03 11 02"));
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 03 09 05 FF FF FF 01 FF 11 02"));
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 05 09 05 FF FF 05 01 FF 11 02"));
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 03 09 05 07 E9 02 1D FF 11 02"));
        Assert.Equal("C701C10C00", Invoke(m, SpecialDaysLn, 1, "02 02 12 00 03 09 05 FF FF 05 01 FF"));
        Assert.Equal("C701C1FA00", Invoke(m, SpecialDaysLn, 2, "12 00 03"));
        Assert.Equal(new[] { 1225, 20250115 }, m.Settings.Holidays);

        // The same date under another index overwrites the old entry; delete moves the later ones up.
        Assert.Equal("C701C10000", Invoke(m, SpecialDaysLn, 1, "02 03 12 00 03 09 05 FF FF 0C 19 FF 11 02"));
        Assert.Equal(new[] { 20250115, 1225 }, m.Settings.Holidays);
        Assert.Equal("C701C10000", Invoke(m, SpecialDaysLn, 2, "12 00 01"));
        Assert.Equal(new[] { 1225 }, m.Settings.Holidays);
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(0, m.ActiveTariff);
    }

    [Fact]
    public void The_switches_name_the_tariff_script_table_whose_script_n_sets_tariff_n()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        AssociateManagement(m);
        const string Scripts = "0009 00 00 0A 00 64 FF"; // class 9, 0-0:10.0.100.255
        Assert.Equal(Norm("C4 01 C1 00 09 06 00 00 0A 00 64 FF"), Get(m, Scripts, 1));
        // script { id n, actions { { write attribute (1), class 1, 0-0:96.14.0.255, attribute 2, double-long-unsigned n } } }
        static string ScriptN(int n) => $"02 02 12 00 {n:X2} 01 01 02 05 16 01 12 00 01 09 06 00 00 60 0E 00 FF 0F 02 06 00 00 00 {n:X2}";
        Assert.Equal(2, m.Settings.TariffCount);
        Assert.Equal(Norm("C4 01 C1 00 01 02 " + ScriptN(1) + ScriptN(2)), Get(m, Scripts, 2));
        Assert.Equal("C701C10300", Invoke(m, Scripts, 1, "12 00 01")); // execute: not offered
        Assert.Equal("C501C103", Set(m, Scripts, 2, "01 00"));
    }

    [Fact]
    public void Reading_the_calendar_special_days_scripts_and_SAP_assignment_allocates_nothing()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "01;12-25"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "02;"));
        AssociateManagement(m);
        var requests = new List<byte[]>();
        for (int a = 1; a <= 10; a++) requests.Add(Convert.FromHexString(Norm($"C0 01 C1 {CalendarLn} {a:X2} 00")));
        requests.Add(Convert.FromHexString(Norm($"C0 01 C1 {SpecialDaysLn} 02 00")));
        requests.Add(Convert.FromHexString(Norm("C0 01 C1 0009 00 00 0A 00 64 FF 02 00")));
        requests.Add(Convert.FromHexString(Norm("C0 01 C1 0011 00 00 29 00 00 FF 02 00")));
        for (int a = 4; a <= 6; a++) requests.Add(Convert.FromHexString(Norm($"C0 01 C1 000F 00 00 28 00 00 FF {a:X2} 00")));
        var response = new byte[2048];
        foreach (var r in requests) Assert.Equal(0xC4, m.Dlms.HandleApdu(1, r, 0, r.Length, response, 0, response.Length) > 0 ? response[0] : 0); // warm-up
        foreach (var r in requests)
        {
            int n = 0;
            long allocated = AllocationMeasurement.LeastBytesAllocated(_ => n = m.Dlms.HandleApdu(1, r, 0, r.Length, response, 0, response.Length));
            Assert.True(n > 4 && response[3] == 0, Hex(r));
            Assert.True(allocated == 0, $"{Hex(r)}: {allocated} bytes");
        }
    }
}
