using Meter.Boards;
using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;

namespace Meter.Core.Tests;

/// <summary>
/// The parts of the 10 ms tick budget (docs/timing-budget.md) a host can check: the metering chip's bus traffic per
/// cycle, counted through the SPI seam. At the board's 2 MHz ADE7880 clock a byte is 4 µs on the bus.
/// </summary>
public class TickBudgetTests
{
    /// <summary>Budgets of docs/timing-budget.md: energy cycle ≤ 24 frames / 170 bytes (measured 24 / 166); with the
    /// instantaneous values ≤ 64 frames / 440 bytes (measured 56 / 370, room for the harmonic scan's extra frames).</summary>
    private const int EnergyFrames = 24, EnergyBytes = 170, MeasuredFrames = 64, MeasuredBytes = 440;

    internal sealed class CountingSpi(SimulatedAde7880 chip) : ISpiDevice
    {
        public long Frames, Bytes;

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            Frames++;
            Bytes += writeBuffer.Length;
            chip.TransferFullDuplex(writeBuffer, readBuffer);
        }
    }

    private static (long Frames, long Bytes) PerCycle(int measurementInterval)
    {
        var start = new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, start).Build();
        for (int p = 0; p < 3; p++) board.Chip.Phases[p].Set(new PhaseLoad(230, 10, 18.19));
        var spi = new CountingSpi(board.Chip);
        var meter = new ElectricityMeter(PresetSettings.FromPreset(preset), board.Hardware(meteringSpi: spi)) { MeasurementIntervalCycles = measurementInterval };
        meter.Start(0, start);
        long now = 0;
        void Cycle() { board.Chip.Advance(1_000_000); board.Rtc.Advance(TimeSpan.FromSeconds(1)); now += 1000; meter.OnEnergyReady(now); meter.Tick(now); }
        for (int i = 0; i < 60; i++) Cycle();
        // 100 cycles inside one 15-min interval (no profile boundary: that is NV traffic, not the chip's).
        spi.Frames = spi.Bytes = 0;
        for (int i = 0; i < 100; i++) Cycle();
        return (spi.Frames / 100, spi.Bytes / 100);
    }

    [Fact]
    public void The_energy_cycle_stays_within_its_bus_budget()
    {
        var (frames, bytes) = PerCycle(int.MaxValue);
        Assert.InRange(frames, 1, EnergyFrames);
        Assert.InRange(bytes, 1, EnergyBytes);
    }

    [Fact]
    public void The_cycle_with_the_instantaneous_values_stays_within_its_bus_budget()
    {
        var (frames, bytes) = PerCycle(1);
        Assert.InRange(frames, EnergyFrames, MeasuredFrames);
        Assert.InRange(bytes, EnergyBytes, MeasuredBytes);
    }
}
