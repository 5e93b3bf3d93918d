using Meter.Hal;
using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

/// <summary>Builds <see cref="PhaseQualityValues"/> with chosen voltages, one harmonic and unbalance, as the chip would give them.</summary>
internal static class QualityTestValues
{
    private const int Row = PhaseMeasurements.MaxHarmonicOrder + 1;

    /// <summary>
    /// Values with phase voltages <paramref name="millivolts"/> (A, B, C), harmonic <paramref name="order"/> at
    /// <paramref name="ratio"/> hundredths of a percent on every phase (all orders measured) and unbalance
    /// <paramref name="unbalance"/> (hundredths; negative = not valid).
    /// </summary>
    public static PhaseQualityValues Make(long[] millivolts, int order = 3, int ratio = 0, int unbalance = -1)
    {
        var q = new PhaseQualityValues();
        var m = new PhaseMeasurements();
        for (int p = 0; p < 3; p++)
        {
            for (int first = 2; first <= 23; first += 3)
            {
                m.HarmonicPhase = p;
                m.HarmonicFirstOrder = first;
                m.FundamentalVoltageRms[p] = 1_000_000;
                for (int h = first; h < first + 3; h++) m.HarmonicVoltageRms[p * Row + h] = h == order ? ratio * 100 : 0;
                q.Harmonics.Update(m);
            }
            q.VoltageMillivolts[p] = millivolts[p];
        }
        q.UnbalanceValid = unbalance >= 0;
        q.Unbalance = Math.Max(0, unbalance);
        return q;
    }

    public static PhaseQualityValues Balanced(long millivolts, int order = 3, int ratio = 0, int unbalance = -1) =>
        Make(new[] { millivolts, millivolts, millivolts }, order, ratio, unbalance);
}
