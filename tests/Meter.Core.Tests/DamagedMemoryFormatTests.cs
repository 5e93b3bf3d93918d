using Meter.Boards;
using Meter.Hal;
using Meter.Hal.Simulation.Board;
using Meter.Obis;
using Meter.Storage;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// NV memory that holds data but no readable format record (damage, or another device's data) is
/// formatted at power-up, and everything it held is lost: unlike a new meter's blank memory, that is
/// a storage-repair event of the whole memory, bit 0x04 of the error register 0-0:97.97.0 (readable on
/// the optical port) and the LCD's error screen.
/// </summary>
public class DamagedMemoryFormatTests
{
    [Fact]
    public void Damaged_memory_formatted_at_power_up_is_an_event_an_error_register_bit_and_an_error_screen()
    {
        var (board, meter, lcd) = StartOn(memory =>
        {
            var noise = new byte[memory.Size];
            new Random(16).NextBytes(noise);
            memory.Write(0, noise, 0, noise.Length);
        });
        using (board)
        {
            Assert.True(meter.Recovery.Formatted);
            Assert.True(meter.Recovery.DamagedMemoryFormatted);
            var repair = Repairs(meter).Single(e => e.Detail == StorageArea.Memory);
            Assert.Equal(1L, repair.NewValue);
            Assert.Equal(MeterStatusWords.ErrorStorageFormatted, meter.ErrorWord & MeterStatusWords.ErrorStorageFormatted);
            // Noise also fails both format slots' checks: torn slots discarded, the "repaired" bit 0x02 beside it.
            Assert.Equal("(00000006)", MeterRig.ValueText(meter, StandardObjects.ErrorRegister));

            RunSeconds(board, meter, 80);
            Assert.Contains(lcd.Shown, f => f.Id == "FF     " && f.Value == "Err     6" && (f.Symbols & LcdSymbols.Error) != 0);
        }
    }

    [Fact]
    public void A_blank_memory_is_a_new_meter_formatted_without_an_error()
    {
        var (board, meter, lcd) = StartOn(_ => { });
        using (board)
        {
            Assert.True(meter.Recovery.Formatted);
            Assert.False(meter.Recovery.DamagedMemoryFormatted);
            Assert.DoesNotContain(Repairs(meter), e => e.Detail == StorageArea.Memory);
            Assert.Equal(0, meter.ErrorWord);
            RunSeconds(board, meter, 80);
            Assert.DoesNotContain(lcd.Shown, f => (f.Symbols & LcdSymbols.Error) != 0);
        }
    }

    private static (SimulatedBoard Board, ElectricityMeter Meter, RecordingPanel Lcd) StartOn(Action<INvMemory> prepare)
    {
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        var board = SimulatedBoard.For(preset, MeterRig.WednesdayMidnightLocal).Build();
        prepare(board.Nv);
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.Validate();
        var lcd = new RecordingPanel();
        var meter = new ElectricityMeter(settings, board.Hardware(lcd));
        meter.Start(0, MeterRig.WednesdayMidnightLocal);
        return (board, meter, lcd);
    }

    private static void RunSeconds(SimulatedBoard board, ElectricityMeter meter, int seconds)
    {
        for (long ms = 1_000; ms <= seconds * 1_000L; ms += 1_000)
        {
            board.Chip.Advance(1_000_000);
            board.Rtc.Advance(TimeSpan.FromSeconds(1));
            meter.OnEnergyReady(ms);
            meter.Tick(ms);
        }
    }

    private static List<EventRecord> Repairs(ElectricityMeter meter)
    {
        var found = new List<EventRecord>();
        var events = meter.Storage.Events;
        for (int age = 0; age < events.Count; age++)
        {
            var r = new EventRecord();
            Assert.True(events.TryRead(age, r));
            if (r.Kind == EventKind.StorageRepair) found.Add(r);
        }
        return found;
    }
}
