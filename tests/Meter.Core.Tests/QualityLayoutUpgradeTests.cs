using Meter.Boards;
using Meter.Hal.Simulation.Ade7880;
using Meter.Hal.Simulation.Board;
using Meter.Hal.Simulation.Storage;
using Meter.Storage;

namespace Meter.Core.Tests;

/// <summary>
/// A meter that ran without quality measurement (layout 7) gets a firmware with it (layout 9): the energy registers,
/// billing counter, event log and counters are what they were, the load profile restarts (logged), the analysis
/// logger starts logging.
/// </summary>
public class QualityLayoutUpgradeTests
{
    private static readonly DateTime Start = new(2025, 1, 13, 0, 0, 0, DateTimeKind.Utc);

    private static (ElectricityMeter Meter, Action<int> Seconds) Run(RamNvMemory memory, bool quality, DateTime start)
    {
        MeterPreset preset = MeterPresets.ByName("direct-5-105a");
        SimulatedBoard board = SimulatedBoard.For(preset, start).WithNvMemory(memory).WithoutInputs().Build();
        var load = new PhaseLoad(230, 10, 18.19);
        for (int p = 0; p < 3; p++) board.Chip.Phases[p].Set(load);
        MeterSettings settings = PresetSettings.FromPreset(preset);
        settings.QualityMeasurement = quality;
        var meter = new ElectricityMeter(settings, board.Hardware());
        meter.Start(0, start);
        long now = 0;
        void Seconds(int count)
        {
            for (int i = 0; i < count; i++)
            {
                board.Chip.Advance(1_000_000);
                board.Rtc.Advance(TimeSpan.FromSeconds(1));
                now += 1000;
                meter.OnEnergyReady(now);
                meter.Tick(now);
            }
        }
        return (meter, Seconds);
    }

    [Fact]
    public void Switching_quality_on_keeps_registers_billing_and_events_and_restarts_the_profile()
    {
        var memory = new RamNvMemory(SimulatedBoard.NvBytes);
        var (before, seconds) = Run(memory, quality: false, Start);
        seconds(2 * 3600);
        before.OnMainsFail(2 * 3600 * 1000L + 10);
        var registers = Enumerable.Range(0, RegisterRecord.Length).Select(i => before.Storage.Registers[i]).ToArray();
        long powerDowns = before.Storage.Events.CountOf(EventKind.PowerDown), powerUps = before.Storage.Events.CountOf(EventKind.PowerUp);
        int billing = before.BillingPeriodCounter;
        Assert.True(before.Storage.Profile.IsStarted);
        Assert.True(registers[0] > 0, "the load imported energy");

        var (after, run) = Run(memory, quality: true, Start.AddHours(2).AddSeconds(5));
        Assert.True(after.Recovery.QualityAreaAdded);
        Assert.Equal(7, after.Recovery.UpgradedFromVersion);
        // The registers as saved at the mains failure (the start saves them again unchanged but for the clock's values).
        for (int i = 0; i < RegisterRecord.UtcSeconds; i++) Assert.Equal(registers[i], after.Storage.Registers[i]);
        Assert.Equal(billing, after.BillingPeriodCounter);
        Assert.Equal(powerDowns, after.Storage.Events.CountOf(EventKind.PowerDown));
        Assert.Equal(powerUps + 1, after.Storage.Events.CountOf(EventKind.PowerUp));
        Assert.Equal(1, after.Storage.Events.CountOf(EventKind.StorageRepair));
        run(21 * 60);
        Assert.True(after.Storage.Analysis!.HasEntries);
        Assert.True(after.Storage.Profile.IsStarted);
    }
}
