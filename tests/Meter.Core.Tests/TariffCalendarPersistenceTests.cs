using System.IO.Compression;
using Meter.Simulation;
using Meter.Storage;
using static Meter.Core.Tests.TariffCalendarCosemTests;

namespace Meter.Core.Tests;

/// <summary>
/// The passive activity calendar, its activate_passive_calendar_time and the calendar names over a restart
/// (<see cref="CalendarRecord"/> in the storage's calendar record, restored by <see cref="TariffCalendarObjects.Restore"/>).
/// The DLMS requests and answers are encoded by hand (<see cref="TariffCalendarCosemTests"/>).
/// </summary>
public class TariffCalendarPersistenceTests
{
    // Wednesday 2025-01-15 20:00 local (CET, 19:00 UTC).
    private static readonly DateTime TwentyLocal = new(2025, 1, 15, 19, 0, 0, DateTimeKind.Utc);
    // Activation 2025-01-15 20:20:00 local (weekday 3, deviation and status not specified).
    private const string At2020 = "09 0C 07 E9 01 0F 03 14 14 00 00 80 00 FF";
    private const string NothingPending = "C4 01 C1 00 09 0C FF FF FF FF FF FF FF FF FF 80 00 FF";
    // Days of "TOU3": working days T2, T1 from 08:00, T2 from 21:00; weekend day 5 T2 all day.
    private static readonly string Days3 = "01 02 02 02 11 03 01 03 " + Action(0, 0, 2) + Action(8, 0, 1) + Action(21, 0, 2)
        + "02 02 11 05 01 01 " + Action(0, 0, 2);
    private static readonly int[] Tou2Switches = { 0 * 8 + 1, 450 * 8 + 0, 1200 * 8 + 1 };
    private static readonly int[] Tou3Switches = { 0 * 8 + 1, 480 * 8 + 0, 1260 * 8 + 1 };

    private static void Associated(VirtualMeterHost host)
    {
        host.RunFor(TimeSpan.FromSeconds(5));
        AssociateManagement(host.Meter);
    }

    // A first run from 20:00 local that writes "TOU2" to activate at 20:20, then <paramref name="after"/>; stopped with
    // the mains-fail save.
    private static void ProgramTou2At2020(string state, Action<ElectricityMeter> after)
    {
        using var first = MeterRig.Start(stateFile: state, start: TwentyLocal);
        Associated(first);
        WritePassive(first.Meter);
        Assert.Equal("C501C100", Set(first.Meter, CalendarLn, 10, At2020));
        after(first.Meter);
        first.Stop();
    }

