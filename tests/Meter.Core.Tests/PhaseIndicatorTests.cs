using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Simulation;

namespace Meter.Core.Tests;

/// <summary>
/// Issue 9: a phase indicator is on while the phase registers energy and flashes while voltage
/// is present but the current is below the metering cut-off (Kamstrup 382 "Mains voltage reading").
/// </summary>
public class PhaseIndicatorTests
{
    private sealed class LastFramePanel : ILcdPanel
    {
        public int Symbols { get; private set; }

        public void Show(LcdFrame frame) => Symbols = frame.Symbols;
    }

    [Fact]
    public void Indicator_is_on_exactly_while_the_phase_meters_and_flashes_below_the_cut_off()
    {
        var lcd = new LastFramePanel();
        using var host = new VirtualMeterHost(new VirtualMeterOptions
        {
            Preset = "direct-5-105a",
            Load = "balanced",
            Optical = "none",
            Start = MeterRig.WednesdayMidnightLocal,
        }, lcd);
        var m = host.Meter;

        // L3 at 230 V, 60 mA, PF 1: 13.8 W. Above the starting current of the 5(105) A meter
        // (0.4 % of 5 A = 20 mA, IEC 62053-21), so it meters, but below 0.1 % of the 130 A full
        // scale (130 mA), the cut-off the indicator used before. The starting gate judges a 55-s window (Meter.Metrology
        // StartingGate: 21 counts of 10.03 W·s): 13.8 W = 1.376 counts/s reaches 21 counts after 16 s.
        host.Board.Chip.Phases[2].Set(new PhaseLoad(230, 0.060, 0));
        host.RunFor(TimeSpan.FromSeconds(20));
        Assert.True(m.Metering.Accumulator.IsPhaseRunning(2));
        long t = host.VirtualMilliseconds;
        m.Tick(t + 500); // the dark half-second of a flash (MeterIndicators.FlashHalfPeriodMs)
        Assert.Equal(LcdSymbols.L1 | LcdSymbols.L2 | LcdSymbols.L3, lcd.Symbols & (LcdSymbols.L1 | LcdSymbols.L2 | LcdSymbols.L3));

        // L3 at 230 V, 5 mA: 1.15 VA, below the starting threshold: nothing metered, L3 flashes. The phase stops once
        // its window no longer holds the 60-mA seconds: 55 s at most.
        host.Board.Chip.Phases[2].Set(new PhaseLoad(230, 0.005, 0));
        host.RunFor(TimeSpan.FromSeconds(60));
        Assert.False(m.Metering.Accumulator.IsPhaseRunning(2));
        t = host.VirtualMilliseconds;
        m.Tick(t + 500);
        Assert.Equal(LcdSymbols.L1 | LcdSymbols.L2, lcd.Symbols & (LcdSymbols.L1 | LcdSymbols.L2 | LcdSymbols.L3));
        m.Tick(t + 1_000);
        Assert.Equal(LcdSymbols.L1 | LcdSymbols.L2 | LcdSymbols.L3, lcd.Symbols & (LcdSymbols.L1 | LcdSymbols.L2 | LcdSymbols.L3));

        // No voltage on L3: off in both halves.
        host.Board.Chip.Phases[2].Set(PhaseLoad.Off());
        host.RunFor(TimeSpan.FromSeconds(3));
        t = host.VirtualMilliseconds;
        m.Tick(t + 500);
        Assert.Equal(0, lcd.Symbols & LcdSymbols.L3);
        m.Tick(t + 1_000);
        Assert.Equal(0, lcd.Symbols & LcdSymbols.L3);
    }
}
