namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// The simulated chip's energy accumulation step (ADE7880 data sheet Rev. A, "Active Energy
/// Calculation"): accumulator += power × ticks (power in 1/2^16 code units, ticks of fs =
/// 1.024 MHz); every whole multiple of THR × 2^27 (THR = WTHR, VARTHR or VATHR) taken out of it
/// is one LSB of the energy register, truncated towards zero (the remainder keeps the sum's sign).
/// </summary>
public static class ThresholdAccumulation
{
    /// <summary>Fraction bits of the power codes fed to the accumulator.</summary>
    public const int PowerFraction = 16;

    /// <summary>
    /// The reference step: exact in 64-bit integers when every operand and the sum fit (a 1-s
    /// step of any in-range power does), in 128-bit otherwise: the same integers either way.
    /// Returns the counts taken out.
    /// </summary>
    public static long Add(ref Int128 accumulator, long fixedPower, long dTicks, uint thr)
    {
        // 64-bit path: THR < 2^19 (limit < 2^62), accumulator and product within ±2^62.
        if (thr < (1u << (63 - 27 - PowerFraction - 1)) && accumulator >= long.MinValue / 2 && accumulator <= long.MaxValue / 2)
        {
            long limit64 = (long)thr << (27 + PowerFraction);
            long high = Math.BigMul(fixedPower, dTicks, out long low);
            if ((high == 0 && low >= 0 && low <= long.MaxValue / 2) || (high == -1 && low < 0 && low >= long.MinValue / 2))
            {
                long sum = (long)accumulator + low; // both within ±2^62: no overflow
                long n = sum / limit64;
                accumulator = sum - n * limit64;
                return n;
            }
        }
        Int128 limit = (Int128)thr << (27 + PowerFraction);
        accumulator += (Int128)fixedPower * dTicks;
        long counts = (long)(accumulator / limit);
        accumulator -= counts * limit;
        return counts;
    }
}
