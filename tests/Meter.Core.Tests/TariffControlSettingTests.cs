using Meter.Clock;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// The tariff-control setting 0-0:128.4.0 (TariffControlSetting: 000 timetable, 1DD module inputs,
/// 200 register control) written with W1 at level 1: stored, logged once, applied from the next
/// cycle, kept by every timetable rebuild and over a restart. The rig starts Wednesday 00:00 local,
/// where the preset timetable gives T2 (T1 only 06:00–22:00 on working days), so T1 under inputs or
/// commands can only come from the configured mode.
/// </summary>
public class TariffControlSettingTests
{
    private static EventRecord[] ParameterChanges(ElectricityMeter m)
    {
        var list = new List<EventRecord>();
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange) list.Add(e);
        }
        return list.ToArray();
    }

    private static long StoredCode(ElectricityMeter m)
    {
        var values = new long[StorageLayout.SettingsValueCount];
        m.Storage.Settings.CopyTo(values);
        return values[SettingsRecord.TariffControl];
    }

    // A W1 accepted over the optical port: the table's write, then the server's WriteAccepted record.
    private static ObisWriteResult WriteOverPort(ElectricityMeter m, ObisCode code, string text)
    {
        ObisWriteResult result = MeterRig.Write(m, code, text);
        if (result == ObisWriteResult.Accepted) m.Events.Record(OpticalEventKind.WriteAccepted, 0, code, 0);
        return result;
    }

    [Fact]
    public void Input_control_written_with_W1_follows_the_pin_from_the_next_cycle_and_survives_holidays_switches_and_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = MeterRig.Start(stateFile: state))
            {
                var m = host.Meter;
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(1, m.ActiveTariff); // timetable: T2 at night
                Assert.Equal("(000)", MeterRig.ValueText(m, SettingsObjects.TariffControl));

                // DD 13 (Kamstrup 351 "Pulse in/2-tariff": tariff on I/O 2) → code 100 + 13.
                Assert.Equal(ObisWriteResult.Accepted, WriteOverPort(m, SettingsObjects.TariffControl, "113"));
                Assert.Equal("(113)", MeterRig.ValueText(m, SettingsObjects.TariffControl));
                Assert.Equal(113, StoredCode(m));
                var change = Assert.Single(ParameterChanges(m)); // the meter's own entry, not a second one from EventRouting
                Assert.Equal((SettingsRecord.TariffControl, 0L, 113L), (change.Detail, change.OldValue, change.NewValue));
                Assert.Equal(1, m.ActiveTariff); // nothing before the next cycle
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(0, m.ActiveTariff); // I/O 2 de-energised: T1

                // I/O 2 energised: the next cycle's energy is T2's, T1 stands still.
                TariffControlModeTests.EnergisingIo2RegistersTheNextCyclesInT2(host);

                // Today (01-15) a holiday and new working-day switches: both rebuild the timetable; the inputs stay in control.
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "01;01-15"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "02;"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffTable, "01;00:00;1"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffTable, "02;"));
                Assert.Equal(new[] { 115 }, m.Settings.Holidays); // month × 100 + day
                host.SetTariffInputs(false, false);
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(TariffControlMode.ModuleInputs, m.Tariffs.Mode);
                Assert.Equal(0, m.ActiveTariff); // de-energised: T1, where the holiday timetable says T2
                host.SetTariffInputs(false, true);
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(1, m.ActiveTariff);
                host.Stop();
            }

            using var again = MeterRig.Start(stateFile: state); // the pins start de-energised
            var r = again.Meter;
            Assert.Equal(113, r.Settings.TariffControlCode);
            Assert.Equal((TariffControlMode.ModuleInputs, 13), (r.Tariffs.Mode, r.Tariffs.Inputs.Code));
            again.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal(0, r.ActiveTariff);
            again.SetTariffInputs(false, true);
            again.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal(1, r.ActiveTariff);
            Assert.False(r.SettingsWriter.DefaultsRestored);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void Codes_outside_the_seeds_DD_codes_with_tariff_inputs_are_refused_and_change_nothing()
    {
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        long sequence = m.Storage.Settings.Sequence;
        // 105: DD 05 "Pulse in/A+ out" (tariff control: Communication); 100: DD 00 "No function"; 103/104/115: no tariff
        // input / beyond DD 14; 003: DD without module mode; 201: register control takes no DD. 300 and 1000 are above
        // the object's range, -1 below it: the table refuses them first, with the same answer (ER10).
        foreach (string bad in new[] { "105", "100", "103", "104", "115", "199", "003", "201", "300", "1000" })
            Assert.Equal(ObisWriteResult.OutOfRange, WriteOverPort(m, SettingsObjects.TariffControl, bad));
        Assert.Equal(ObisWriteResult.InvalidFormat, WriteOverPort(m, SettingsObjects.TariffControl, "1a3"));
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, SettingsObjects.TariffControl, "113", level: 0));
        host.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(0, m.Settings.TariffControlCode);
        Assert.Equal(sequence, m.Storage.Settings.Sequence); // no commit
        Assert.Equal(0, StoredCode(m));
        Assert.Equal(TariffControlMode.Timetable, m.Tariffs.Mode);
        Assert.Equal(1, m.ActiveTariff);
        Assert.Empty(ParameterChanges(m));
        Assert.Equal("(000)", MeterRig.ValueText(m, SettingsObjects.TariffControl));

        // Every code this 2-tariff meter can follow is taken: 107..114 (the 2-tariff DD codes whose tariff control is
        // "Module"), 200, 000. 101 / 102 (4-tariff inputs) need TariffCount 4: below.
        int[] valid = { 107, 108, 109, 110, 111, 112, 113, 114, 200, 0 };
        foreach (int code in valid)
            Assert.Equal(ObisWriteResult.Accepted, WriteOverPort(m, SettingsObjects.TariffControl, code.ToString("000")));
        Assert.Equal(valid.Length, ParameterChanges(m).Length);
    }

    [Fact]
    public void Four_tariff_input_codes_are_refused_on_a_meter_with_two_tariffs_and_change_nothing()
    {
        // DD 01 / 02 decode I/O 1 + 2·I/O 2 into T1..T4 (Meter.Clock TariffInputDecoder); the preset meters T1 and T2
        // only, so both inputs energised (T4) would be registered in T2 without a word. ER10 instead.
        using var host = MeterRig.Start();
        var m = host.Meter;
        host.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(2, m.Settings.TariffCount);
        long sequence = m.Storage.Settings.Sequence;
        foreach (string four in new[] { "101", "102" })
            Assert.Equal(ObisWriteResult.OutOfRange, WriteOverPort(m, SettingsObjects.TariffControl, four));
        Assert.Equal(0, m.Settings.TariffControlCode);
        Assert.Equal(sequence, m.Storage.Settings.Sequence); // no commit
        Assert.Equal(TariffControlMode.Timetable, m.Tariffs.Mode);
        Assert.Empty(ParameterChanges(m));
        // A settings object asking for it is refused at construction, naming the rule.
        MeterSettings settings = PresetSettings.FromPresetName("direct-5-105a");
        settings.TariffControlCode = TariffControlSetting.ForInputs(1);
        var e = Assert.Throws<ArgumentException>(() => settings.Validate());
        Assert.Contains("TariffCount", e.Message);
        settings.TariffCount = 4;
        settings.Validate();
    }

    [Fact]
    public void Register_control_keeps_its_commanded_tariff_when_a_holiday_rebuilds_the_timetable_and_starts_in_T1_after_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = MeterRig.Start(stateFile: state))
            {
                var m = host.Meter;
                host.RunFor(TimeSpan.FromSeconds(2));
                Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, StandardObjects.ActiveTariff, "2")); // timetable: no commands
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffControl, "200"));
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(0, m.ActiveTariff); // register control starts in T1
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.ActiveTariff, "2"));
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(1, m.ActiveTariff);
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.ActiveTariff, "1"));
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(0, m.ActiveTariff);

                // Writing register control again and a holiday today: the commanded T1 stays (the timetable would say T2).
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffControl, "200"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "01;01-15"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, ListSettings.HolidayTable, "02;"));
                host.RunFor(TimeSpan.FromSeconds(1));
                Assert.Equal(TariffControlMode.Register, m.Tariffs.Mode);
                Assert.Equal(0, m.ActiveTariff);
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.ActiveTariff, "2"));
                host.Stop();
            }
            using var again = MeterRig.Start(stateFile: state);
            var r = again.Meter;
            again.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal(TariffControlMode.Register, r.Tariffs.Mode);
            Assert.Equal(0, r.ActiveTariff); // the command is not stored: T1 until the next one
            Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(r, StandardObjects.ActiveTariff, "2"));
            again.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal(1, r.ActiveTariff);

            // Back to the timetable: T2 at night, commands refused again.
            Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(r, SettingsObjects.TariffControl, "0"));
            Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(r, StandardObjects.ActiveTariff, "1"));
            again.RunFor(TimeSpan.FromSeconds(1));
            Assert.Equal((TariffControlMode.Timetable, 1), (r.Tariffs.Mode, r.ActiveTariff));
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_settings_record_from_before_the_setting_holds_0_there_and_boots_in_timetable_control_a_bad_value_is_a_repair()
    {
        string state = MeterRig.TempState();
        try
        {
            long[] values = new long[StorageLayout.SettingsValueCount];
            using (var host = MeterRig.Start(stateFile: state))
            {
                var m = host.Meter;
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.TariffControl, "113"));
                m.Storage.Settings.CopyTo(values);
                Assert.Equal(113, values[SettingsRecord.TariffControl]);
                values[SettingsRecord.TariffControl] = 0; // as a record written before value 126 had a meaning
                m.Storage.Settings.Commit(values);
                host.Stop();
            }
            using (var old = MeterRig.Start(stateFile: state))
            {
                var m = old.Meter;
                old.RunFor(TimeSpan.FromSeconds(1));
                Assert.False(m.SettingsWriter.DefaultsRestored);
                Assert.Equal(0, m.Storage.Events.CountOf(EventKind.StorageRepair));
                Assert.Equal(TariffControlMode.Timetable, m.Tariffs.Mode);
                Assert.Equal(1, m.ActiveTariff); // T2 at night; DD 13 with I/O 2 de-energised would give T1
                values[SettingsRecord.TariffControl] = 105; // DD 05 has no tariff input: no W1 could have stored it
                m.Storage.Settings.Commit(values);
                old.Stop();
            }
            using var repaired = MeterRig.Start(stateFile: state);
            var r = repaired.Meter;
            Assert.True(r.SettingsWriter.DefaultsRestored);
            Assert.Equal(1, r.Storage.Events.CountOf(EventKind.StorageRepair));
            Assert.Equal(0, r.Settings.TariffControlCode);
            Assert.Equal(TariffControlMode.Timetable, r.Tariffs.Mode);
            Assert.Equal(0, StoredCode(r)); // the defaults were stored again
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
