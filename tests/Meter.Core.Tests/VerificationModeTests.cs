using Meter.Display;
using Meter.Hal;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Verification (test-rig) mode on the assembled meter (issue 4): seal-guarded, logged, finer display,
/// test LED (ADE7880 CF1) at 10 × the meter constant, energy registers untouched, ends by itself.
/// </summary>
public class VerificationModeTests
{
    // direct-5-105a (see LedCalibrationTests): 1 count = 588 780 056 / 211 403 734 375 Wh = 2.785 098 mWh.
    // Nameplate 1000 imp/kWh → CF1DEN 359. Verification × 10 = 10 000 imp/kWh: 1000 / (10 000 × 2.785 098 mWh)
    // = 35.905 → CF1DEN 36; the LED then gives 1000 / (36 × 2.785 098 mWh) = 9973.718 imp/kWh,
    // error = 9973.718 / 10 000 − 1 = −2 628 248.9 ppb (−0.263 %).
    private const int NormalCfDen = 359;
    private const int VerificationCfDen = 36;
    private const long VerificationErrorPpb = -2_628_249;

    private sealed class LastFramePanel : ILcdPanel
    {
        public string Id = "", Value = "";
        public void Show(LcdFrame frame) { Id = new string(frame.Id); Value = new string(frame.Value); }
    }

    /// <summary>1 kW per phase at PF 1 (3 kW in all) from 2025-01-14 23:00 UTC on.</summary>
    private static string ConstantLoadFile()
    {
        string file = Path.Combine(Path.GetTempPath(), "verification-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(file, new[]
        {
            "start_utc,p_l1_w,p_l2_w,p_l3_w,q_l1_var,q_l2_var,q_l3_var",
            "2025-01-14T23:00:00Z,1000,1000,1000,0,0,0",
        });
        return file;
    }

