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

        /// <summary>Largest leg accepted by <see cref="RoundedHypotenuse"/>, 2^62 (so that a + b fits in 63 bits).</summary>
        public const long MaximumHypotenuseLeg = 1L << 62;

        /// <summary>
        /// Returns √(<paramref name="a"/>² + <paramref name="b"/>²) rounded to the nearest integer (an exact
        /// half cannot occur for integers): the vector apparent energy of a cycle from its active and reactive
        /// energy. The square sum is formed in 128 bits and the root found by bisection between max(a, b)
        /// and a + b, so no floating point is used.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A negative leg or one above <see cref="MaximumHypotenuseLeg"/>.</exception>
        public static long RoundedHypotenuse(long a, long b)
        {
            if (a < 0 || a > MaximumHypotenuseLeg) throw new System.ArgumentOutOfRangeException("a", "leg must be 0 … 2^62");
            if (b < 0 || b > MaximumHypotenuseLeg) throw new System.ArgumentOutOfRangeException("b", "leg must be 0 … 2^62");
            ulong aHigh;
            ulong aLow;
            ulong bHigh;
            ulong bLow;
            Multiply((ulong)a, (ulong)a, out aHigh, out aLow);
            Multiply((ulong)b, (ulong)b, out bHigh, out bLow);
            ulong xLow = aLow + bLow;
            ulong xHigh = aHigh + bHigh + (xLow < aLow ? 1UL : 0UL);

            // floor(√x) lies in [max(a, b), a + b]: the largest r there with r² ≤ x.
            long low = a > b ? a : b;
            long high = a + b;
            while (low < high)
            {
                long middle = low + (high - low + 1) / 2;
                if (CompareProduct(middle, middle, xHigh, xLow) <= 0) low = middle;
                else high = middle - 1;
            }
            // (r + ½)² = r² + r + ¼, so for an integer x the root rounds up exactly when x > r(r + 1).
            return CompareProduct(low, low + 1, xHigh, xLow) < 0 ? low + 1 : low;
        }

        /// <summary>Sign of (<paramref name="a"/> × <paramref name="b"/>) − (<paramref name="high"/>·2^64 + <paramref name="low"/>) for non-negative factors.</summary>
        private static int CompareProduct(long a, long b, ulong high, ulong low)
        {
            ulong productHigh;
            ulong productLow;
            Multiply((ulong)a, (ulong)b, out productHigh, out productLow);
            if (productHigh != high) return productHigh < high ? -1 : 1;
            if (productLow != low) return productLow < low ? -1 : 1;
            return 0;
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
