using System.Globalization;
using Meter.OpticalClient.Protocol;

namespace Meter.Acceptance;

/// <summary>Hand-worked expectations and the value formats of the meter's data sets.</summary>
public static class Expect
{
    /// <summary>
    /// Active energy of a balanced three-phase load, Wh: 3 × U × I × cos φ × t (hand-worked; no meter code used).
    /// </summary>
    public static double ThreePhaseWh(double volts, double amps, double angleDegrees, TimeSpan time) =>
        3 * volts * amps * Math.Cos(angleDegrees * Math.PI / 180) * time.TotalHours;

    /// <summary>
    /// How far the virtual meter's energy may be from the hand-worked figure, Wh: 0.1 % (the simulated chip's energy
    /// constant is rounded to the register LSB, well inside class B's 1 %) plus the register's 1 Wh display step.
    /// </summary>
    public static double Tolerance(double wh) => wh * 0.001 + 1;

    /// <summary>Asserts <paramref name="actualWh"/> is the hand-worked <paramref name="expectedWh"/> within <see cref="Tolerance"/>.</summary>
    public static void Energy(double expectedWh, long actualWh, string what) =>
        Assert.True(Math.Abs(actualWh - expectedWh) <= Tolerance(expectedWh), $"{what}: {actualWh} Wh, expected {expectedWh:0.#} Wh ± {Tolerance(expectedWh):0.#}");

    /// <summary>An energy value "000006.899" in kWh with three decimals as whole Wh.</summary>
    public static long Wh(DataSet set)
    {
        Assert.Matches(@"^\d+\.\d{3}$", set.Value);
        return (long)Math.Round(decimal.Parse(set.Value, CultureInfo.InvariantCulture) * 1000);
    }

    /// <summary>An energy value in a profile line "1.725" (kWh) as whole Wh.</summary>
    public static long Wh(string kwh) => (long)Math.Round(decimal.Parse(kwh, CultureInfo.InvariantCulture) * 1000);

    /// <summary>The one data set with <paramref name="address"/> (the meter may leave out "1-0:", electricity channel 0, IEC 62056-61 §5.3).</summary>
    public static DataSet Single(IReadOnlyList<DataSet> sets, string address)
    {
        var found = sets.Where(s => Short(s.Address) == Short(address)).ToList();
        Assert.True(found.Count == 1, $"{address}: {found.Count} data sets in [{string.Join(", ", sets)}]");
        return found[0];
    }

    private static string Short(string address) => address.StartsWith("1-0:", StringComparison.Ordinal) ? address[4..] : address;

    /// <summary>Runs <paramref name="action"/> and returns the meter's error code (ERnn) it failed with.</summary>
    public static string MeterError(Action action)
    {
        var e = Assert.Throws<MeterProtocolException>(action);
        Assert.True(e.MeterErrorCode != null, "expected an ERnn answer, got: " + e.Message);
        return e.MeterErrorCode!;
    }
}
