using System.Runtime.CompilerServices;

namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// One accumulator's increment power × ticks, split once into quotient and remainder of the
/// limit THR × 2^43 while power, step length and THR stay the same (a constant load over 1-s
/// steps): a step is then an addition and a compare instead of a 64-bit division, with exactly
/// the counts and remainder of <see cref="ThresholdAccumulation.Add"/>. Anything else (a new
/// power, step or THR; a sum whose sign the quotient does not share) goes through that.
/// </summary>
public struct AccumulationIncrement
{
    private bool _valid;
    private long _power;
    private long _ticks;
    private uint _threshold;
    private long _limit;
    private long _quotient;
    private long _remainder;

    /// <summary>As <see cref="ThresholdAccumulation.Add"/>, the same result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the hot path is a few compares; the rest is out of line
    public long Add(ref Int128 accumulator, long fixedPower, long dTicks, uint thr)
    {
        if (!_valid || _power != fixedPower || _ticks != dTicks || _threshold != thr)
        {
            if (!Refresh(fixedPower, dTicks, thr)) return ThresholdAccumulation.Add(ref accumulator, fixedPower, dTicks, thr);
        }
        long lim = _limit;
        if (accumulator > -lim && accumulator < lim)
        {
            // sum = accumulator + quotient × limit + remainder = quotient × limit + s. When s and the
            // quotient share a sign, so does the sum, and truncation is floor (ceiling) of s / limit
            // added to the quotient: s lies in (−2·limit, 2·limit), one compare decides it.
            long s = (long)accumulator + _remainder;
            long q = _quotient;
            if (q >= 0 && s >= 0)
            {
                if (s >= lim) { s -= lim; q++; }
                accumulator = s;
                return q;
            }
            if (q <= 0 && s <= 0)
            {
                if (s <= -lim) { s += lim; q--; }
                accumulator = s;
                return q;
            }
        }
        return ThresholdAccumulation.Add(ref accumulator, fixedPower, dTicks, thr);
    }

    /// <summary>Splits power × ticks for <paramref name="thr"/>; false when the reference step must do it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refresh(long fixedPower, long dTicks, uint thr)
    {
        _valid = false;
        // Limits below 2^62 only (THR < 2^19, as the 64-bit reference path): |remainder| and
        // |accumulator| < limit, so their sum stays within ±2^63.
        if (thr == 0 || thr >= (1u << (63 - 27 - ThresholdAccumulation.PowerFraction - 1))) return false;
        Int128 product = (Int128)fixedPower * dTicks;
        Int128 limit = (Int128)thr << (27 + ThresholdAccumulation.PowerFraction);
        Int128 quotient = product / limit; // truncated: the remainder has the product's sign
        if (quotient > long.MaxValue || quotient < long.MinValue) return false;
        _power = fixedPower;
        _ticks = dTicks;
        _threshold = thr;
        _limit = (long)limit;
        _quotient = (long)quotient;
        _remainder = (long)(product - quotient * limit);
        _valid = true;
        return true;
    }
}
