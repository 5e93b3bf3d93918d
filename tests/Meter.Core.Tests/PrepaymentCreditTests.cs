using System.Numerics;
using Meter.Core;
using Meter.Hal.Simulation.Storage;
using Meter.Metrology;
using Meter.Storage;
using Xunit.Abstractions;

namespace Meter.Core.Tests;

/// <summary>The prepayment countdown register: exact over a year of awkward counts and top-ups, and stored without drift.</summary>
public class PrepaymentCreditTests(ITestOutputHelper output)
{
    private static (RamNvMemory Memory, DeviceStateRecord State) OpenState(RamNvMemory? memory = null)
    {
        memory ??= new RamNvMemory(256 * 1024);
        var storage = new MeterStorage(memory, RegisterRecord.Layout(15), new RegisterSavePolicy(Enumerable.Repeat(1L, RegisterRecord.Length).ToArray()));
        storage.Open(new DateTime(2026, 1, 1));
        var state = new DeviceStateRecord(storage.DeviceState);
        state.Restore();
        return (memory, state);
    }

    private static EnergyAccumulator Accumulator(EnergyConstant constant, CurrentTransformerRatio ratio) =>
        new(new MeteringConfiguration(ConnectionType.ThreePhaseFourWire, PhaseSummation.VectorSum, constant, constant, constant, 4, ratio, 0));

    [Theory]
    [InlineData(512L, 7_500_000L, 1, 1)]      // Shelly-style 0.24576 W·s a count, direct meter
    [InlineData(7L, 1_000_003L, 150, 5)]      // a prime denominator on a CT meter 150/5 A
    public void A_year_of_15_min_intervals_with_top_ups_drifts_0_against_exact_rational_arithmetic(long numerator, long denominator, int primary, int secondary)
    {
        var energy = Accumulator(new EnergyConstant(numerator, denominator), new CurrentTransformerRatio(primary, secondary));
        var (_, state) = OpenState();
        var credit = new PrepaymentCredit(energy, state);
        // Some energy before prepayment starts: it must not count.
        energy.AddCycle([1_000_003, 2_000_011, 999_983], [0, 0, 0], [1_000_003, 2_000_011, 999_983], 0, 60_000);
        credit.Start(250_000);
        BigInteger loaded = 250_000, counts = 0;
        double naiveCredit = 250_000; // what a register decremented by each interval's Wh in double would hold
        var random = new Random(2025);
        int[] active = new int[3], reactive = new int[3];
        for (int interval = 0; interval < 365 * 96; interval++)
        {
            double shape = 0.3 + Math.Abs(Math.Sin(Math.PI * (interval % 96) / 96.0)); // a daily curve
            for (int p = 0; p < 3; p++) active[p] = (int)(shape * random.Next(10_000, 400_000));
            energy.AddCycle(active, reactive, active, interval % 4, 900_000);
            long sum = (long)active[0] + active[1] + active[2];
            counts += sum;
            naiveCredit -= (double)sum * numerator * primary / denominator / secondary;
            if (interval % 1000 == 999)
            {
                long topUp = random.Next(1, 100_000);
                credit.Add(topUp);
                loaded += topUp;
                naiveCredit += topUp;
            }
            if (interval % 97 == 0 || interval == 365 * 96 - 1)
            {
                BigInteger consumed = counts * numerator * primary / (denominator * secondary); // floor: all terms positive
                Assert.Equal((long)(loaded - consumed), credit.RemainingWh);
            }
        }
        Assert.Equal((long)counts, credit.ConsumedCounts);
        BigInteger exactConsumedTimesDen = counts * numerator * primary;
        BigInteger den = denominator * secondary;
        output.WriteLine($"consumed {exactConsumedTimesDen / den} Wh in a year, remaining {credit.RemainingWh} Wh; drift 0; a double decremented each interval is off by {naiveCredit - (double)(loaded) + (double)exactConsumedTimesDen / (double)den:E3} Wh");
    }

    [Fact]
    public void The_credit_is_written_only_at_start_and_top_up_not_as_energy_flows()
    {
        var energy = Accumulator(new EnergyConstant(1, 1000), new CurrentTransformerRatio(5, 5));
        var (memory, state) = OpenState();
        var credit = new PrepaymentCredit(energy, state);
        credit.Start(10_000);
        state.Commit();
        long writes = memory.WriteCalls;
        for (int i = 0; i < 1000; i++) energy.AddCycle([1000, 1000, 1000], [0, 0, 0], [1000, 1000, 1000], 0, 1000);
        Assert.False(state.SaveIfChanged());
        Assert.Equal(writes, memory.WriteCalls);
        Assert.Equal(10_000 - 3000, credit.RemainingWh);
        credit.Add(500);
        Assert.True(state.SaveIfChanged());
        var (_, restored) = OpenState(memory);
        Assert.Equal(10_500 - 3000, new PrepaymentCredit(energy, restored).RemainingWh);
    }

    [Fact]
    public void A_top_up_past_the_limit_is_refused()
    {
        var energy = Accumulator(new EnergyConstant(1, 1000), new CurrentTransformerRatio(5, 5));
        var (_, state) = OpenState();
        var credit = new PrepaymentCredit(energy, state);
        credit.Start(PrepaymentCredit.MaximumLoadedWh - 5);
        Assert.True(credit.CanAdd(5));
        Assert.False(credit.CanAdd(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => credit.Add(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => credit.Start(-1));
    }
}
