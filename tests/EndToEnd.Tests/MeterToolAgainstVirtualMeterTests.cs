using System.Globalization;
using Meter.Metrology;
using Meter.Storage;

namespace EndToEnd.Tests;

/// <summary>MeterTool's command line against the virtual meter over TCP (real-time optical port, ~1–3 s a command).</summary>
[Collection("console")]
public class MeterToolAgainstVirtualMeterTests
{
    [Fact]
    public void Readout_shows_the_meter_number_and_the_live_energy_register()
    {
        // ×600: ten simulated minutes per wall second, so the registers are well above zero.
        using var meter = new MeterUnderTest(speed: 600);
        meter.WaitUntil(h => h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0) > 1000, "1 kWh registered");
        var (code, output, error) = meter.Tool("readout", "--csv");
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.1.0,12345678", output);
        // 1.8.0 in kWh with 3 decimals; compare with the register read after the readout
        // (the meter runs on: the value read is at most the register now).
        var line = output.Split('\n').First(l => l.StartsWith("1.8.0,", StringComparison.Ordinal));
        decimal shown = decimal.Parse(line.Split(',')[1], CultureInfo.InvariantCulture);
        long nowWh = meter.Host.Inspect(h => h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0));
        Assert.True(shown > 0.5m, output);
        Assert.InRange(shown * 1000, 1, nowWh);
        Assert.Contains(",kWh,", line);
    }

    [Fact]
    public void Readout_ends_with_the_dips_and_swells_the_sag_swell_load_gives()
    {
        // sag-swell: each minute a 2 s dip to 70 % and a 2 s swell to 115 % on all three phases. ×60: one minute a second.
        using var meter = new MeterUnderTest(load: "sag-swell", speed: 60);
        static long Sum(Meter.Core.ElectricityMeter m, int kind) =>
            m.VoltageQuality.CountOf(1, kind) + m.VoltageQuality.CountOf(2, kind) + m.VoltageQuality.CountOf(3, kind);
        meter.WaitUntil(h => Sum(h.Meter, Meter.Core.VoltageQualityDetail.Swell) >= 3, "a swell on each phase");
        long dipsBefore = meter.Host.Inspect(h => Sum(h.Meter, Meter.Core.VoltageQualityDetail.Dip));
        long swellsBefore = meter.Host.Inspect(h => Sum(h.Meter, Meter.Core.VoltageQualityDetail.Swell));
        var (code, output, error) = meter.Tool("readout", "--csv");
        Assert.True(code == 0, error + output);
        long dipsAfter = meter.Host.Inspect(h => Sum(h.Meter, Meter.Core.VoltageQualityDetail.Dip));
        long swellsAfter = meter.Host.Inspect(h => Sum(h.Meter, Meter.Core.VoltageQualityDetail.Swell));
        long Shown(string code) => long.Parse(output.Split('\n').First(l => l.StartsWith(code + ",", StringComparison.Ordinal)).Split(',')[1], CultureInfo.InvariantCulture);
        // The meter runs on during the readout: the value sent lies between the counts before and after it.
        Assert.InRange(Shown("12.32.0"), dipsBefore, dipsAfter);
        Assert.InRange(Shown("12.36.0"), swellsBefore, swellsAfter);
        Assert.True(dipsBefore >= 3, output); // the dip at :10 comes before the swell at :40
    }

    [Fact]
    public void Password_protected_write_changes_the_meter_number_and_a_wrong_password_is_refused()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("write", "0-0:96.1.0", "87654321", "--password", "11111111");
        Assert.NotEqual(0, code);
        Assert.Contains("ER", error + output);
        Assert.Equal("12345678", meter.Host.Inspect(h => h.Meter.Settings.MeterNumber));

        (code, output, error) = meter.Tool("write", "0-0:96.1.0", "87654321", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal("87654321", meter.Host.Inspect(h => h.Meter.Settings.MeterNumber));
        // Both are in the event log: one password failure, one parameter change.
        Assert.Equal(1, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.PasswordFailure)));
        Assert.Equal(1, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ParameterChange)));
    }

    [Fact]
    public void Configure_pulse_figure_and_a_new_P1_password_are_stored_logged_and_the_old_password_stops_working()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("configure", "--pulse-figure", "2500", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(2500, meter.Host.Inspect(h => h.Meter.Metering.S0!.Settings.ImpulsesPerKilowattHour));
        (code, output, error) = meter.Tool("read", "1-0:0.3.3", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("2500", output);
        // An integration period the meter does not offer (10 min; 1..60 is the object's format range) is
        // answered (ER10) "out of range" and nothing changes; the refusal is logged (access refused, detail 6, ER10).
        (code, output, error) = meter.Tool("write", "1-0:0.8.0", "10", "--password", MeterUnderTest.Password);
        Assert.Equal(2, code);
        Assert.Contains("ER10", error + output);
        Assert.Equal(15, meter.Host.Inspect(h => h.Meter.Period.Minutes));

        // P1 password 0-0:96.128.1 (Meter.Optical PasswordObject): written with the old one, then only the new one logs in.
        (code, output, error) = meter.Tool("write", "0-0:96.128.1", "4711", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("read", "0-0:96.1.0", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        (code, output, error) = meter.Tool("read", "0-0:96.1.0", "--password", "4711");
        Assert.True(code == 0, error + output);
        Assert.Contains("12345678", output);

        var changes = meter.Host.Inspect(h =>
        {
            var list = new List<(int Detail, long Old, long New)>();
            for (int age = 0; age < h.Meter.Storage.Events.Count; age++)
            {
                var e = new EventRecord();
                if (h.Meter.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange) list.Add((e.Detail, e.OldValue, e.NewValue));
            }
            return list;
        });
        Assert.Contains((Meter.Core.SettingsRecord.PulseFigure, 1000L, 2500L), changes);
        Assert.Contains((Meter.Core.SettingsRecord.Password, 0L, 0L), changes);
        Assert.Equal(2, changes.Count);
        // Five sessions logged in (configure, read, configure, write, read with the new password); one was refused,
        // and so was the write of 10 min: two refused accesses.
        Assert.Equal(5, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.Login)));
        Assert.Equal(2, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.PasswordFailure)));
    }

    [Fact]
    public void Configure_tariffs_writes_the_working_day_switching_list()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("configure", "--tariffs", "08:30=1,17:00=2", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        // Packed minute × 8 + tariff index: 08:30 → 510 × 8 + 0 = 4080; 17:00 → 1020 × 8 + 1 = 8161.
        Assert.Equal(new[] { 4080, 8161 }, meter.Host.Inspect(h => h.Meter.Settings.WorkingDaySwitches));
        Assert.Equal(1, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ParameterChange)));
    }

    [Fact]
    public void Configure_integration_period_15_to_30_gives_a_profile_with_right_time_stamps_and_energies()
    {
        // ×3600: an hour of load a wall second; start 2025-05-14 08:00 UTC (10:00 local, CEST = UTC+2).
        // Balanced load 6555.18 W (Profile_fetch test): 1638.8 Wh a quarter hour, 3277.6 Wh a half hour.
        const double Watts = 6555.18;
        using var meter = new MeterUnderTest(speed: 3600);
        meter.WaitUntil(h => h.Meter.Periods.ProfileEntries >= 4, "4 profile intervals of 15 min");
        var (code, output, error) = meter.Tool("configure", "--integration-period", "30", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(30, meter.Host.Inspect(h => h.Meter.Period.Minutes));
        // When the meter took the change: its ParameterChange event (UTC, seconds), as local seconds.
        long changeLocal = meter.Host.Inspect(h =>
        {
            for (int age = 0; age < h.Meter.Storage.Events.Count; age++)
            {
                var e = new EventRecord();
                if (h.Meter.Storage.Events.TryRead(age, e) && e.Kind == EventKind.ParameterChange && e.Detail == Meter.Core.IntegrationPeriodSetting.EventDetail)
                {
                    Assert.Equal((15L, 30L), (e.OldValue, e.NewValue));
                    return h.Meter.TimeRule.ToLocal(Meter.Clock.UnixTime.ToSeconds(e.Time)).LocalSeconds;
                }
            }
            throw new InvalidOperationException("no integration-period event");
        });
        long entriesAtChange = meter.Host.Inspect(h => h.Meter.Periods.ProfileEntries);
        meter.WaitUntil(h => h.Meter.Periods.ProfileEntries >= entriesAtChange + 4, "4 more profile intervals");

        string dir = Path.Combine(Path.GetTempPath(), "e2e-period-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string csv = Path.Combine(dir, "p.csv");
            (code, output, error) = meter.Tool("profile", "--csv", csv, "--png", Path.Combine(dir, "p.png"), "--billing-csv", Path.Combine(dir, "b.csv"), "--password", MeterUnderTest.Password);
            Assert.True(code == 0, error + output);
            // time (local, yyyy-MM-dd HH:mm), status (hex), A+ kWh (exact Wh / 1000), …
            var rows = File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => (
                Local: (long)(DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) - DateTime.UnixEpoch).TotalSeconds,
                Status: Convert.ToInt32(f[1], 16),
                Wh: decimal.Parse(f[2], CultureInfo.InvariantCulture) * 1000)).ToList();
            string all = string.Join("\n", File.ReadAllLines(csv));
            long start = (long)(new DateTime(2025, 5, 14, 10, 0, 0) - DateTime.UnixEpoch).TotalSeconds;
            long lastQuarter = changeLocal - changeLocal % 900; // the last 15-min boundary before the change
            long firstHalf = changeLocal - changeLocal % 1800 + 1800; // the first 30-min boundary after it
            double Expected(long seconds) => Watts * seconds / 3600;
            const double Tolerance = 6; // two 1-s cycles at 1.82 Wh each, plus the Wh rounding

            int i = 0;
            // 15-min intervals from 10:00 local up to the last quarter before the change.
            for (long t = start + 900; t <= lastQuarter; t += 900, i++)
            {
                Assert.True(rows[i].Local == t, $"row {i}: {all}");
                Assert.InRange((double)rows[i].Wh, Expected(900) - Tolerance, Expected(900) + Tolerance);
            }
            long previous = lastQuarter;
            if (changeLocal / 60 * 60 > lastQuarter)
            {
                // The running interval closed at the change (minute resolution), marked Incomplete (0x04), with
                // the energy up to the change's second.
                Assert.True(rows[i].Local == changeLocal / 60 * 60, $"closing row {i}: {all}");
                Assert.Equal(IntervalStatus.Incomplete, rows[i].Status & IntervalStatus.Incomplete);
                Assert.InRange((double)rows[i].Wh, Expected(changeLocal - lastQuarter) - Tolerance, Expected(changeLocal - lastQuarter) + Tolerance);
                previous = changeLocal;
                i++;
            }
            // The first 30-min interval ends on the first half-hour boundary, short (unless the change was on one).
            Assert.True(rows[i].Local == firstHalf, $"first 30-min row {i}: {all}");
            Assert.InRange((double)rows[i].Wh, Expected(firstHalf - previous) - Tolerance, Expected(firstHalf - previous) + Tolerance);
            if (previous % 1800 != 0) Assert.Equal(IntervalStatus.Incomplete, rows[i].Status & IntervalStatus.Incomplete);
            i++;
            // Then full 30-min intervals, one period apart.
            Assert.True(rows.Count - i >= 2, all);
            for (long t = firstHalf + 1800; i < rows.Count; t += 1800, i++)
            {
                Assert.True(rows[i].Local == t, $"row {i}: {all}");
                Assert.InRange((double)rows[i].Wh, Expected(1800) - Tolerance, Expected(1800) + Tolerance);
                Assert.Equal(0, rows[i].Status & IntervalStatus.Incomplete);
            }
            Assert.Contains("intervals of 15/30 min", output); // the periods of the headers, oldest first
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Configure_display_list_shows_the_new_reading_on_the_LCD_and_a_bad_list_is_refused()
    {
        var lcd = new Meter.Simulation.CapturedLcd();
        using var meter = new MeterUnderTest(lcd: lcd);
        // A list naming an object the meter does not have is refused with (ER10), and nothing changes.
        var (code, output, error) = meter.Tool("configure", "--display-list", "32.7.0,1-0:99.99.9", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("ER10", error + output);
        Assert.Equal(5, meter.Host.Inspect(h => h.Meter.Display.AutomaticList.Count)); // the default list

        (code, output, error) = meter.Tool("configure", "--display-list", "32.7.0,1.8.0", "--alternate-list", "1.8.0,2.8.0,14.7.0",
            "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(new[] { "32.7.0", "1.8.0" }, // ObisCode.ToString gives A = 1, B = 0 codes in the reduced form
            meter.Host.Inspect(h => Enumerable.Range(0, h.Meter.Display.AutomaticList.Count).Select(i => h.Meter.Display.AutomaticList[i].ToString()).ToArray()));
        Assert.Equal(3, meter.Host.Inspect(h => h.Meter.Display.ManualList.Count));
        // The LCD shows the first new reading: ID "32.7.0" as the digits 3270 (the points are separate segments),
        // the voltage of the balanced load, 230 V, in 0.1 V digits (the point a segment too): 2300 ± 2 %.
        // The first metering cycle may not have run yet (the commands take well under a second with the
        // meter's 20 ms reaction time): until it has, the voltage is unavailable ("-").
        meter.WaitUntil(h => new string(lcd.Frame.Id) == "3270   " && !new string(lcd.Frame.Value).Contains('-'), "the LCD showing 32.7.0 measured");
        string value = meter.Host.Inspect(h => new string(lcd.Frame.Value));
        Assert.InRange(int.Parse(value.Trim(), CultureInfo.InvariantCulture), 2254, 2346);
        Assert.Equal(2, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ParameterChange)));
    }

    [Fact]
    public void Read_list_shows_the_lists_configure_wrote_and_its_configure_line_writes_them_again()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("configure", "--display-list", "1-0:32.7.0,1.8.0,2.8.0", "--holidays", "12-25,25-05-14",
            "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("read-list", "display", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        // The entries as the meter holds them, 1-0 codes in the reduced form, then the option that writes them.
        Assert.Equal(new[] { "0-0:21.0.1 normal display list: 3 entries", "01;32.7.0", "02;1.8.0", "03;2.8.0", "configure --display-list 32.7.0,1.8.0,2.8.0" },
            Lines(output));
        (code, output, error) = meter.Tool("read-list", "holidays", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(new[] { "0-0:11.0.0 holidays: 2 entries", "01;12-25", "02;25-05-14", "configure --holidays 12-25,25-05-14" }, Lines(output));
        // Nothing written: the working day the meter uses (T1 06:00 – 22:00).
        (code, output, error) = meter.Tool("read-list", "tariff-switches", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(new[] { "0-0:13.0.0 working-day tariff switching times: 2 entries", "01;06:00;1", "02;22:00;2", "configure --tariffs 06:00=1,22:00=2" },
            Lines(output));
        // The printed line written back is accepted and the list stays the same.
        (code, output, error) = meter.Tool("configure", "--tariffs", "06:00=1,22:00=2", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(new[] { 6 * 60 * 8, 22 * 60 * 8 + 1 }, meter.Host.Inspect(h => h.Meter.Settings.WorkingDaySwitches));
        // An R1 entry number that is not two digits is refused with (ER09).
        (code, output, error) = meter.Tool("read", "0-0:21.0.1", "--param", "1", "--password", MeterUnderTest.Password);
        Assert.Equal(2, code);
        Assert.Contains("ER09", error + output);
    }

    private static string[] Lines(string output) => output.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Configure_readout_list_sets_the_data_sets_of_the_readout()
    {
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("configure", "--readout-list", "0-0:96.1.0,1.8.0;2", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        (code, output, error) = meter.Tool("readout", "--csv");
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.1.0,12345678", output);
        Assert.Contains("\n1.8.0,", output.Replace("\r", ""));
        Assert.DoesNotContain("32.7.0", output); // the voltages of the default readout are gone
        // An empty readout list is refused (ER10): the readout keeps its two data sets.
        (code, output, error) = meter.Tool("write", "0-0:21.0.0", "01;", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("ER10", error + output);
        Assert.Equal(2, meter.Host.Inspect(h => h.Meter.Readout.Count));
    }

    [Fact]
    public void Configure_tariff_control_hands_the_tariff_to_the_input_pin_reads_back_and_a_bad_code_gets_ER10()
    {
        // Start Wednesday 2025-05-14 10:00 CEST: the timetable gives T1; DD 13 puts I/O 2 in charge (energised = T2).
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("configure", "--tariff-control", "inputs:13", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:128.4.0(113) written", output);
        (code, output, error) = meter.Tool("read", "0-0:128.4.0", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:128.4.0(113)", output);

        meter.Host.SetTariffInputs(false, true);
        meter.WaitUntil(h => h.Meter.ActiveTariff == 1, "tariff T2 from the energised I/O 2");
        (code, output, error) = meter.Tool("read", "0-0:96.14.0", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.14.0(2)", output);

        // DD 05 (pulse in / A+ out) has no tariff input: the meter refuses it, nothing changes.
        (code, output, error) = meter.Tool("write", "0-0:128.4.0", "105", "--password", MeterUnderTest.Password);
        Assert.NotEqual(0, code);
        Assert.Contains("ER10", error + output);
        Assert.Equal(113, meter.Host.Inspect(h => h.Meter.Settings.TariffControlCode));

        (code, output, error) = meter.Tool("configure", "--tariff-control", "register", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        meter.WaitUntil(h => h.Meter.ActiveTariff == 0, "register control starting in T1");
        Assert.Equal(2, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ParameterChange))); // one a change
    }

    [Fact]
    public void Configure_holidays_gives_that_date_the_Sunday_tariff()
    {
        // Start Wednesday 2025-05-14 08:00 UTC = 10:00 CEST: a working day, day tariff T1.
        using var meter = new MeterUnderTest();
        var (code, output, error) = meter.Tool("read", "0-0:96.14.0", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.14.0(1)", output);
        (code, output, error) = meter.Tool("configure", "--holidays", "12-25,25-05-14", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Equal(new[] { 1225, 20250514 }, meter.Host.Inspect(h => h.Meter.Settings.Holidays));
        // From the next metering cycle the tariff is the Sunday one, T2, read back over the optical port.
        meter.WaitUntil(h => h.Meter.ActiveTariff == 1, "tariff T2 on the holiday");
        (code, output, error) = meter.Tool("read", "0-0:96.14.0", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        Assert.Contains("0-0:96.14.0(2)", output);
        // "none" clears the table: T1 again.
        (code, output, error) = meter.Tool("configure", "--holidays", "none", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        meter.WaitUntil(h => h.Meter.ActiveTariff == 0, "tariff T1 without holidays");
    }

    [Fact]
    public void Set_clock_moves_the_meter_clock_logs_it_and_marks_the_profile()
    {
        using var meter = new MeterUnderTest();
        // Local time (CET, GMT code 01; 2025-03-01 is winter time): 12:34:56 local = 11:34:56 UTC.
        long setsBefore = meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ClockSet)); // the factory setting
        var (code, output, error) = meter.Tool("set-clock", "--time", "2025-03-01 12:34:56", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output);
        long expected = new DateTimeOffset(2025, 3, 1, 11, 34, 56, TimeSpan.Zero).ToUnixTimeSeconds();
        long utc = meter.Host.Inspect(h => h.Meter.UtcSeconds);
        Assert.InRange(utc, expected, expected + 5); // the meter ran on for up to a few seconds since
        Assert.Equal(setsBefore + 1, meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.ClockSet)));
        Assert.True(meter.Host.Inspect(h => h.Meter.Clock.Status.IsValid));
        // A jump of months closes the running profile interval, marked "clock set".
        var statuses = meter.Host.Inspect(h =>
        {
            var reader = new LoadProfileReader(h.Meter.Storage.Profile);
            var e = new ProfileEntry(4);
            var s = new List<int>();
            while (reader.Next(e)) s.Add(e.Status);
            return s;
        });
        Assert.Contains(statuses, s => (s & IntervalStatus.ClockSet) != 0);
    }

    [Fact]
    public void Profile_fetch_writes_the_intervals_to_csv_and_draws_the_chart()
    {
        // ×3600: an hour of load a wall second; start 2025-05-14 08:00 UTC (10:00 local, summer time).
        using var meter = new MeterUnderTest(speed: 3600);
        meter.WaitUntil(h => h.Meter.Periods.ProfileEntries >= 10, "10 profile intervals");
        string dir = Path.Combine(Path.GetTempPath(), "e2e-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string csv = Path.Combine(dir, "p.csv"), png = Path.Combine(dir, "p.png"), billing = Path.Combine(dir, "b.csv");
            var (code, output, error) = meter.Tool("profile", "--csv", csv, "--png", png, "--billing-csv", billing, "--password", MeterUnderTest.Password);
            Assert.True(code == 0, error + output);
            Assert.True(new FileInfo(png).Length > 1000, "chart file too small");
            // A PNG file: the 8-byte signature of PNG (ISO/IEC 15948 §5.2) then the IHDR chunk.
            byte[] head = File.ReadAllBytes(png)[..16];
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(head, 12, 4));
            var rows = File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0).ToArray();
            Assert.True(rows.Length >= 8, string.Join("\n", rows));
            // Each full quarter hour of the balanced load: 6555.18 W / 4 = 1.639 kWh of A+ (3 decimals, truncated).
            int full = rows.Count(r => r.Contains(",1.638,") || r.Contains(",1.639,"));
            Assert.True(full >= rows.Length - 1, string.Join("\n", rows));
            Assert.Equal(1, meter.Host.Inspect(h => h.Meter.ProfileRequests.Requests));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Calibration_of_a_mis_gained_chip_brings_it_within_a_tenth_of_a_percent()
    {
        // The simulated chip's current channels read 2 % high; the rig applies 230 V, 52 A, PF 1
        // on every phase (the "reference" load: 40 % of the 130 A full scale). Seal open:
        // calibration is legal data. The reference is the load the simulation applies, not any
        // reading of the meter: 52 A, 230 V, and 3 × 230 V × 52 A × 1 = 35 880 W of true power.
        using var meter = new MeterUnderTest(load: "reference", speed: 1, sealOpen: true, currentGainError: 0.02);
        meter.WaitUntil(h => h.Meter.Metering.MeasurementsValid, "first instantaneous values");
        for (int phase = 0; phase < 3; phase++)
            Assert.InRange(ReadCurrent(meter, phase), 52m * 1.019m, 52m * 1.021m); // 2 % high before
        double before = RegisteredOverTrueEnergy(meter, seconds: 3);
        Assert.InRange(before, 1.019, 1.021); // the energy registers count 2 % too much as well
        int resets = meter.Host.Inspect(h => h.Board.Chip.Resets);

        var (code, output, error) = meter.Tool("calibrate", "--phase", "all", "--voltage", "230", "--current", "52",
            "--settle-ms", "2500", "--password", MeterUnderTest.Password);
        Assert.True(code == 0, error + output); // exit 0 = MeterTool verified every phase within ±0.1 %
        for (int phase = 0; phase < 3; phase++)
        {
            Assert.InRange(ReadCurrent(meter, phase), 52m * 0.999m, 52m * 1.001m);
            Assert.InRange(ReadVoltage(meter, phase), 230m * 0.999m, 230m * 1.001m);
        }
        // What the customer is billed for: A+ registered over 5 s against the true energy.
        double after = RegisteredOverTrueEnergy(meter, seconds: 5);
        Assert.InRange(after, 0.999, 1.001);
        Assert.True(meter.Host.Inspect(h => h.Meter.Storage.Events.CountOf(EventKind.LegalDataChange)) >= 3);
        // The gains went into the running ADE7880 in place: it was never reset (a reset drops its unread energy).
        Assert.Equal(resets, meter.Host.Inspect(h => h.Board.Chip.Resets));
    }

    /// <summary>
    /// A+ (total, in mWh) registered over the next <paramref name="seconds"/> of virtual time,
    /// divided by the true energy of the reference load over the same cycles:
    /// 35 880 W × Δt ms / 3600 = mWh (e.g. 1 s → 9 966.7 mWh; 0.1 % of 5 s is 50 mWh, far above the register's resolution).
    /// </summary>
    private static double RegisteredOverTrueEnergy(MeterUnderTest meter, int seconds)
    {
        var (e0, t0) = EnergyAndTime(meter);
        meter.WaitUntil(h => h.VirtualMilliseconds >= t0 + seconds * 1000L, $"{seconds} s of virtual time");
        var (e1, t1) = EnergyAndTime(meter);
        double trueMwh = 35880.0 * (t1 - t0) / 3600.0;
        return (e1 - e0) / trueMwh;
    }

    private static (long Mwh, long VirtualMs) EnergyAndTime(MeterUnderTest meter) => meter.Host.Inspect(h =>
        (h.Meter.Metering.Accumulator.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, -3), h.VirtualMilliseconds));

    private static decimal ReadVoltage(MeterUnderTest meter, int phase) => meter.Host.Inspect(h =>
    {
        var m = h.Meter.Metering;
        return (decimal)Meter.Hal.Ade7880.Ade7880Scaling.Measurement.RmsToMilli(m.Measurements.VoltageRms[phase], m.NominalVoltageMillivolts) / 1000m;
    });

    private static decimal ReadCurrent(MeterUnderTest meter, int phase) => meter.Host.Inspect(h =>
    {
        var m = h.Meter.Metering;
        return (decimal)Meter.Hal.Ade7880.Ade7880Scaling.Measurement.RmsToMilli(m.Measurements.CurrentRms[phase], m.NominalCurrentMilliamps) / 1000m;
    });
}
