using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>Bad input is refused with a specific error and leaves every register untouched; snapshots round-trip.</summary>
public class AccumulatorValidationTests
{
    private static long[] State(EnergyAccumulator acc)
    {
        var s = new long[EnergyAccumulator.SnapshotLength];
        acc.SaveTo(s);
        return s;
    }

    [Fact]
    public void Invalid_cycles_change_nothing()
    {
        var acc = Meters.Accumulator(tariffs: 2);
        acc.Cycle(10, 20, 30, 1, 2, 3, 40, 40, 40);
        var before = State(acc);

        Assert.Throws<ArgumentException>(() => acc.AddCycle(new[] { 1, 2 }, new int[3], new int[3], 0, 1000));
        Assert.Throws<ArgumentNullException>(() => acc.AddCycle(new int[3], null!, new int[3], 0, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddCycle(new int[3], new int[3], new[] { 1, -1, 1 }, 0, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddCycle(new int[3], new int[3], new int[3], 2, 1000)); // T3 not configured
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddCycle(new int[3], new int[3], new int[3], 0, 0));

        Assert.Equal(before, State(acc));
    }

    [Fact]
    public void Snapshot_round_trips_and_corrupt_snapshots_are_rejected()
    {
        var acc = Meters.Accumulator(tariffs: 2);
        acc.Cycle(10, -20, 30, 5, -6, 7, 40, 40, 40, tariff: 1);
        acc.Cycle(11, 21, -31, -5, 6, 7, 40, 40, 40, tariff: 0);
        var saved = State(acc);

        var restored = Meters.Accumulator(tariffs: 2);
        restored.RestoreFrom(saved);
        Assert.Equal(saved, State(restored));
        Assert.Equal(acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3), restored.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3));

        var corrupt = (long[])saved.Clone();
        corrupt[(int)EnergyRegister.ReactiveQuadrant1 * 4 + 3] += 1; // R1 no longer adds up to R+
        Assert.Throws<ArgumentException>(() => Meters.Accumulator(tariffs: 2).RestoreFrom(corrupt));

        var negative = (long[])saved.Clone();
        negative[0] = -1;
        Assert.Throws<ArgumentException>(() => Meters.Accumulator(tariffs: 2).RestoreFrom(negative));

        Assert.Throws<InvalidOperationException>(() => acc.RestoreFrom(saved)); // already running
    }

    [Fact]
    public void Ct_ratio_range_and_lock()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CurrentTransformerRatio(3005, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CurrentTransformerRatio(5, 2));
        var ratio = new CurrentTransformerRatio(400, 5);
        ratio.Set(3000, 5);
        ratio.Lock();
        Assert.Throws<InvalidOperationException>(() => ratio.Set(5, 5));
        Assert.Equal(3000, ratio.PrimaryAmps);
    }

    [Fact]
    public void Primary_energy_is_secondary_times_the_ct_ratio()
    {
        // 400/5 A CT: ratio 80. 3600 W·s secondary = 1 Wh secondary = 80 Wh primary.
        var ratio = new CurrentTransformerRatio(400, 5);
        var acc = Meters.Accumulator(ConnectionType.SinglePhase, ratio: ratio);
        acc.Cycle(3600, 0, 0, 0, 0, 0, 3600, 0, 0);
        Assert.Equal(1000, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3)); // mWh
        Assert.Equal(80000, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, -3));
        ratio.Set(3000, 5); // ratio 600: primary re-scales, secondary stays
        Assert.Equal(600, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0));
        Assert.Equal(1, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, 0));
    }

    [Fact]
    public void Remainders_are_kept_across_cycles()
    {
        // 1 count = 1 W·s. 3599 cycles of 1 count read 0 Wh (3599/3600); one more makes exactly 1 Wh.
        var acc = Meters.Accumulator(ConnectionType.SinglePhase);
        for (int i = 0; i < 3599; i++) acc.Cycle(1, 0, 0, 0, 0, 0, 1, 0, 0);
        Assert.Equal(0, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, 0));
        Assert.Equal(999, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, -3)); // 3599/3.6 = 999.7 mWh
        acc.Cycle(1, 0, 0, 0, 0, 0, 1, 0, 0);
        Assert.Equal(1, acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, false, 0));
        Assert.Equal(1, acc.OperatingHours); // 3600 cycles of 1 s
    }
}
