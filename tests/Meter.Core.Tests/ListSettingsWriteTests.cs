using System.Text;
using Meter.Display;
using Meter.Hal;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Display lists 0-0:21.0.1 / 0-0:21.0.2, readout list 0-0:21.0.0 and holidays 0-0:11.0.0 written
/// entry by entry ("nn;item", then "nn;") through the meter's own register table (issue 7).
/// </summary>
public class ListSettingsWriteTests
{
    private sealed class RecordingPanel : ILcdPanel
    {
        public string LastId = "";
        public void Show(LcdFrame frame) => LastId = new string(frame.Id);
    }

    // Wednesday 15 January 2025, 08:00 CET (07:00 UTC): a working day, T1 (index 0) since 06:00.
    private static readonly DateTime WednesdayEight = MeterRig.WednesdayMidnightLocal.AddHours(8);

    private static VirtualMeterHost Start(string? state, ILcdPanel? lcd = null) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            StateFile = state,
            Start = WednesdayEight,
        }, lcd);

    private static ObisWriteResult WriteList(ElectricityMeter m, ObisCode code, params string[] items)
    {
        for (int i = 0; i < items.Length; i++)
        {
            var r = MeterRig.Write(m, code, $"{i + 1:00};{items[i]}");
            if (r != ObisWriteResult.Accepted) return r;
        }
        return MeterRig.Write(m, code, $"{items.Length + 1:00};");
    }

    private static List<EventRecord> Changes(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange) list.Add(e);
        }
        return list;
    }

    private static ObisCode[] Codes(DisplayList list) => Enumerable.Range(0, list.Count).Select(i => list[i]).ToArray();

    private static string ReadoutText(ElectricityMeter m)
    {
        var stream = new ReadoutStream(m.Table, m.Readout);
        stream.Start();
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!stream.Finished)
        {
            int n = stream.Fill(buffer, 0, buffer.Length);
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return text.ToString();
    }

    [Fact]
    public void Display_lists_are_shown_on_the_LCD_at_once_logged_with_old_and_new_and_kept_over_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            var voltage = ObisCode.Parse("1-0:32.7.0");
            using (var host = Start(state, new RecordingPanel()))
            {
                var m = host.Meter;
                long sequence = m.Storage.Settings.Sequence;
                Assert.Equal(ObisWriteResult.Accepted, WriteList(m, ListSettings.NormalDisplayList, "32.7.0", "1-0:1.8.0"));
                Assert.Equal(new[] { voltage, StandardObjects.ActiveImport }, Codes(m.Display.AutomaticList));
                Assert.True(m.Display.TryGetCurrentCode(out var shown));
                Assert.Equal(voltage, shown); // the LCD starts again at the new list's first reading
                Assert.Equal(ObisWriteResult.Accepted, WriteList(m, ListSettings.AlternateDisplayList, "1.8.0", "2.8.0", "14.7.0"));
                Assert.Equal(new[] { StandardObjects.ActiveImport, StandardObjects.ActiveExport, StandardObjects.Frequency }, Codes(m.Display.ManualList));
                Assert.Equal(sequence + 2, m.Storage.Settings.Sequence); // one commit per complete list, none per entry

                // Old/new = length × 2^48 + first code (A..F a byte each, A highest):
                // default normal list: 5 readings from 1-0:1.8.0 → 0x0005_01_00_01_08_00_FF; new: 2 from 1-0:32.7.0 (C = 0x20).
                var changes = Changes(m);
                Assert.Equal(2, changes.Count); // no event per entry from EventRouting
                var normal = changes.Single(e => e.Detail == SettingsRecord.NormalDisplayList);
                Assert.Equal((0x0005_0100_0108_00FFL, 0x0002_0100_2007_00FFL), (normal.OldValue, normal.NewValue));
                // Default alternate list: 12 readings from 1-0:1.8.0 → 0x000C_…; new: 3 from 1-0:1.8.0.
                var alternate = changes.Single(e => e.Detail == SettingsRecord.AlternateDisplayList);
                Assert.Equal((0x000C_0100_0108_00FFL, 0x0003_0100_0108_00FFL), (alternate.OldValue, alternate.NewValue));
                host.Stop();
            }
            var panel = new RecordingPanel();
            using var again = Start(state, panel);
            Assert.Equal(new[] { voltage, StandardObjects.ActiveImport }, Codes(again.Meter.Display.AutomaticList));
            Assert.Equal(new[] { StandardObjects.ActiveImport, StandardObjects.ActiveExport, StandardObjects.Frequency }, Codes(again.Meter.Display.ManualList));
            again.RunFor(TimeSpan.FromSeconds(2));
            // The ID field shows C.D.E without the points (they are separate segments): "3270" left-aligned in 7 positions.
            Assert.Equal("3270   ", panel.LastId);
            Assert.False(again.Meter.SettingsWriter.DefaultsRestored);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void Bad_display_lists_are_refused_with_their_error_and_change_nothing()
    {
        using var host = Start(null);
        var m = host.Meter;
        var n = ListSettings.NormalDisplayList;
        var a = ListSettings.AlternateDisplayList;
        ObisCode[] normalBefore = Codes(m.Display.AutomaticList), alternateBefore = Codes(m.Display.ManualList);
        long sequence = m.Storage.Settings.Sequence;

        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, n, "01;32.7.0", level: 0)); // not logged in
        Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, n, "1;32.7.0"));            // position is two digits
        Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, n, "01;32.7"));             // not an OBIS code
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "02;32.7.0"));              // 01 first
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "01;1-0:99.99.9"));         // no such object
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "01;0-0:96.1.0"));          // a text: the LCD cannot show it
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "01;"));                    // an empty normal list
        Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, n, "1.8.0", "1.8.0"));     // a reading twice
        Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, n, "1.8.0&1"));            // history in the automatic list (Kamstrup 382)
        Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, a, "32.7.0"));             // legal 1.8.0 and 2.8.0 left out of the manual list
        // 17 readings for the automatic list of 16 (Kamstrup 382 "up to 16 readings"): the 17th entry is refused.
        string[] seventeen = { "1.8.0", "1.8.1", "1.8.2", "2.8.0", "3.8.0", "4.8.0", "1.7.0", "32.7.0", "52.7.0", "72.7.0",
            "31.7.0", "51.7.0", "71.7.0", "14.7.0", "1.6.0", "21.7.0", "1.4.0" };
        Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, n, seventeen));
        // A list broken off by a refused entry does not complete later: "02;" after a refusal is out of sequence.
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, n, "01;32.7.0"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "02;1-0:99.99.9"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, n, "02;"));

        Assert.Equal(normalBefore, Codes(m.Display.AutomaticList));
        Assert.Equal(alternateBefore, Codes(m.Display.ManualList));
        Assert.Equal(normalBefore, m.Settings.NormalDisplayList);
        Assert.Equal(sequence, m.Storage.Settings.Sequence);
        Assert.Empty(Changes(m));
        // A list broken off (no end mark, e.g. the link was lost) does not block the next one: 01 begins anew.
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, n, "01;32.7.0"));
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, n, "02;1.8.0"));
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, n, "2.8.0"));
        Assert.Equal(new[] { StandardObjects.ActiveExport }, Codes(m.Display.AutomaticList));
        // The 16 first of them are accepted: the capacity is exactly 16.
        Assert.Equal(ObisWriteResult.Accepted, WriteList(m, n, seventeen.Take(16).ToArray()));
        Assert.Equal(16, m.Display.AutomaticList.Count);
    }

    [Fact]
    public void Readout_list_sets_what_the_readout_sends_refuses_empty_and_unknown_lists_and_survives_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            var r = ListSettings.ReadoutList;
            using (var host = Start(state))
            {
                var m = host.Meter;
                string before = ReadoutText(m);
                Assert.Contains("32.7.0(", before); // the default readout has the voltages
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, r, "01;"));                 // empty readout refused
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, r, "01;1-0:9.9.9"));        // no such object
                Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, r, "01;1.8.0;100"));     // billing periods 0..99
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, r, "01;0-0:96.1.0;2"));     // the meter number has no history
                Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, r, "1.8.0", "1-0:1.8.0")); // the same data set twice
                Assert.Empty(Changes(m));
                Assert.Equal(before, ReadoutText(m));

                Assert.Equal(ObisWriteResult.Accepted, WriteList(m, r, "0-0:96.1.0", "1.8.0;2"));
                Assert.Equal(2, m.Readout.Count);
                Assert.Equal((StandardObjects.ActiveImport, 2), (m.Readout.CodeAt(1), m.Readout.BillingPeriodsAt(1)));
                string after = ReadoutText(m);
                Assert.Contains("0-0:96.1.0(", after);
                Assert.Contains("\n1.8.0(", after); // the readout gives A = 1 codes in the reduced form C.D.E
                Assert.DoesNotContain("32.7.0", after);
                // Default readout: 28 data sets (Meter.Optical DefaultReadout's 23, + the 3 tamper objects C.51.0-2 + dips and swells of all phases 12.32.0 / 12.36.0) from
                // 0-0:96.1.0 → 0x001C_00_00_60_01_00_FF; new: 2 from it.
                var e = Changes(m).Single();
                Assert.Equal((SettingsRecord.ReadoutList, 0x001C_0000_6001_00FFL, 0x0002_0000_6001_00FFL), (e.Detail, e.OldValue, e.NewValue));
                host.Stop();
            }
            using var again = Start(state);
            Assert.Equal(2, again.Meter.Readout.Count);
            Assert.Equal((StandardObjects.MeterNumber, 0), (again.Meter.Readout.CodeAt(0), again.Meter.Readout.BillingPeriodsAt(0)));
            Assert.Equal(2, again.Meter.Readout.BillingPeriodsAt(1));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void Holidays_switch_the_tariff_to_the_Sunday_tariff_from_the_next_cycle_and_survive_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            var h = ListSettings.HolidayTable;
            using (var host = Start(state))
            {
                var m = host.Meter;
                host.RunFor(TimeSpan.FromSeconds(5));
                Assert.Equal(0, m.ActiveTariff); // Wednesday 08:00: T1
                Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, h, "01;25-01-15", level: 0));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, h, "01;25-02-29"));    // 2025 is no leap year
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, h, "01;13-01"));       // no month 13
                Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, h, "01;2025-01-15")); // YY-MM-DD or MM-DD
                Assert.Equal(ObisWriteResult.OutOfRange, WriteList(m, h, "12-24", "12-24"));
                Assert.Empty(m.Settings.Holidays);

                Assert.Equal(ObisWriteResult.Accepted, WriteList(m, h, "25-01-15", "02-29"));
                // Packed: one date year × 10000 + month × 100 + day; every year month × 100 + day (29 February allowed).
                Assert.Equal(new[] { 20250115, 229 }, m.Settings.Holidays);
                var e = Changes(m).Single();
                Assert.Equal((SettingsRecord.Holidays, 0L, (2L << 48) + 20250115), (e.Detail, e.OldValue, e.NewValue));
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(1, m.ActiveTariff); // a holiday has the Sunday tariff T2 all day
                host.Stop();
            }
            using (var again = Start(state))
            {
                again.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(new[] { 20250115, 229 }, again.Meter.Settings.Holidays);
                Assert.Equal(1, again.Meter.ActiveTariff);
                // An empty table ("01;" alone) removes the holidays: T1 again.
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(again.Meter, h, "01;"));
                again.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(0, again.Meter.ActiveTariff);
            }
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void The_lists_fit_the_128_value_settings_record()
    {
        // 16 settings values, list lengths 1, normal 16, alternate 40, readout 32, holidays 32 / 2 = 16 → 121 of 128.
        Assert.Equal(16 + 1 + 16 + 40 + 32 + 16, SettingsRecord.Used);
        Assert.True(SettingsRecord.Used <= StorageLayout.SettingsValueCount);
        // A code packs into 48 bits, a readout item's billing periods (≤ 99 < 128) above them.
        var code = ObisCode.Parse("1-0:72.7.0");
        long packed = ListSettings.Pack(code, 99);
        Assert.Equal(0x0063_0100_4807_00FFL, packed); // 99 = 0x63, 72 = 0x48
        Assert.Equal((code, 99), (ListSettings.Unpack(packed), ListSettings.ExtraOf(packed)));
    }

    [Fact]
    public void A_stored_display_list_breaking_the_display_rules_is_not_applied_and_the_defaults_are_used()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = Start(state))
            {
                var values = new long[StorageLayout.SettingsValueCount];
                SettingsRecord.Capture(first.Meter.Settings, values);
                // Historical 1-0:1.8.0*1 as the first automatic reading: no W1 would accept it.
                values[SettingsRecord.NormalDisplayList] = ListSettings.Pack(StandardObjects.ActiveImport.WithF(1), 0);
                first.Meter.Storage.Settings.Commit(values);
                first.Stop();
            }
            using var second = Start(state);
            Assert.True(second.Meter.SettingsWriter.DefaultsRestored);
            Assert.Equal(ListSettings.DefaultNormalDisplayList(), Codes(second.Meter.Display.AutomaticList));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
