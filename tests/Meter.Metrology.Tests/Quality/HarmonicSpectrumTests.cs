using Meter.Hal;
using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

public class HarmonicSpectrumTests
{
    private const int Row = PhaseMeasurements.MaxHarmonicOrder + 1;

    /// <summary>Feeds one scan step: phase, first order, fundamental code, the three harmonic codes.</summary>
    private static void Feed(HarmonicSpectrum spectrum, PhaseMeasurements m, int phase, int firstOrder, int fundamental, params int[] harmonics)
    {
        m.HarmonicPhase = phase;
        m.HarmonicFirstOrder = firstOrder;
        m.FundamentalVoltageRms[phase] = fundamental;
        for (int i = 0; i < 3; i++) m.HarmonicVoltageRms[phase * Row + firstOrder + i] = harmonics[i];
        spectrum.Update(m);
    }

    [Fact]
    public void Ratios_and_thd_from_harmonics_2_to_25_and_complete_only_after_every_order()
    {
        var spectrum = new HarmonicSpectrum();
        var m = new PhaseMeasurements();
        // Fundamental 1,000,000; 2nd 2 %, 3rd 5 %, 5th 6 %, the rest 0.
        Feed(spectrum, m, 1, 2, 1_000_000, 20_000, 50_000, 0);
        Assert.Equal(200, spectrum.Ratio(1, 2));
        Assert.Equal(500, spectrum.Ratio(1, 3));
        Assert.False(spectrum.IsComplete(1));
        for (int first = 5; first <= 23; first += 3)
            Feed(spectrum, m, 1, first, 1_000_000, first == 5 ? 60_000 : 0, 0, 0);
        Assert.True(spectrum.IsComplete(1));
        Assert.False(spectrum.IsComplete(0));
        Assert.Equal(600, spectrum.Ratio(1, 5));
        // THD = √(2² + 5² + 6²) % = √65 % = 8.0623 % → 806 hundredths.
        Assert.Equal(806, spectrum.Thd(1));
        Assert.Equal(0, spectrum.Thd(0));
    }

    [Fact]
    public void No_fundamental_gives_zero_ratios_and_orders_outside_2_to_25_are_refused()
    {
        var spectrum = new HarmonicSpectrum();
        var m = new PhaseMeasurements();
        Feed(spectrum, m, 0, 2, 0, 5_000, 5_000, 5_000);
        Assert.Equal(0, spectrum.Ratio(0, 2));
        Assert.Equal(0, spectrum.Thd(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => spectrum.Ratio(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => spectrum.Ratio(0, 26));
    }
}
