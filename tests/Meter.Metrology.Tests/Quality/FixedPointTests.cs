using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

public class FixedPointTests
{
    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(3L, 1L)]
    [InlineData(4L, 2L)]
    [InlineData(65L, 8L)]
    [InlineData(52_900_000_000L, 230_000L)] // (230 V in mV)²
    [InlineData(52_899_999_999L, 229_999L)]
    [InlineData(long.MaxValue, 3_037_000_499L)] // ⌊√(2^63 − 1)⌋
    public void Sqrt_is_the_floor_of_the_square_root(long value, long root) => Assert.Equal(root, FixedPoint.Sqrt(value));

    [Fact]
    public void Sqrt_of_a_negative_value_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.Sqrt(-1));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3000, 32768)]     // sin 30° = 0.5
    [InlineData(9000, 65536)]     // sin 90° = 1
    [InlineData(15000, 32768)]    // sin 150° = 0.5
    [InlineData(21000, -32768)]   // sin 210° = −0.5
    [InlineData(-3000, -32768)]   // sin −30°
    [InlineData(39000, 32768)]    // 390° = 30°
    // Between sin 45° = 46341 and sin 46° = 47143 (× 65536): 46341 + (47143 − 46341) × 50/100 = 46742;
    // the true sin 45.5° × 65536 = 46743.8 (interpolation error 1.8 of 65536).
    [InlineData(4550, 46742)]
    public void Sin_comes_from_the_table_with_linear_interpolation(int centidegrees, int expected) =>
        Assert.Equal(expected, FixedPoint.SinQ16(centidegrees));

    [Fact]
    public void Cos_is_sin_shifted_by_90_degrees()
    {
        Assert.Equal(65536, FixedPoint.CosQ16(0));
        Assert.Equal(-32768, FixedPoint.CosQ16(12000)); // cos 120° = −0.5
        Assert.Equal(-32768, FixedPoint.CosQ16(-12000));
        Assert.Equal(0, FixedPoint.CosQ16(9000));
    }
}
