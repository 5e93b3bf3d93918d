using Meter.Boards;
using Meter.Core;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;
using Meter.Metrology;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// The energy path from IRQ0 (docs/timing-budget.md "IRQ0 to the registers"): nanoFramework delivers the GPIO event on
/// its own thread and the meter thread takes the flag at its next 10 ms tick, later still when a tick overruns, and
/// misses the IRQ altogether when it comes during a long stall (the thread then runs the cycle on its fallback time).
/// The chip accumulates in its energy registers until they are read with reset, so a late or missed cycle only moves
/// counts to the next read: none is lost or counted twice.
/// </summary>
public class IrqLatencyTests
{
    private static (SimulatedBoard Board, ElectricityMeter Meter) Start()
    {
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        var board = SimulatedBoard.For(preset, MeterRig.WednesdayMidnightLocal).Build();
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.Validate();
        var meter = new ElectricityMeter(settings, board.Hardware());
        meter.Start(0, MeterRig.WednesdayMidnightLocal);
        for (int p = 0; p < 3; p++) board.Chip.Phases[p].Set(new PhaseLoad(230, 10 + 5 * p, 25));
        return (board, meter);
    }

    /// <summary>Runs the meter to <paramref name="endMs"/> with a cycle at each of <paramref name="cycleTimesMs"/> (ascending), then one at the end.</summary>
    private static void Run(SimulatedBoard board, ElectricityMeter meter, IEnumerable<long> cycleTimesMs, long endMs)
    {
        long now = 0;
        foreach (long at in cycleTimesMs.Append(endMs))
        {
            board.Chip.Advance((at - now) * 1000);
            board.Rtc.Advance(TimeSpan.FromMilliseconds(at - now));
            now = at;
            meter.OnEnergyReady(now);
            meter.Tick(now);
        }
    }

    [Fact]
    public void Late_and_missed_cycles_over_an_hour_count_every_chip_count_once()
    {
        const long hourMs = 3_600_000;
        var rng = new Random(21);
        // IRQ every second; taken 0-10 ms late by the tick, sometimes 300 ms late (an LCD or NV write in the tick),
        // one in ten missed (the next one takes two seconds), and one stall of 30 s (the watchdog allows 5 s, so this is
        // beyond what the device survives: the chip still holds the energy).
        var irregular = new List<long>();
        for (long s = 1; s < 3600; s++)
        {
            if (s > 1200 && s < 1230) continue; // the stall
            if (rng.Next(10) == 0) continue;    // missed IRQ
            long delay = rng.Next(11) + (rng.Next(20) == 0 ? 300 : 0);
            irregular.Add(s * 1000 + delay);
        }
        var (regularBoard, regular) = Start();
        var (lateBoard, late) = Start();
        Run(regularBoard, regular, Enumerable.Range(1, 3599).Select(s => s * 1000L), hourMs);
        Run(lateBoard, late, irregular, hourMs);

        for (int p = 0; p < 3; p++)
        {
            long chipCounts = lateBoard.Chip.TotalCounts[SimulatedAde7880.Active, p];
            Assert.Equal(regularBoard.Chip.TotalCounts[SimulatedAde7880.Active, p], chipCounts); // the same energy reached both chips
            Assert.Equal(0, lateBoard.Chip.LostCounts[SimulatedAde7880.Active, p]);
            Assert.Equal(0, lateBoard.Chip.OverwrittenCounts[SimulatedAde7880.Active, p]);
            // Read with reset at the end: every count the chip made is in the meter's register, once.
            Assert.Equal(chipCounts, late.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, p));
            Assert.Equal(regular.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, p),
                late.Metering.Accumulator.GetCounts(EnergyRegister.ActiveImport, p));
        }
        Assert.True(chipCountsPositive(lateBoard), "the load made energy");

        static bool chipCountsPositive(SimulatedBoard b) => b.Chip.TotalCounts[SimulatedAde7880.Active, 0] > 0;
    }
}
