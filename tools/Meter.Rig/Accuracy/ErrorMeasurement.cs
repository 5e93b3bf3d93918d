namespace Meter.Rig.Accuracy;

/// <summary>
/// The error as a type test measures it (IEC 62053-21 / EN 50470-3, the pulse method): error % =
/// (E_meter − E_ref) / E_ref × 100, E_meter = LED pulses / meter constant, E_ref the reference over the same gate.
/// <para>
/// Resolution rule: a gate of N LED pulses is uncertain by at most one pulse, so it resolves the error to 100 / N %
/// (N = 1000 gives 0.1 %). For a wanted resolution r %, N = ⌈100 / r⌉; the time follows from the load:
/// N / (constant × P) hours. The simulated rig opens and closes its gate at the end of the 1-s metering cycle in which a
/// pulse came, so below one pulse a second it does better than the rule.
/// </para>
/// </summary>
public static class ErrorMeasurement
{
    /// <summary>Error of the meter in percent from one rig result.</summary>
    public static decimal ErrorPercent(RigResult result, int impulsesPerKilowattHour)
    {
        if (result.ReferenceWh <= 0) throw new ArgumentException("the reference counted no energy: no error can be computed");
        decimal meterWh = result.MeterPulses * 1000m / impulsesPerKilowattHour;
        return (meterWh - result.ReferenceWh) / result.ReferenceWh * 100m;
    }

    /// <summary>The error resolution of a gate of <paramref name="pulses"/> LED pulses, percent (100 / N).</summary>
    public static decimal ResolutionPercent(int pulses) =>
        pulses >= 1 ? 100m / pulses : throw new ArgumentException($"pulse count {pulses}: give at least 1");

    /// <summary>Pulses to count for a wanted resolution, percent: ⌈100 / r⌉.</summary>
    public static int PulsesFor(decimal resolutionPercent) =>
        resolutionPercent > 0 && resolutionPercent <= 100 ? (int)Math.Ceiling(100m / resolutionPercent)
            : throw new ArgumentException($"resolution {resolutionPercent} %: give more than 0 and at most 100 %");
}
