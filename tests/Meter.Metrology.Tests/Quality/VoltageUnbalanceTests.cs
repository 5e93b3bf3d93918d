using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

public class VoltageUnbalanceTests
{
    [Fact]
    public void A_symmetrical_system_has_no_unbalance() =>
        Assert.Equal(0, VoltageUnbalance.NegativeSequenceRatio(new long[] { 230_000, 230_000, 230_000 }, new[] { 0, -12000, -24000 }));

    [Fact]
    public void One_phase_30_V_low_gives_4_55_percent()
    {
        // Ua = 230∠0, Ub = 230∠−120°, Uc = 200∠+120°.
        // U1 = (230 + 230 + 200)/3 = 220 (a·Ub and a²·Uc both land on 0°).
        // U2 = (230 + 230∠120° + 200∠240°)/3 = (230 − 115 − 100 + j(199.186 − 173.205))/3
        //    = (15 + j25.981)/3 → |U2| = √(225 + 675)/3 = 30/3 = 10.
        // u2 = 10/220 = 4.545 % → 455 hundredths.
        Assert.Equal(455, VoltageUnbalance.NegativeSequenceRatio(new long[] { 230_000, 230_000, 200_000 }, new[] { 0, -12000, 12000 }));
    }

    [Fact]
    public void Equal_magnitudes_with_phase_b_shifted_3_degrees_give_1_75_percent()
    {
        // Ub at −117°, Uc at −240°. U2·3/230 = 1 + a²·∠−117° + a·∠−240° = 1 + ∠123° + ∠240°
        //   = (1 − 0.544639 − 0.5) + j(0.838671 − 0.866025) = −0.044639 − j0.027354 → 0.052354
        // U1·3/230 = 1 + ∠3° + ∠0° = 2.998630 + j0.052336 → 2.999087
        // u2 = 0.052354 / 2.999087 = 1.7457 % → 175 hundredths (≈ δ/3 for a small shift δ = 0.05236 rad).
        Assert.Equal(175, VoltageUnbalance.NegativeSequenceRatio(new long[] { 230_000, 230_000, 230_000 }, new[] { 0, -11700, -24000 }));
    }

    [Fact]
    public void A_reversed_sequence_swaps_the_sequences() =>
        // Ub at +120°, Uc at −120° (A, C, B): the components of the 30-V-low case swap:
        // U1 = (230 + 230∠240° + 200∠120°)/3 → 10, U2 = (230 + 230 + 200)/3 = 220 → u2 = 2200 % = 220000 hundredths.
        Assert.Equal(220000, VoltageUnbalance.NegativeSequenceRatio(new long[] { 230_000, 230_000, 200_000 }, new[] { 0, 12000, -12000 }));

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        Assert.Throws<ArgumentException>(() => VoltageUnbalance.NegativeSequenceRatio(new long[] { 1, 2 }, new[] { 0, 0, 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => VoltageUnbalance.NegativeSequenceRatio(new long[] { 1, -2, 3 }, new[] { 0, 0, 0 }));
    }
}
