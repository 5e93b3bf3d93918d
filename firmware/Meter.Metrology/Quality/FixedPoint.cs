namespace Meter.Metrology.Quality
{
    /// <summary>
    /// Integer square root and sine/cosine for the quality quantities: the device's runtime has no
    /// System.Math, and the ESP32 has no double-precision unit, so these work on integers alone.
    /// </summary>
    public static class FixedPoint
    {
        /// <summary>One in the Q16 format of <see cref="SinQ16"/> and <see cref="CosQ16"/>.</summary>
        public const int One = 65536;

        // sin(k°) × 65536, k = 0..90, rounded.
        private static readonly int[] SineTable =
        {
            0, 1144, 2287, 3430, 4572, 5712, 6850, 7987, 9121, 10252,
            11380, 12505, 13626, 14742, 15855, 16962, 18064, 19161, 20252, 21336,
            22415, 23486, 24550, 25607, 26656, 27697, 28729, 29753, 30767, 31772,
            32768, 33754, 34729, 35693, 36647, 37590, 38521, 39441, 40348, 41243,
            42126, 42995, 43852, 44695, 45525, 46341, 47143, 47930, 48703, 49461,
            50203, 50931, 51643, 52339, 53020, 53684, 54332, 54963, 55578, 56175,
            56756, 57319, 57865, 58393, 58903, 59396, 59870, 60326, 60764, 61183,
            61584, 61966, 62328, 62672, 62997, 63303, 63589, 63856, 64104, 64332,
            64540, 64729, 64898, 65048, 65177, 65287, 65376, 65446, 65496, 65526,
            65536,
        };

        /// <summary>floor(√<paramref name="value"/>) of a non-negative value.</summary>
        public static long Sqrt(long value)
        {
            if (value < 0) throw new System.ArgumentOutOfRangeException("value", "square root of a negative value");
            if (value < 2) return value;
            // Bitwise method: one result bit per step, no division.
            long result = 0;
            long bit = 1L << 62;
            while (bit > value) bit >>= 2;
            while (bit != 0)
            {
                if (value >= result + bit)
                {
                    value -= result + bit;
                    result = (result >> 1) + bit;
                }
                else result >>= 1;
                bit >>= 2;
            }
            return result;
        }

        /// <summary>
        /// sin of an angle in hundredths of a degree, × 65536; a 1° table with linear interpolation
        /// (error below 1 × 10⁻⁴ of full scale).
        /// </summary>
        public static int SinQ16(int centidegrees)
        {
            int a = centidegrees % 36000;
            if (a < 0) a += 36000;
            int sign = 1;
            if (a >= 18000) { a -= 18000; sign = -1; }
            if (a > 9000) a = 18000 - a;
            int whole = a / 100, fraction = a % 100;
            int value = whole == 90 ? One : SineTable[whole] + (SineTable[whole + 1] - SineTable[whole]) * fraction / 100;
            return sign * value;
        }

        /// <summary>cos of an angle in hundredths of a degree, × 65536.</summary>
        public static int CosQ16(int centidegrees)
        {
            return SinQ16(centidegrees + 9000);
        }

        /// <summary>⌊<paramref name="a"/> / <paramref name="b"/>⌋ for a positive <paramref name="b"/> (C# division truncates towards zero).</summary>
        public static long FloorDiv(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && a < 0) ? q - 1 : q;
        }

        /// <summary>Rounded <paramref name="numerator"/> / <paramref name="denominator"/> for non-negative numerator and positive denominator.</summary>
        public static long DivideRounded(long numerator, long denominator)
        {
            return (numerator + denominator / 2) / denominator;
        }
    }
}
