using CsCheck;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// The simulated chip's division-free accumulation step must give exactly the counts and
/// remainders of the reference step (<see cref="ThresholdAccumulation.Add"/>, exact integer
/// arithmetic, itself checked against the data sheet by <see cref="EnergyTests"/>), for runs of
/// equal steps, sign changes, THR changes, the 128-bit range and zero THR.
/// </summary>
public class AccumulationIncrementTests
{
    [Fact]
    public void Same_counts_and_remainder_as_the_reference_step()
    {
        // A power code at full scale is PMAX = 27 059 678 (× 2^16 fraction, up to ±2 with gains);
        // a 1-s step is 1 024 000 ticks. Larger values and THR ≥ 2^19 take the 128-bit paths.
        var power = Gen.OneOf(Gen.Long[-2L * 27059678 << 16, 2L * 27059678 << 16], Gen.Long[-1000, 1000], Gen.Long[long.MinValue / 4, long.MaxValue / 4]);
        var ticks = Gen.OneOf(Gen.Const(1_024_000L), Gen.Long[1, 1_024_001], Gen.Long[1, 1L << 40]);
        var thr = Gen.OneOf(Gen.Const(45u), Gen.UInt[0, 255], Gen.UInt[(1u << 19) - 2, (1u << 19) + 2], Gen.UInt);
        var run = Gen.Select(power, ticks, thr, Gen.Int[1, 40]);
        run.Array[1, 12].Sample(runs =>
        {
            Int128 reference = 0, fast = 0;
            var increment = new AccumulationIncrement();
            foreach (var (p, t, th, repeat) in runs)
            {
                for (int i = 0; i < repeat; i++)
                {
                    long expected = th == 0 ? 0 : ThresholdAccumulation.Add(ref reference, p, t, th);
                    long actual = th == 0 ? 0 : increment.Add(ref fast, p, t, th);
                    Assert.Equal(expected, actual);
                    Assert.Equal(reference, fast);
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_constant_load_over_one_second_steps_by_hand()
    {
        // THR = 45: limit = 45 × 2^43 = 395 824 185 999 360. Power 1 000 000 × 2^16 = 65 536 000 000
        // over 1 024 000 ticks adds 67 108 864 000 000 000 a step = 169 × limit + 214 576 566 108 160
        // (169 × 395 824 185 999 360 = 66 894 287 433 891 840).
        Int128 accumulator = 0;
        var increment = new AccumulationIncrement();
        Assert.Equal(169, increment.Add(ref accumulator, 65_536_000_000, 1_024_000, 45));
        Assert.Equal((Int128)214_576_566_108_160, accumulator);
        // Step 2: 2 × 214 576 566 108 160 = 429 153 132 216 320 ≥ limit: 170 counts, 33 328 946 216 960 left.
        Assert.Equal(170, increment.Add(ref accumulator, 65_536_000_000, 1_024_000, 45));
        Assert.Equal((Int128)33_328_946_216_960, accumulator);
        // Export from that positive remainder: 33 328 946 216 960 − 67 108 864 000 000 000 =
        // −67 075 535 053 783 040 = −169 × limit − 181 247 619 891 200 (truncation towards zero,
        // the remainder takes the sum's sign).
        Assert.Equal(-169, increment.Add(ref accumulator, -65_536_000_000, 1_024_000, 45));
        Assert.Equal((Int128)(-181_247_619_891_200), accumulator);
    }
}
