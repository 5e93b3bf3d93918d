namespace Meter.Metrology
{
    /// <summary>
    /// Exact integer helpers for the rational energy conversions: a 64×64-bit product is
    /// formed in 128 bits and divided back down, so no intermediate overflows and no
    /// floating point is ever used. The common case (the product fits in 63 bits) takes a
    /// fast path with native <c>long</c> division.
    /// </summary>
    public static class WideArithmetic
    {
        /// <summary>Returns floor(<paramref name="a"/> × <paramref name="b"/> / <paramref name="divisor"/>).</summary>
        /// <param name="a">Non-negative factor.</param>
        /// <param name="b">Non-negative factor.</param>
        /// <param name="divisor">Positive divisor.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A negative factor, a divisor ≤ 0, or a quotient above <see cref="long.MaxValue"/>.</exception>
        public static long MultiplyDivide(long a, long b, long divisor)
        {
            long remainder;
            return MultiplyAddDivide(a, b, 0, divisor, out remainder);
        }

        /// <summary>
        /// Returns floor((<paramref name="a"/> × <paramref name="b"/> + <paramref name="addend"/>) / <paramref name="divisor"/>)
        /// and the remainder of that division.
        /// </summary>
        /// <param name="a">Non-negative factor.</param>
        /// <param name="b">Non-negative factor.</param>
        /// <param name="addend">Non-negative value added to the product (e.g. a remainder carried from the previous call).</param>
        /// <param name="divisor">Positive divisor.</param>
        /// <param name="remainder">The remainder, 0 ≤ remainder &lt; divisor.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A negative input, a divisor ≤ 0, or a quotient above <see cref="long.MaxValue"/>.</exception>
        public static long MultiplyAddDivide(long a, long b, long addend, long divisor, out long remainder)
        {
            if (a < 0) throw new System.ArgumentOutOfRangeException("a", "factor must not be negative");
            if (b < 0) throw new System.ArgumentOutOfRangeException("b", "factor must not be negative");
            if (addend < 0) throw new System.ArgumentOutOfRangeException("addend", "addend must not be negative");
            if (divisor <= 0) throw new System.ArgumentOutOfRangeException("divisor", "divisor must be positive");

            // Fast path: a·b + addend fits in a signed 64-bit value.
            if (a == 0 || b <= (long.MaxValue - addend) / a)
            {
                long n = a * b + addend;
                remainder = n % divisor;
                return n / divisor;
            }

            ulong high;
            ulong low;
            Multiply((ulong)a, (ulong)b, out high, out low);
            ulong sumLow = low + (ulong)addend;
            if (sumLow < low) high++;
            low = sumLow;

            ulong d = (ulong)divisor;
            if (high >= d) throw new System.ArgumentOutOfRangeException("divisor", "quotient does not fit in 64 bits");

            // Restoring long division of the 128-bit value by d, one bit at a time. The partial
            // remainder stays below d < 2^63, so shifting it left by one never overflows.
            ulong quotient = 0;
            ulong rest = high;
            for (int bit = 63; bit >= 0; bit--)
            {
                rest = (rest << 1) | ((low >> bit) & 1UL);
                quotient <<= 1;
                if (rest >= d)
                {
                    rest -= d;
                    quotient |= 1UL;
                }
            }

            if (quotient > (ulong)long.MaxValue) throw new System.ArgumentOutOfRangeException("divisor", "quotient does not fit in a signed 64-bit value");
            remainder = (long)rest;
            return (long)quotient;
        }

        /// <summary>Returns <paramref name="a"/> × <paramref name="b"/> for non-negative values, or throws when it does not fit in 63 bits.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A negative factor or an overflowing product.</exception>
        public static long CheckedMultiply(long a, long b)
        {
            if (a < 0 || b < 0) throw new System.ArgumentOutOfRangeException("a", "factors must not be negative");
            if (a != 0 && b > long.MaxValue / a) throw new System.ArgumentOutOfRangeException("b", "product does not fit in a signed 64-bit value");
            return a * b;
        }

        /// <summary>Greatest common divisor of two non-negative values (Euclid).</summary>
        public static long GreatestCommonDivisor(long a, long b)
        {
            while (b != 0)
            {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        /// <summary>10 to the power <paramref name="exponent"/> (0 … 18).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Exponent outside 0 … 18.</exception>
        public static long PowerOfTen(int exponent)
        {
            if (exponent < 0 || exponent > 18) throw new System.ArgumentOutOfRangeException("exponent", "must be 0 … 18");
            long value = 1;
            for (int i = 0; i < exponent; i++) value *= 10;
            return value;
        }

        private static void Multiply(ulong a, ulong b, out ulong high, out ulong low)
        {
            ulong aLow = a & 0xFFFFFFFFUL;
            ulong aHigh = a >> 32;
            ulong bLow = b & 0xFFFFFFFFUL;
            ulong bHigh = b >> 32;

            ulong lowLow = aLow * bLow;
            ulong lowHigh = aLow * bHigh;
            ulong highLow = aHigh * bLow;
            ulong highHigh = aHigh * bHigh;

            ulong middle = (lowLow >> 32) + (lowHigh & 0xFFFFFFFFUL) + (highLow & 0xFFFFFFFFUL);
            low = (middle << 32) | (lowLow & 0xFFFFFFFFUL);
            high = highHigh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);
        }
    }
}
