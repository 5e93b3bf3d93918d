using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using Meter.Metrology.Quality;

namespace Meter.Metrology.Tests.Quality;

/// <summary>Fed waveforms through the simulated ADE7880 and its driver into <see cref="PhaseQualityValues"/>.</summary>
public class QualityFromSimulatedChipTests
{
    private const int FullScaleMv = 460_000, FullScaleMa = 20_000;

    private static (SimulatedAde7880 Chip, Ade7880Driver Driver) Start(PhaseLoad a, PhaseLoad b, PhaseLoad c)
    {
        var chip = new SimulatedAde7880(460, 20);
        chip.Phases[0].Set(a);
        chip.Phases[1].Set(b);
        chip.Phases[2].Set(c);
        var driver = new Ade7880Driver(chip, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new VirtualDelay(chip));
        var configuration = new MeteringChipConfiguration { FullScaleVoltageMillivolts = FullScaleMv, FullScaleCurrentMilliamps = FullScaleMa, QualityMeasurement = true };
        driver.Start(configuration);
        return (chip, driver);
    }

    private static PhaseQualityValues Scan(SimulatedAde7880 chip, Ade7880Driver driver, int reads)
    {
        var m = new PhaseMeasurements();
        var q = new PhaseQualityValues();
        for (int i = 0; i < reads; i++)
        {
            chip.Advance(800_000); // HSTIME 750 ms
            driver.ReadMeasurements(m);
            q.Update(m, driver.MeasurementScale, FullScaleMv, FullScaleMa);
        }
        return q;
    }

    [Fact]
    public void Thd_and_harmonics_of_a_fed_waveform_within_the_class_s_uncertainty()
    {
        // A: 3rd 5 % (11.5 V), 5th 6 % (13.8 V), 7th 5 % (11.5 V), 11th 3.5 % (8.05 V), 25th 1.5 % (3.45 V) of 230 V.
        var (chip, driver) = Start(
            new PhaseLoad(230, 5, 0) { Harmonics = new[] { new Harmonic(3, 11.5, 0, 0), new Harmonic(5, 13.8, 0, 0), new Harmonic(7, 11.5, 0, 0), new Harmonic(11, 8.05, 0, 0), new Harmonic(25, 3.45, 0, 0) } },
            new PhaseLoad(230, 5, 0),
            new PhaseLoad(230, 5, 0));
        var q = Scan(chip, driver, 24); // 8 order groups × 3 phases
        Assert.True(q.Harmonics.IsComplete(0));
        // IEC 61000-4-7 class II (what class S asks): ±5 % of the reading for U_h ≥ 3 % of U_nom,
        // ±0.15 % of U_nom below. The simulated chip is exact, so the firmware must be within rounding.
        int[] orders = { 3, 5, 7, 11, 25 };
        int[] fed = { 500, 600, 500, 350, 150 }; // hundredths of a percent
        for (int i = 0; i < orders.Length; i++)
        {
            int r = q.Harmonics.Ratio(0, orders[i]);
            Assert.InRange(r, fed[i] - 1, fed[i] + 1);
            Assert.InRange(r, fed[i] * 95 / 100, fed[i] * 105 / 100);
        }
        Assert.Equal(0, q.Harmonics.Ratio(0, 2));
        // THD = √(5² + 6² + 5² + 3.5² + 1.5²) % = √(25 + 36 + 25 + 12.25 + 2.25) % = √100.5 % = 10.025 % → 1002 or 1003.
        Assert.InRange(q.Harmonics.Thd(0), 1002, 1003);
        Assert.Equal(0, q.Harmonics.Thd(1));
        // Total rms of A: 230 × √1.01005 = 231.155 V.
        Assert.InRange(q.VoltageMillivolts[0], 231_150, 231_160);
    }

    [Fact]
    public void Unbalance_power_factors_and_neutral_current_of_a_known_three_phase_set()
    {
        // C 30 V low (u2 = 10/220 = 4.545 %, see VoltageUnbalanceTests); B PF 0.5 lagging; A 5 A, B 5 A, C none.
        var (chip, driver) = Start(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 60), new PhaseLoad(200, 0, 0));
        var q = Scan(chip, driver, 3);
        Assert.True(q.UnbalanceValid);
        // ANGLE resolution 360° × 50 Hz / 256 kHz = 0.0703°: the delays 240° and 120° read 3413 and 1707 ticks
        // (239.977°, 120.023°), a shift of 0.023° (4 × 10⁻⁴ rad) moves u2 by at most ≈ 0.013 %.
        Assert.InRange(q.Unbalance, 453, 457);
        Assert.Equal(10000, q.PowerFactor[0]);
        Assert.InRange(q.PowerFactor[1], 4999, 5001);    // cos 60°
        Assert.InRange(q.DisplacementFactor[1], 4999, 5001);
        Assert.Equal(0, q.PowerFactor[2]);               // no current
        // I_N = |5∠0° + 5∠(−120° − 60°)| = |5 + (−5)| = 0 A.
        Assert.InRange(q.NeutralCurrentMilliamps, 0, 1);
    }

    [Fact]
    public void Neutral_current_of_two_equal_in_phase_loads_is_their_current()
    {
        // A 5 A and B 5 A at PF 1, C none: |5∠0° + 5∠−120°| = 5 A. NIRMS = 5/20 × 3,766,572 = 941,643 → 4999.99 mA.
        var (chip, driver) = Start(new PhaseLoad(230, 5, 0), new PhaseLoad(230, 5, 0), new PhaseLoad(230, 0, 0));
        var q = Scan(chip, driver, 1);
        Assert.InRange(q.NeutralCurrentMilliamps, 4999, 5000);
    }
}
