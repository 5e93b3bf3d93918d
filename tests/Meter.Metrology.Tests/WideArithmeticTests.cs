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

    [Fact]
    public void Bad_operands_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyDivide(-1, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.MultiplyDivide(1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WideArithmetic.CheckedMultiply(long.MaxValue, 2));
    }
}
