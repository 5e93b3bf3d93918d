using System.Numerics;
using CsCheck;
using Meter.Metrology;

namespace Meter.Metrology.Tests;

public class WideArithmeticTests
{
    [Fact]
    public void Multiply_divide_matches_big_integer_for_random_operands()
    {
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long[0, long.MaxValue], Gen.Long[1, long.MaxValue], Gen.Long[0, long.MaxValue])
            .Sample((a, b, c, add) =>
            {
                BigInteger n = (BigInteger)a * b + add;
                BigInteger q = BigInteger.DivRem(n, c, out BigInteger r);
                if (q > long.MaxValue)
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyAddDivide(a, b, add, c, out _));
                    return;
                }
                long got = WideArithmetic.MultiplyAddDivide(a, b, add, c, out long rem);
                Assert.Equal((long)q, got);
                Assert.Equal((long)r, rem);
            }, iter: 20000);
    }

    [Fact]
    public void Product_beyond_64_bits_is_divided_exactly()
    {
        // 2^62 × 3000 = 4 611 686 018 427 387 904 × 3000 = 13 835 058 055 282 163 712 000 (> 2^64 ≈ 1.8 × 10^19);
        // divided by 10^6: 13 835 058 055 282 163 rest 712 000.
        long q = WideArithmetic.MultiplyAddDivide(1L << 62, 3000, 0, 1_000_000, out long r);
        Assert.Equal(13835058055282163L, q);
        Assert.Equal(712000, r);
        // A quotient above long.MaxValue is an error, not a wrap: 2^62 × 3000 / 7 ≈ 1.98 × 10^21.
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyDivide(1L << 62, 3000, 7));
    }

    /// <summary>round(√(a² + b²)) by BigInteger Newton iteration, independent of the bisection under test.</summary>
    internal static BigInteger RoundedHypotenuse(BigInteger a, BigInteger b)
    {
        BigInteger x = a * a + b * b;
        if (x.IsZero) return 0;
        BigInteger r = x, next = (x + 1) / 2;
        while (next < r) { r = next; next = (r + x / r) / 2; }
        // r = floor(√x); round up when x − r² > r (then √x ≥ r + ½ because x ≥ r² + r + 1 > (r + ½)²).
        return x - r * r > r ? r + 1 : r;
    }

    [Theory]
    // 3-4-5 and 5-12-13 are exact; √2 = 1.414 → 1; √(1 + 4) = 2.236 → 2; √(4 + 9) = 3.606 → 4;
    // √(2773² + 6349²) = √47 999 330 = 6928.155 (6928² = 47 997 184, 6929² = 48 011 041) → 6928.
    [InlineData(3, 4, 5)]
    [InlineData(5, 12, 13)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 7, 7)]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(2, 3, 4)]
    [InlineData(2773, 6349, 6928)]
    public void Rounded_hypotenuse_of_hand_worked_pairs(long a, long b, long expected)
        => Assert.Equal(expected, WideArithmetic.RoundedHypotenuse(a, b));

    [Fact]
    public void Rounded_hypotenuse_matches_big_integer_newton_up_to_2_to_the_62()
    {
        Gen.Select(Gen.Long[0, WideArithmetic.MaximumHypotenuseLeg], Gen.Long[0, WideArithmetic.MaximumHypotenuseLeg], Gen.Long[0, 5_000_000], Gen.Long[0, 5_000_000])
            .Sample((a, b, c, d) =>
            {
                Assert.Equal(RoundedHypotenuse(a, b), (BigInteger)WideArithmetic.RoundedHypotenuse(a, b));
                Assert.Equal(RoundedHypotenuse(c, d), (BigInteger)WideArithmetic.RoundedHypotenuse(c, d));
            }, iter: 20000);
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.RoundedHypotenuse(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.RoundedHypotenuse(0, WideArithmetic.MaximumHypotenuseLeg + 1));
    }

    [Fact]
    public void Bad_operands_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyDivide(-1, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyDivide(1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.CheckedMultiply(long.MaxValue, 2));
    }
}
