using Meter.Hal;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Clock;
using Meter.Hal.Simulation.Pins;
using Meter.Hal.Simulation.Storage;

namespace Meter.Core.Tests;

/// <summary>The metering cycle allocates nothing after start-up (nanoFramework's GC stops the world).</summary>
public class AllocationTests
{
    /// <summary>Passes frames to the simulated chip and counts what the chip (host code) allocates answering them.</summary>
    private sealed class SpiAllocationMeter(SimulatedAde7880 chip) : ISpiDevice
    {
        public long AllocatedInside;

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            chip.TransferFullDuplex(writeBuffer, readBuffer);
            AllocatedInside += GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Theory]
    [InlineData(int.MaxValue, false)] // energy path only
    [InlineData(1, false)]            // + instantaneous values every cycle
    [InlineData(1, true)]             // + tamper inputs sampled every tick, tariff inputs every cycle (module-input control)
    public void Metering_cycle_and_tick_allocate_nothing_after_warm_up(int measurementInterval, bool inputsFitted)
    {
        var start = new DateTime(2025, 1, 14, 23, 0, 0, DateTimeKind.Utc);
        MeterSettings settings = PresetSettings.FromPresetName("direct-5-105a");
        if (inputsFitted) settings.TariffControlCode = TariffControlSetting.ForInputs(13); // 2 tariffs on I/O 2
        var chip = new SimulatedAde7880(settings.FullScaleVoltageMillivolts / 1000.0, settings.FullScaleCurrentMilliamps / 1000.0);
        // A different load on each phase (issue 3: a register read from the wrong phase must not pass unnoticed).
        chip.Phases[0].Set(new PhaseLoad(230, 10, 18.19));
        chip.Phases[1].Set(new PhaseLoad(228, 7, 25));
        chip.Phases[2].Set(new PhaseLoad(233, 12, -10));
        var spi = new SpiAllocationMeter(chip);
        var rtc = new VirtualRtc(start);
        var meter = new ElectricityMeter(settings, new MeterHardware
        {
            MeteringSpi = spi, MeteringReset = chip.ResetPin, MeteringPm0 = chip.Pm0Pin, MeteringPm1 = chip.Pm1Pin,
            MeteringIrq0 = chip.Irq0Pin, MeteringIrq1 = chip.Irq1Pin, Delay = new VirtualDelay(chip),
            Rtc = rtc, NvMemory = new RamNvMemory(131072), S0Output = new VirtualOutputPin(),
            // At rest: cover on (low), no field (high), I/O 1 energised (low), I/O 2 not (high).
            TerminalCoverSwitch = inputsFitted ? new VirtualInputPin(false) : null,
            MagneticSensor = inputsFitted ? new VirtualInputPin(true) : null,
            TariffInput1 = inputsFitted ? new VirtualInputPin(false) : null,
            TariffInput2 = inputsFitted ? new VirtualInputPin(true) : null,
        }) { MeasurementIntervalCycles = measurementInterval };
        meter.Start(0, start);
        if (inputsFitted) Assert.Equal(Meter.Clock.TariffControlMode.ModuleInputs, meter.Tariffs.Mode);
        long now = 0;
        void Second()
        {
            chip.Advance(1_000_000);
            rtc.Advance(TimeSpan.FromSeconds(1));
            now += 1000;
        }
        for (int i = 0; i < 1200; i++) { Second(); meter.OnEnergyReady(now); meter.Tick(now); } // warm-up: JIT, first profile intervals

        long total = 0;
        spi.AllocatedInside = 0;
        for (int i = 0; i < 1800; i++) // 30 min: two profile boundaries (forced saves, appends) included
        {
            Second();
            long before = GC.GetAllocatedBytesForCurrentThread();
            meter.OnEnergyReady(now);
            meter.Tick(now);
            total += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, total - spi.AllocatedInside);
    }
}
