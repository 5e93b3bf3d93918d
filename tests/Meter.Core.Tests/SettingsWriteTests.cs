using System.Numerics;
using System.Text;
using Meter.Metrology;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>Optical-port setting writes (issue 7) through the meter's own register table.</summary>
public class SettingsWriteTests
{
    private static VirtualMeterHost Start(string? state, bool sealOpen = false, string load = "balanced", DateTime? start = null) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = load,
            Optical = "none",
            StateFile = state,
            SealOpen = sealOpen,
            Start = start ?? MeterRig.WednesdayMidnightLocal,
        });

    private static List<EventRecord> Events(ElectricityMeter m, int kind)
    {
        var list = new List<EventRecord>();
        for (int age = 0; age < m.Storage.Events.Count; age++)
        {
            var e = new EventRecord();
            if (m.Storage.Events.TryRead(age, e) && e.Kind == kind) list.Add(e);
        }
        return list;
    }

    [Fact]
    public void Each_setting_is_accepted_persisted_over_a_restart_logged_with_old_and_new_and_leaves_energy_alone()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = Start(state))
            {
                var m = first.Meter;
                first.RunFor(TimeSpan.FromMinutes(20));
                long[] energy = MeterRig.Snapshot(m);
                long registerSaves = m.RegisterSaves;

                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.PulseFigure, "2500"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.BillingTargetDay, "15"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.BillingIntervalCode, "13"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.MeterNumber, "AB12345678901234"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, SettingsObjects.Identification, "Lab meter 7"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, PasswordObject.CodeForLevel(1), "4711"));

                // No setting write touched the energy registers or the register record (no virtual time passed).
                Assert.Equal(energy, MeterRig.Snapshot(m));
                Assert.Equal(registerSaves, m.RegisterSaves);
                Assert.Equal("(2500)", MeterRig.ValueText(m, StandardObjects.PulseFigure));
                Assert.Equal("(15)", MeterRig.ValueText(m, SettingsObjects.BillingTargetDay));
                Assert.Equal("(13)", MeterRig.ValueText(m, SettingsObjects.BillingIntervalCode));
                Assert.Equal("()", MeterRig.ValueText(m, PasswordObject.CodeForLevel(1))); // never disclosed
                Assert.Equal("4711", m.Settings.Passwords[0]); // the port's P1 check uses it at once (same array)

                var changes = Events(m, EventKind.ParameterChange);
                Assert.Equal(6, changes.Count); // one each, no second entry from EventRouting
                var pulse = changes.Single(e => e.Detail == SettingsRecord.PulseFigure);
                Assert.Equal((1000L, 2500L), (pulse.OldValue, pulse.NewValue)); // direct-5-105a S0: 1000 imp/kWh
                var day = changes.Single(e => e.Detail == SettingsRecord.BillingTargetDay);
                Assert.Equal((1L, 15L), (day.OldValue, day.NewValue));
                var interval = changes.Single(e => e.Detail == SettingsRecord.BillingIntervalCode);
                Assert.Equal((1L, 13L), (interval.OldValue, interval.NewValue));
                var number = changes.Single(e => e.Detail == SettingsRecord.MeterNumber);
                // First 8 characters, ASCII big-endian: "12345678" = 0x3132333435363738, "AB123456" = 0x4142313233343536.
                Assert.Equal((0x3132333435363738L, 0x4142313233343536L), (number.OldValue, number.NewValue));
                var password = changes.Single(e => e.Detail == SettingsRecord.Password);
                Assert.Equal((0L, 0L), (password.OldValue, password.NewValue));
                first.Stop();
            }

            using var second = Start(state);
            var r = second.Meter;
            Assert.True(r.Recovery.SettingsFound);
            Assert.False(r.SettingsWriter.DefaultsRestored);
            Assert.Equal(2500, r.Settings.S0ImpPerKwh);
            Assert.Equal(2500, r.Metering.S0!.Settings.ImpulsesPerKilowattHour);
            Assert.Equal((15, 13), (r.Settings.BillingTargetDay, r.Settings.BillingIntervalCode));
            Assert.Equal("(AB12345678901234)", MeterRig.ValueText(r, StandardObjects.MeterNumber));
            Assert.Equal("(Lab meter 7)", MeterRig.ValueText(r, SettingsObjects.Identification));
            Assert.Equal("4711", r.Settings.Passwords[0]); // the host's configured "00000000" is overridden by the record
            Assert.Equal(6, Events(r, EventKind.ParameterChange).Count); // the log survived too
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void Out_of_range_values_and_writes_without_login_are_refused_with_their_error_and_change_nothing()
    {
        using var host = Start(null);
        var m = host.Meter;
        host.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, StandardObjects.PulseFigure, "0"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, StandardObjects.PulseFigure, "100001"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.BillingTargetDay, "0"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.BillingTargetDay, "29"));
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.BillingIntervalCode, "25"));
        Assert.Equal(ObisWriteResult.TooLong, MeterRig.Write(m, StandardObjects.MeterNumber, "12345678901234567"));
        Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, SettingsObjects.Identification, "a/b"));
        // '\' followed by 2 asks for mode E, which the port does not implement (OpticalPortSettings.Validate).
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, SettingsObjects.Identification, "\\2meter"));
        Assert.Equal(ObisWriteResult.TooLong, MeterRig.Write(m, PasswordObject.CodeForLevel(1), "12345678901234567"));
        // Not logged in (level 0).
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, StandardObjects.PulseFigure, "2000", level: 0));
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, SettingsObjects.BillingTargetDay, "10", level: 0));
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, StandardObjects.MeterNumber, "99", level: 0));
        Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, PasswordObject.CodeForLevel(1), "99", level: 0));
        // An integration period the seeds do not offer (5/15/30/60 are accepted: IntegrationPeriodWriteTests).
        Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, StandardObjects.IntegrationPeriod, "10"));

        Assert.Equal(1000, m.Settings.S0ImpPerKwh);
        Assert.Equal((1, 1), (m.Settings.BillingTargetDay, m.Settings.BillingIntervalCode));
        Assert.Equal("12345678", m.Settings.MeterNumber);
        Assert.Equal("00000000", m.Settings.Passwords[0]);
        Assert.Empty(Events(m, EventKind.ParameterChange));
        Assert.Equal(1, m.Storage.Settings.Sequence); // only the defaults stored at the first start
    }

    [Fact]
    public void Pulse_figure_change_rebases_the_count_so_due_pulses_are_floor_of_energy_times_figure_per_part()
    {
        using var host = Start(null);
        var m = host.Meter;
        PulseOutput s0 = m.Metering.S0!;
        EnergyConstant c = m.Metering.Accumulator.Configuration.ActiveConstant;
        long Counts() => m.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
        // floor(counts × (N/D Wh per count) × imp / 1000) pulses: E in kWh times imp/kWh.
        BigInteger Pulses(long counts, int imp) => BigInteger.Divide((BigInteger)counts * c.Numerator * imp, (BigInteger)c.Denominator * 1000);

        host.RunFor(TimeSpan.FromMinutes(7));
        long atChange = Counts();
        long dueBefore = s0.DuePulses;
        Assert.Equal(Pulses(atChange, 1000), dueBefore);
        Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.PulseFigure, "37"));
        Assert.Equal(dueBefore, s0.DuePulses); // the change itself adds or removes no pulse
        host.RunFor(TimeSpan.FromMinutes(11));
        long end = Counts();
        Assert.Equal(Pulses(atChange, 1000) + Pulses(end - atChange, 37), s0.DuePulses);
        // balanced load: 3 × 230 V × 10 A × cos 18.19° = 6555.18 W; 11 min = 1.20178 kWh × 37 imp/kWh = 44.47 pulses.
        Assert.InRange(s0.DuePulses - dueBefore, 43, 45);
        Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);
    }

    [Fact]
    public void Ct_ratio_needs_the_seal_open_and_a_meter_without_registered_energy_and_scales_primary_readings_only()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var host = Start(state, sealOpen: true))
            {
                var m = host.Meter;
                Assert.Equal(ObisWriteResult.SealClosed, MeterRig.Write(m, StandardObjects.CtRatio, "150", seal: false));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, StandardObjects.CtRatio, "4", seal: true));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, StandardObjects.CtRatio, "3001", seal: true));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, StandardObjects.CtRatio, "150", seal: true)); // nothing metered yet
                Assert.Equal("(150)", MeterRig.ValueText(m, StandardObjects.CtRatio));
                var legal = Events(m, EventKind.LegalDataChange).Single();
                Assert.Equal((SettingsRecord.CtPrimaryAmps, 5L, 150L), (legal.Detail, legal.OldValue, legal.NewValue));

                host.RunFor(TimeSpan.FromMinutes(30));
                long secondary = m.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, 0);
                long primary = MeterRig.Wh(m, EnergyRegister.ActiveImport);
                // 150/5 = 30: primary = floor(counts × 30 × N/D); secondary × 30 ≤ primary < (secondary + 1) × 30.
                Assert.InRange(primary, secondary * 30, secondary * 30 + 29);
                // Energy registered: a second change would rewrite the history of the primary registers and the profile.
                Assert.Equal(ObisWriteResult.Rejected, MeterRig.Write(m, StandardObjects.CtRatio, "300", seal: true));
                Assert.Equal(150, m.Metering.Accumulator.Configuration.CtRatio.PrimaryAmps);
                host.Stop();
            }
            using var again = Start(state, sealOpen: true);
            Assert.Equal(150, again.Meter.Metering.Accumulator.Configuration.CtRatio.PrimaryAmps);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_settings_record_failing_its_checks_is_not_applied_the_defaults_are_used_and_a_repair_is_reported()
    {
        string state = MeterRig.TempState();
        try
        {
            using (var first = Start(state))
            {
                var values = new long[StorageLayout.SettingsValueCount];
                SettingsRecord.Capture(first.Meter.Settings, values);
                values[SettingsRecord.PulseFigure] = 0; // a value no W1 would accept
                first.Meter.Storage.Settings.Commit(values);
                first.Stop();
            }
            using var second = Start(state);
            var m = second.Meter;
            Assert.True(m.Recovery.SettingsFound);
            Assert.True(m.SettingsWriter.DefaultsRestored);
            Assert.Equal(1000, m.Settings.S0ImpPerKwh);
            var repair = Events(m, EventKind.StorageRepair).Single();
            Assert.Equal((StorageArea.Settings, 1L), (repair.Detail, repair.NewValue));
            Assert.Equal(MeterStatusWords.ErrorStorageRepaired, m.ErrorWord & MeterStatusWords.ErrorStorageRepaired);
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void Tariff_switching_list_replaces_the_working_day_timetable_only_when_complete_and_valid_and_survives_a_restart()
    {
        string state = MeterRig.TempState();
        try
        {
            // Wednesday 08:00 local (a working day; the preset's timetable is in T1 since 06:00).
            using (var host = Start(state, start: MeterRig.WednesdayMidnightLocal.AddHours(8)))
            {
                var m = host.Meter;
                var t = SettingsObjects.TariffTable;
                Assert.Equal(0, m.ActiveTariff);
                // Refused entries restart the list and change nothing.
                Assert.Equal(ObisWriteResult.AccessDenied, MeterRig.Write(m, t, "01;08:30;1", level: 0));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, t, "02;08:30;1")); // position must be 01 first
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, t, "01;24:00;1"));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, t, "01;08:30;3")); // the preset has 2 tariffs
                Assert.Equal(ObisWriteResult.InvalidFormat, MeterRig.Write(m, t, "01;8:30;1"));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, t, "01;"));       // an empty list
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "01;17:00;2"));
                Assert.Equal(ObisWriteResult.OutOfRange, MeterRig.Write(m, t, "02;08:30;1")); // times must increase
                Assert.Empty(m.Settings.WorkingDaySwitches);

                // A list broken off after two entries (the session ended) does not block the next one: 01 starts afresh.
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "01;06:00;1"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "02;07:00;2"));
                Assert.Empty(m.Settings.WorkingDaySwitches);

                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "01;08:30;1"));
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "02;17:00;2"));
                Assert.Empty(m.Settings.WorkingDaySwitches); // not before the end mark
                Assert.Equal(ObisWriteResult.Accepted, MeterRig.Write(m, t, "03;"));
                // Packed minute × 8 + tariff index: 08:30 → 510 × 8 + 0 = 4080; 17:00 → 1020 × 8 + 1 = 8161.
                Assert.Equal(new[] { 4080, 8161 }, m.Settings.WorkingDaySwitches);
                var e = Events(m, EventKind.ParameterChange).Single();
                Assert.Equal((SettingsRecord.TariffSwitches, 0L, 4080L | (8161L << 32)), (e.Detail, e.OldValue, e.NewValue));

                // Wednesday: T2 until 08:30 local, T1 until 17:00 (the preset's 06:00 no longer switches).
                host.RunFor(TimeSpan.FromMinutes(20)); // 08:20
                Assert.Equal(1, m.ActiveTariff);
                host.RunFor(TimeSpan.FromMinutes(20)); // 08:40
                Assert.Equal(0, m.ActiveTariff);
                host.Stop();
            }
            using var again = Start(state);
            Assert.Equal(new[] { 4080, 8161 }, again.Meter.Settings.WorkingDaySwitches);
            Assert.Equal(0, again.Meter.ActiveTariff); // 08:40 Wednesday, restored timetable
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }

    [Fact]
    public void A_new_meter_stores_its_default_settings_so_later_restarts_report_no_repair()
    {
        string state = MeterRig.TempState();
        try
        {
            for (int start = 0; start < 3; start++)
            {
                using var host = Start(state);
                var m = host.Meter;
                Assert.Equal(start == 0, m.Recovery.Formatted);
                Assert.Equal(start > 0, m.Recovery.SettingsFound);
                Assert.False(m.SettingsWriter.DefaultsRestored);
                Assert.Equal(0, m.ErrorWord);
                Assert.Equal(0, m.Storage.Events.CountOf(EventKind.StorageRepair));
                Assert.Equal(1, m.Storage.Settings.Sequence); // written once, at the first start
                host.RunFor(TimeSpan.FromMinutes(2));
                host.Stop();
            }
        }
        finally
        {
            MeterRig.DeleteState(state);
        }
    }
}