    [Fact]
    public void The_passive_calendar_names_and_pending_activation_survive_a_restart_and_fire_at_their_time()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = MeterRig.Start(stateFile: state, start: TwentyLocal))
            {
                var m = first.Meter;
                Associated(first);
                WritePassive(m); // "TOU2", activated at once: the active calendar's name
                Assert.Equal("C701C10000", Invoke(m, CalendarLn, 1, "0F 00"));
                Assert.Equal("C501C100", Set(m, CalendarLn, 6, "09 04 54 4F 55 33")); // the next one, "TOU3"
                Assert.Equal("C501C100", Set(m, CalendarLn, 9, Days3));
                Assert.Equal("C501C100", Set(m, CalendarLn, 10, At2020));
                first.Stop();
            }
            using var second = MeterRig.Start(stateFile: state);
            var r = second.Meter;
            Assert.False(r.Recovery.Formatted);
            Send(r.Dlms, PublicAarq, 16);
            Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 32"), Get(r, CalendarLn, 2, 16)); // active: "TOU2"
            Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 33"), Get(r, CalendarLn, 6, 16));
            Assert.Equal(Norm("C4 01 C1 00" + Seasons), Get(r, CalendarLn, 7, 16));
            Assert.Equal(Norm("C4 01 C1 00" + Weeks), Get(r, CalendarLn, 8, 16));
            Assert.Equal(Norm("C4 01 C1 00" + Days3), Get(r, CalendarLn, 9, 16));
            Assert.Equal(Norm("C4 01 C1 00" + At2020), Get(r, CalendarLn, 10, 16));
            Assert.Equal(Tou2Switches, r.Settings.WorkingDaySwitches);
            Assert.Equal(1, r.ActiveTariff); // TOU2: T2 from 20:00

            second.RunFor(TimeSpan.FromMinutes(17)); // about 20:18 local: not yet
            Assert.Equal(Tou2Switches, r.Settings.WorkingDaySwitches);
            second.RunFor(TimeSpan.FromMinutes(3)); // past 20:20: TOU3 runs, T1 until 21:00
            Assert.Equal(Tou3Switches, r.Settings.WorkingDaySwitches);
            Assert.Equal(0, r.ActiveTariff);
            Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 33"), Get(r, CalendarLn, 2, 16));
            Assert.Equal(Norm(NothingPending), Get(r, CalendarLn, 10, 16));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void An_activation_time_that_passed_while_the_meter_was_off_activates_at_power_up()
    {
        string state = MeterRig.TempState();
        try
        {
            ProgramTou2At2020(state, _ => { });
            new RtcStateFile(state).Write(TwentyLocal.AddHours(1)); // off until 21:00 local (the RTC ran on)
            using var second = MeterRig.Start(stateFile: state);
            var r = second.Meter;
            // Activated by the start-up itself, before any cycle ran.
            Assert.Equal(Tou2Switches, r.Settings.WorkingDaySwitches);
            Assert.Equal(1, r.ActiveTariff); // TOU2: T2 from 20:00 (the default timetable has T1 until 22:00)
            Send(r.Dlms, PublicAarq, 16);
            Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 32"), Get(r, CalendarLn, 2, 16));
            Assert.Equal(Norm(NothingPending), Get(r, CalendarLn, 10, 16));
            Assert.Single(ParameterChanges(r, SettingsRecord.TariffSwitches));
            second.Stop();
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_calendar_record_the_meter_cannot_have_written_is_refused_with_an_event_and_the_timetable_keeps_running()
    {
        string state = MeterRig.TempState();
        try
        {
            ProgramTou2At2020(state, m =>
            {
                // The stored record with a valid CRC but a switch to tariff 7 on a two-tariff meter.
                var values = new long[CalendarRecord.Length];
                m.Storage.Calendar!.CopyTo(values);
                values[CalendarRecord.Actions] = (long)(0 * 256 + 7) << 32 | (values[CalendarRecord.Actions] & 0xFFFFFFFFL);
                m.Storage.Calendar.Commit(values);
            });
            using var second = MeterRig.Start(stateFile: state);
            var r = second.Meter;
            var refused = Assert.Single(Events(r, EventKind.StorageRepair, StorageArea.Calendar));
            Assert.Equal((0L, 1L), (refused.OldValue, refused.NewValue));
            Send(r.Dlms, PublicAarq, 16);
            Assert.Equal(Norm("C4 01 C1 00 09 00"), Get(r, CalendarLn, 6, 16));
            Assert.Equal(Norm("C4 01 C1 00 01 00"), Get(r, CalendarLn, 9, 16));
            Assert.Equal(Norm(NothingPending), Get(r, CalendarLn, 10, 16));
            // The default timetable runs on: T1 until 22:00, and nothing is activated at 20:20.
            second.RunFor(TimeSpan.FromMinutes(25));
            Assert.Empty(r.Settings.WorkingDaySwitches);
            Assert.Equal(0, r.ActiveTariff);
            second.RunFor(TimeSpan.FromMinutes(100)); // past 22:00 local
            Assert.Equal(1, r.ActiveTariff);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_state_file_from_before_the_calendar_record_opens_without_a_calendar_and_keeps_one_written_after()
    {
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        string state = MeterRig.TempState();
        try
        {
            using (var gz = new GZipStream(File.OpenRead(Path.Combine(fixtures, "layout6-flat-7b-z9.nv.gz")), CompressionMode.Decompress))
            using (var file = File.Create(state)) gz.CopyTo(file);
            File.Copy(Path.Combine(fixtures, "layout6-flat-7b-z9.nv.rtc"), state + ".rtc");
            long[] settings;
            using (var first = MeterRig.Start("unbalanced", state))
            {
                var m = first.Meter;
                Assert.False(m.Recovery.Formatted);
                Assert.False(m.Recovery.CalendarFound);
                Assert.Equal(0, m.Recovery.TornCalendarSlots);
                Assert.Empty(Events(m, EventKind.StorageRepair, StorageArea.Calendar));
                Assert.False(m.SettingsWriter.DefaultsRestored);
                settings = new long[m.Storage.Settings.ValueCount];
                m.Storage.Settings.CopyTo(settings);
                Associated(first);
                Assert.Equal(Norm("C4 01 C1 00 09 00"), Get(m, CalendarLn, 6));
                Assert.Equal(Norm(NothingPending), Get(m, CalendarLn, 10));
                Assert.Equal("C501C100", Set(m, CalendarLn, 6, "09 04 54 4F 55 32"));
                Assert.Equal("C501C100", Set(m, CalendarLn, 9, Days));
                first.Stop();
            }
            using var second = MeterRig.Start("unbalanced", state);
            var r = second.Meter;
            Assert.True(r.Recovery.CalendarFound);
            var after = new long[r.Storage.Settings.ValueCount];
            r.Storage.Settings.CopyTo(after);
            Assert.Equal(settings, after); // the settings record untouched by the calendar
            Send(r.Dlms, PublicAarq, 16);
            Assert.Equal(Norm("C4 01 C1 00 09 04 54 4F 55 32"), Get(r, CalendarLn, 6, 16));
            Assert.Equal(Norm("C4 01 C1 00" + Days), Get(r, CalendarLn, 9, 16));
        }
        finally
        {
            MeterRig.DeleteState(state);
            File.Delete(state + ".bak");
        }
    }
}