    private static VirtualMeterHost Host(string scenario, bool sealOpen, string? state = null, ILcdPanel? lcd = null) =>
        new(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Optical = "none",
            ScenarioFile = scenario,
            StateFile = state,
            SealOpen = sealOpen,
            DisplayDecimalsCode = 1, // 7.0: whole kWh in normal operation
            Start = MeterRig.WednesdayMidnightLocal,
        }, lcd);

    private static long LegalChanges(ElectricityMeter m) => m.Storage.Events.CountOf(EventKind.LegalDataChange);

    [Fact]
    public void Seal_closed_refuses_and_changes_nothing()
    {
        string file = ConstantLoadFile();
        try
        {
            using var host = Host(file, sealOpen: false);
            host.RunFor(TimeSpan.FromMinutes(1));
            var m = host.Meter;
            long checksum = MeterRig.Ade7880(m).Checksum;
            Assert.Equal(ObisWriteResult.SealClosed, m.SetVerificationMode(true));
            Assert.False(m.Verification.IsEnabled);
            Assert.Equal(NormalCfDen, m.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(1000, m.Metering.LedImpulsesPerKilowattHour);
            Assert.Equal(DisplayDecimals.Digits7Decimals0, m.Display.Format.Decimals);
            Assert.Equal(checksum, MeterRig.Ade7880(m).Checksum);
            Assert.Equal(0, LegalChanges(m));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Seal_open_gives_the_finer_display_and_the_LED_at_ten_times_the_constant()
    {
        string file = ConstantLoadFile();
        try
        {
            var lcd = new LastFramePanel();
            using var host = Host(file, sealOpen: true, lcd: lcd);
            host.RunFor(TimeSpan.FromMinutes(2));
            var m = host.Meter;
            long normalChecksum = MeterRig.Ade7880(m).Checksum;
            // 3 kW × 2 min = 100 Wh: 7.0 shows "0" kWh. One press shows 1-0:1.8.0 (first of the manual list) for 2 min.
            host.PressButton();
            string id = lcd.Id;
            Assert.Equal("        0", lcd.Value);

            Assert.Equal(ObisWriteResult.Accepted, m.SetVerificationMode(true));
            Assert.True(m.Verification.IsEnabled);
            Assert.Equal(DisplayDecimals.Digits6Decimals3, m.Display.Format.Decimals);
            // Finer resolution: the same register now shows its Wh (≈ 100 Wh = "0.100" kWh, ± chip rounding).
            Assert.Equal(id, lcd.Id);
            // 6.3: digits of the Wh, the decimal point is a separate segment ("0.099" kWh → "     0099").
            Assert.Equal(MeterRig.Wh(m, EnergyRegister.ActiveImport).ToString("0000").PadLeft(9), lcd.Value);
            Assert.InRange(MeterRig.Wh(m, EnergyRegister.ActiveImport), 99, 101);

            Assert.Equal(10_000, m.Metering.LedImpulsesPerKilowattHour);
            Assert.Equal(VerificationCfDen, m.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(VerificationCfDen, m.Metering.ActiveLedCalibration.CfDen);
            Assert.Equal(VerificationErrorPpb, m.Metering.ActiveLedCalibration.ErrorPartsPerBillion);
            Assert.Equal(NormalCfDen, m.Metering.LedCalibration.CfDen); // the nameplate figure stays reported
            // CHECKSUM covers CF1DEN: the driver took the new one (written in place, no reset).
            Assert.NotEqual(normalChecksum, MeterRig.Ade7880(m).Checksum);

            // The chip's CF remainder (< 359 counts of the old divider) carries over and comes out in the first
            // cycle at the new divider; count from the second cycle on, as a test rig discards the first pulse.
            host.RunFor(TimeSpan.FromSeconds(1));
            long pulsesBefore = host.Board.Chip.CfPulses[0];
            long countsBefore = m.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total);
            host.RunFor(TimeSpan.FromMinutes(6));
            long pulses = host.Board.Chip.CfPulses[0] - pulsesBefore;
            long counts = m.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total) - countsBefore;
            // The CF divider: one pulse per 36 counts of the registered energy (± 1 for the remainder carried over).
            Assert.InRange(pulses, counts / VerificationCfDen - 1, counts / VerificationCfDen + 1);
            // Hand-worked: 3 kW × 6 min = 300 Wh = 0.3 kWh; × 1000 imp/kWh × 10 = 3000 pulses at the exact
            // constant; CF1DEN 36 gives −0.263 %: 3000 × 0.997 372 = 2992.1. Tolerance 0.05 % (1.5 pulses) for the
            // simulated chip's rms rounding, plus the one pulse floor() may drop.
            Assert.InRange(pulses, 2990, 2994);

            Assert.Equal(1, LegalChanges(m));
            Assert.Equal(ObisWriteResult.Accepted, m.SetVerificationMode(false));
            Assert.Equal(NormalCfDen, m.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(normalChecksum, MeterRig.Ade7880(m).Checksum); // same configuration, same checksum
            Assert.Equal(DisplayDecimals.Digits7Decimals0, m.Display.Format.Decimals);
            Assert.Equal(2, LegalChanges(m));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Energy_registers_are_identical_with_and_without_the_mode()
    {
        string file = ConstantLoadFile();
        try
        {
            using var plain = Host(file, sealOpen: true);
            using var tested = Host(file, sealOpen: true);
            plain.RunFor(TimeSpan.FromMinutes(3));
            tested.RunFor(TimeSpan.FromMinutes(3));
            Assert.Equal(ObisWriteResult.Accepted, tested.Meter.SetVerificationMode(true));
            plain.RunFor(TimeSpan.FromMinutes(6));
            tested.RunFor(TimeSpan.FromMinutes(6));
            Assert.Equal(ObisWriteResult.Accepted, tested.Meter.SetVerificationMode(false));
            plain.RunFor(TimeSpan.FromMinutes(3));
            tested.RunFor(TimeSpan.FromMinutes(3));
            // 3 kW × 12 min = 600 Wh in both.
            Assert.InRange(MeterRig.Wh(plain.Meter, EnergyRegister.ActiveImport), 599, 601);
            Assert.Equal(MeterRig.Snapshot(plain.Meter), MeterRig.Snapshot(tested.Meter));
            Assert.Equal(plain.Meter.Metering.S0!.DuePulses, tested.Meter.Metering.S0!.DuePulses);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_mode_ends_by_itself_at_the_timeout_and_the_end_is_logged()
    {
        string file = ConstantLoadFile();
        try
        {
            using var host = Host(file, sealOpen: true);
            var m = host.Meter;
            host.RunFor(TimeSpan.FromMinutes(1));
            Assert.Equal(ObisWriteResult.Accepted, m.SetVerificationMode(true));
            // Default timeout 60 min after switching on.
            Assert.Equal(host.VirtualMilliseconds + 60 * 60_000L, m.VerificationEndsAtMs);
            host.RunFor(TimeSpan.FromMinutes(59));
            Assert.True(m.Verification.IsEnabled);
            host.RunFor(TimeSpan.FromMinutes(1));
            Assert.False(m.Verification.IsEnabled);
            Assert.Equal(NormalCfDen, m.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(1000, m.Metering.LedImpulsesPerKilowattHour);
            Assert.Equal(DisplayDecimals.Digits7Decimals0, m.Display.Format.Decimals);
            Assert.Equal(2, LegalChanges(m));
            var last = new EventRecord();
            Assert.True(m.Storage.Events.TryRead(0, last));
            Assert.Equal(EventKind.LegalDataChange, last.Kind);
            Assert.Equal(VerificationSwitch.TimedOutDetail, last.Detail);
            Assert.Equal(10_000, last.OldValue);
            Assert.Equal(1000, last.NewValue);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_restart_begins_in_normal_mode()
    {
        string file = ConstantLoadFile();
        string state = MeterRig.TempState();
        try
        {
            using (var first = Host(file, sealOpen: true, state: state))
            {
                first.RunFor(TimeSpan.FromMinutes(1));
                Assert.Equal(ObisWriteResult.Accepted, first.Meter.SetVerificationMode(true));
                var switched = new EventRecord();
                Assert.True(first.Meter.Storage.Events.TryRead(0, switched));
                Assert.Equal(VerificationSwitch.SwitchedDetail, switched.Detail);
                Assert.Equal(1000, switched.OldValue);
                Assert.Equal(10_000, switched.NewValue);
                first.RunFor(TimeSpan.FromMinutes(1));
                first.Stop();
            }
            using var second = Host(file, sealOpen: true, state: state);
            Assert.False(second.Meter.Verification.IsEnabled);
            Assert.Equal(NormalCfDen, second.Meter.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(DisplayDecimals.Digits7Decimals0, second.Meter.Display.Format.Decimals);
        }
        finally
        {
            File.Delete(file);
            foreach (string f in Directory.GetFiles(Path.GetDirectoryName(state)!, Path.GetFileName(state) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public void The_optical_port_object_switches_it_with_the_seal_open_only()
    {
        string file = ConstantLoadFile();
        try
        {
            using var host = Host(file, sealOpen: true);
            var m = host.Meter;
            host.RunFor(TimeSpan.FromSeconds(10));
            byte[] on = "1"u8.ToArray(), off = "0"u8.ToArray(), two = "2"u8.ToArray();
            Assert.Equal("(0)", MeterRig.ValueText(m, VerificationSwitch.Code));
            // The table checks the seal of the session (as for calibration): closed → refused, nothing changes.
            Assert.Equal(ObisWriteResult.SealClosed, m.Table.Write(VerificationSwitch.Code, on, 0, 1, grantedLevel: 1, sealOpen: false));
            Assert.Equal(ObisWriteResult.OutOfRange, m.Table.Write(VerificationSwitch.Code, two, 0, 1, grantedLevel: 1, sealOpen: true));
            Assert.False(m.Verification.IsEnabled);
            Assert.Equal(ObisWriteResult.Accepted, m.Table.Write(VerificationSwitch.Code, on, 0, 1, grantedLevel: 1, sealOpen: true));
            Assert.Equal("(1)", MeterRig.ValueText(m, VerificationSwitch.Code));
            Assert.Equal(VerificationCfDen, m.Metering.ChipConfiguration.LedDivider);
            Assert.Equal(ObisWriteResult.Accepted, m.Table.Write(VerificationSwitch.Code, off, 0, 1, grantedLevel: 1, sealOpen: true));
            Assert.False(m.Verification.IsEnabled);
            Assert.Equal(2, LegalChanges(m));
        }
        finally { File.Delete(file); }
    }
    [Fact]
    public void Each_write_over_the_optical_port_is_one_event_with_the_LED_constant_before_and_after()
    {
        string file = ConstantLoadFile();
        try
        {
            using var host = Host(file, sealOpen: true);
            var m = host.Meter;
            host.RunFor(TimeSpan.FromSeconds(5));
            var entries = new List<(int Kind, int Detail, long Old, long New)>();
            // On, on again (restarts the timeout), off, off again: each accepted W1 as the optical server reports it
            // (the table's write, then WriteAccepted with the code to EventRouting).
            foreach (string value in new[] { "1", "1", "0", "0" })
            {
                long logged = m.Storage.Events.TotalLogged;
                byte[] bytes = System.Text.Encoding.ASCII.GetBytes(value);
                Assert.Equal(ObisWriteResult.Accepted, m.Table.Write(VerificationSwitch.Code, bytes, 0, 1, grantedLevel: 1, sealOpen: true));
                m.Events.Record(Meter.Optical.OpticalEventKind.WriteAccepted, 0, VerificationSwitch.Code, 0);
                Assert.Equal(logged + 1, m.Storage.Events.TotalLogged);
                var e = new EventRecord();
                Assert.True(m.Storage.Events.TryRead(0, e));
                entries.Add((e.Kind, e.Detail, e.OldValue, e.NewValue));
            }
            // LED imp/kWh: nameplate 1000, verification × 10 = 10 000.
            int k = EventKind.LegalDataChange, d = VerificationSwitch.SwitchedDetail;
            Assert.Equal(new[] { (k, d, 1000L, 10_000L), (k, d, 10_000L, 10_000L), (k, d, 10_000L, 1000L), (k, d, 1000L, 1000L) }, entries);
        }
        finally { File.Delete(file); }
    }
}
