using System.Numerics;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

/// <summary>No overflow in 50 years at maximum power, proven by computation and by running the registers there.</summary>
public class OverflowTests
{
    private const long SecondsIn50Years = 50L * 36525 * 864; // 50 × 365.25 d × 86 400 s = 1 577 880 000 s

    [Fact]
    public void Chip_count_rate_bound_fills_less_than_a_thousandth_of_64_bits_in_50_years()
    {
        // ADE7880: one count per WTHR × 2^27 of accumulated power at fs = 1.024 MHz; full-scale power PMAX = 27 059 678.
        // Worst case: WTHR = 1 (register minimum), +100 % power gain: 1 024 000 × 2 × 27 059 678 / 2^27 ≈ 412 898 counts/s per phase.
        BigInteger perPhasePerSecond = BigInteger.Divide(new BigInteger(1_024_000) * 2 * 27_059_678 + (1 << 27) - 1, 1 << 27);
        Assert.Equal(412_898, (long)perPhasePerSecond);
        BigInteger fiftyYearsThreePhases = perPhasePerSecond * 3 * SecondsIn50Years; // ≈ 1.95 × 10^15
        Assert.True(fiftyYearsThreePhases * 1000 < long.MaxValue, $"{fiftyYearsThreePhases} counts leave less than 1000× headroom");
    }

    public static TheoryData<string, long, long, int, int, int, int> Meters50Years => new()
    {
        // name, energy per count num/den Wh, max secondary W per phase, CT primary/secondary, cycles
        // Counts per second stay below the chip bound above (412 898/s per phase).
        // 5(105) A direct: 105 A × 264.5 V (230 V + 15 %) = 27 772.5 W per phase, rounded up to 27 773 W;
        // 1 count = 0.1 W·s = 1/36 000 Wh → 277 730 counts/s.
        { "Kamstrup 382 5(105) A direct", 1, 36_000, 27_773, 5, 5, 0 },
        // 3000/5 A CT, 5(6) A: 6 A × 264.5 V = 1 587 W per phase secondary (952 kW primary); 1 count = 0.01 W·s → 158 700 counts/s.
        { "Kamstrup 351 3000/5 A CT", 1, 360_000, 1_587, 3000, 5, 0 },
    };

    [Theory]
    [MemberData(nameof(Meters50Years))]
    public void Registers_and_readings_stay_exact_after_50_years_at_maximum_power(string name, long num, long den, int wattsPerPhase, int primary, int secondary, int unused)
    {
        _ = unused;
        var constant = new EnergyConstant(num, den);
        // counts per 1-s cycle per phase = W × 1 s / (num/den Wh × 3600 s/h)
        long countsPerCycle = wattsPerPhase * den / (num * 3600);
        Assert.True(countsPerCycle < int.MaxValue, name);
        long phaseCounts50y = countsPerCycle * SecondsIn50Years;
        long totalCounts50y = 3 * phaseCounts50y;
        Assert.True(totalCounts50y < long.MaxValue / 1000, $"{name}: {totalCounts50y} counts in 50 years");

        // Put the registers where 50 years of full load would leave them and run one more hour.
        var ratio = new CurrentTransformerRatio(primary, secondary);
        var acc = new EnergyAccumulator(new MeteringConfiguration(ConnectionType.ThreePhaseFourWire, PhaseSummation.VectorSum, constant, constant, constant, 1, ratio, 0));
        var snapshot = new long[EnergyAccumulator.SnapshotLength];
        foreach (var r in new[] { EnergyRegister.ActiveImport, EnergyRegister.ApparentImport })
        {
            for (int ph = 0; ph < 3; ph++) snapshot[(int)r * 4 + ph] = phaseCounts50y;
            snapshot[(int)r * 4 + 3] = totalCounts50y;
        }
        snapshot[40] = totalCounts50y; // tariff T1 A+
        acc.RestoreFrom(snapshot);
        int c = (int)countsPerCycle;
        for (int i = 0; i < 3600; i++) acc.Cycle(c, c, c, 0, 0, 0, c, c, c, tariff: 0);

        BigInteger counts = (BigInteger)totalCounts50y + 3L * c * 3600;
        Assert.Equal(counts, (BigInteger)acc.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
        // Primary mWh = counts × num/den × primary/secondary × 1000, exact floor.
        BigInteger expectedPrimaryMilliWh = counts * num * primary * 1000 / (den * secondary);
        Assert.Equal(expectedPrimaryMilliWh, (BigInteger)acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, -3));
        Assert.Equal(expectedPrimaryMilliWh, (BigInteger)acc.ReadTariffActiveImport(0, true, -3));
        // The finest reading, primary µWh (scaler −6), still fits: 3000/5 A: 3 × 1587 W × 600 × 438 300 h = 1.25 × 10^12 Wh
        // = 1.25 × 10^18 µWh < 9.22 × 10^18.
        BigInteger expectedPrimaryMicroWh = counts * num * primary * 1_000_000 / (den * secondary);
        Assert.True(expectedPrimaryMicroWh < long.MaxValue, $"{name}: {expectedPrimaryMicroWh} µWh");
        Assert.Equal(expectedPrimaryMicroWh, (BigInteger)acc.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, -6));
        // An S0 output at the highest constant (100 000 imp/kWh, primary) would owe floor(E × imp) pulses after 50 years:
        // 1.25 × 10^9 kWh × 10^5 = 1.25 × 10^14 pulses, far inside its 64-bit counters.
        BigInteger pulses50y = counts * num * primary * 100_000 / (den * secondary * 1000);
        Assert.True(pulses50y < long.MaxValue / 1000, $"{name}: {pulses50y} pulses");
    }

    [Fact]
    public void Pulse_output_created_on_a_50_year_register_counts_the_next_hour_exactly()
    {
        // 3000/5 A CT at 3 × 1587 W secondary (1 count = 0.01 W·s), registers preset to 50 years of that load, then
        // one hour: 3 × 158 700 × 3600 = 1 713 960 000 counts = 4761 Wh secondary = 2 856 600 Wh primary;
        // at 100 000 imp/kWh primary: floor(2 856 600 × 100) = 285 660 000 pulses due (the backlog bound drops most, counted).
        var constant = new EnergyConstant(1, 360_000);
        var acc = new EnergyAccumulator(new MeteringConfiguration(ConnectionType.ThreePhaseFourWire, PhaseSummation.VectorSum, constant, constant, constant, 1, new CurrentTransformerRatio(3000, 5), 0));
        long phase50y = 158_700L * SecondsIn50Years;
        var snapshot = new long[EnergyAccumulator.SnapshotLength];
        for (int ph = 0; ph < 3; ph++) snapshot[(int)EnergyRegister.ActiveImport * 4 + ph] = phase50y;
        snapshot[(int)EnergyRegister.ActiveImport * 4 + 3] = 3 * phase50y;
        snapshot[40] = 3 * phase50y;
        acc.RestoreFrom(snapshot);
        var s0 = new PulseOutput(new RecordingPin(), acc, new PulseOutputSettings(EnergyRegister.ActiveImport, 100_000, true, 30, 1_000_000, NoLoadIndication.Off));
        for (int i = 0; i < 3600; i++)
        {
            acc.Cycle(158_700, 158_700, 158_700, 0, 0, 0, 0, 0, 0);
            s0.Update(i * 1000L);
        }
        Assert.Equal(285_660_000, s0.DuePulses);
        Assert.Equal(s0.DuePulses, s0.EmittedPulses + s0.PendingPulses + s0.DroppedPulses);
    }
}
