using Meter.Boards;
using Meter.Clock;
using Meter.Hal;
using Meter.Hal.Simulation.Board;
using Meter.Obis;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Issue 6: a boot with an RTC that lost its backup restores the last stored time, marks it
/// invalid, and says so where a reader looks: on the display (status screen "C.5.0") and in
/// the readout (status word 0-0:96.5.0 bit 0), until the clock is set.
/// </summary>
public class ClockQualityTests
{
    [Fact]
    public void Boot_after_backup_loss_shows_the_invalid_time_on_the_display_and_in_the_readout_until_set()
    {
        string state = MeterRig.TempState();
        try
        {
            long storedUtc;
            using (var first = MeterRig.Start("balanced", state))
            {
                first.RunFor(TimeSpan.FromMinutes(30));
                first.Stop(); // mains-fail save: the registers and the time are in NV memory
                storedUtc = first.Meter.UtcSeconds;
                Assert.Equal(0, first.Meter.StatusWord & MeterStatusWords.StatusClockInvalid);
            }

            // Second power-up: the supercap went flat while the meter was off.
            MeterPreset preset = MeterPresets.ByName("direct-5-105a");
            using var board = SimulatedBoard.For(preset, MeterRig.WednesdayMidnightLocal).WithNvFile(state).Build();
            board.Rtc.LoseBackup();
            MeterSettings settings = PresetSettings.FromPreset(preset);
            settings.Validate();
            var lcd = new RecordingPanel();
            var meter = new ElectricityMeter(settings, board.Hardware(lcd));
            meter.Start(0, MeterRig.WednesdayMidnightLocal);

            // The stored time came back, marked invalid, and the restore is an event.
            Assert.Equal(storedUtc, meter.UtcSeconds);
            Assert.Equal(TimeQuality.InvalidBackupLost, meter.Clock.Quality);
            Assert.Equal(ClockSetSource.RestoredAfterBackupLoss, meter.Clock.Status.LastSetSource);
            Assert.Equal(2, meter.Storage.Events.CountOf(EventKind.ClockSet)); // factory setting + this restore

            // Readout: 0-0:96.5.0 in 8 hex digits, bit 0 = clock invalid (January: no summer-time bit).
            Assert.Equal("(00000001)", MeterRig.ValueText(meter, StandardObjects.StatusRegister));

            // Display: the automatic list has 5 readings (10 s each), then the status screen at
            // 50 s: ID "C.5.0", value "01". The error symbol stays off (no critical error).
            for (long ms = 1_000; ms <= 60_000; ms += 1_000)
            {
                board.Chip.Advance(1_000_000);
                board.Rtc.Advance(TimeSpan.FromSeconds(1));
                meter.OnEnergyReady(ms);
                meter.Tick(ms);
            }
            Assert.Contains(lcd.Shown, f => f.Id == "C50    " && f.Value == "       01");
            Assert.DoesNotContain(lcd.Shown, f => (f.Symbols & LcdSymbols.Error) != 0);

            // Setting the clock makes the time valid: the status bit and the status screen go.
            Assert.True(meter.SetClock(storedUtc + 3_600));
            Assert.True(meter.Clock.Status.IsValid);
            Assert.Equal("(00000000)", MeterRig.ValueText(meter, StandardObjects.StatusRegister));
            lcd.Shown.Clear();
            for (long ms = 61_000; ms <= 130_000; ms += 1_000)
            {
                board.Chip.Advance(1_000_000);
                board.Rtc.Advance(TimeSpan.FromSeconds(1));
                meter.OnEnergyReady(ms);
                meter.Tick(ms);
            }
            Assert.NotEmpty(lcd.Shown);
            Assert.DoesNotContain(lcd.Shown, f => f.Id == "C50    ");
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".rtc");
        }
    }

    [Fact]
    public void On_backup_power_the_display_shows_the_battery_list()
    {
        var lcd = new RecordingPanel();
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            Start = MeterRig.WednesdayMidnightLocal,
        }, lcd);
        host.RunFor(TimeSpan.FromSeconds(5));
        host.Meter.OnMainsFail(5_000);
        lcd.Shown.Clear();
        host.Meter.Tick(5_000);
        // Battery list: 1.8.0 first, battery symbol lit, then the button steps to 2.8.0, 1.8.1, 1.8.2.
        Assert.Equal("180    ", lcd.Shown[^1].Id);
        Assert.NotEqual("         ", lcd.Shown[^1].Value);
        Assert.True((lcd.Shown[^1].Symbols & LcdSymbols.Battery) != 0);
        string[] expected = ["280    ", "181    ", "182    ", "180    "];
        for (int i = 0; i < expected.Length; i++)
        {
            host.Meter.PressButton(6_000 + i * 1_000);
            Assert.Equal(expected[i], lcd.Shown[^1].Id);
        }
    }
}
