namespace Meter.Hal.Simulation.Ade7880;

/// <summary>One harmonic of a phase's voltage and current (order ≥ 2).</summary>
/// <param name="Order">Harmonic order (2 = 100 Hz on a 50 Hz net).</param>
/// <param name="VoltageRms">Rms voltage of this harmonic, V.</param>
/// <param name="CurrentRms">Rms current of this harmonic, A.</param>
/// <param name="AngleDegrees">Angle by which this harmonic's current lags its voltage.</param>
/// <param name="VoltagePhaseDegrees">Phase of this harmonic's voltage against the phase's fundamental (waveform samples only; rms values do not depend on it).</param>
public sealed record Harmonic(int Order, double VoltageRms, double CurrentRms, double AngleDegrees, double VoltagePhaseDegrees = 0);

/// <summary>
/// What one phase's terminals see: fundamental rms voltage and current, the angle by which the
/// current lags the voltage (0 = PF 1, 60 = PF 0.5 lagging/inductive, −60 = leading/capacitive,
/// 180 = export), line frequency and optional harmonics.
/// </summary>
public sealed record PhaseLoad(double VoltageRms, double CurrentRms, double AngleDegrees, double FrequencyHz = 50.0)
{
    /// <summary>Harmonics on top of the fundamental.</summary>
    public Harmonic[] Harmonics { get; init; } = Array.Empty<Harmonic>();

    /// <summary>
    /// How far this phase's fundamental voltage is shifted from its place in a symmetrical system
    /// (A at 0°, B at −120°, C at −240°); positive = leads. Unbalanced voltages: different rms values
    /// and/or shifts.
    /// </summary>
    public double VoltageShiftDegrees { get; init; }

    /// <summary>No voltage, no current.</summary>
    public static PhaseLoad Off(double frequencyHz = 50.0) => new(0, 0, 0, frequencyHz);

    /// <summary>Total rms voltage (fundamental and harmonics).</summary>
    public double TotalVoltageRms => Math.Sqrt(VoltageRms * VoltageRms + Harmonics.Sum(h => h.VoltageRms * h.VoltageRms));

    /// <summary>Total rms current.</summary>
    public double TotalCurrentRms => Math.Sqrt(CurrentRms * CurrentRms + Harmonics.Sum(h => h.CurrentRms * h.CurrentRms));

    /// <summary>Linear interpolation towards <paramref name="target"/> (fraction 0..1); harmonics switch at the end.</summary>
    public PhaseLoad Lerp(PhaseLoad target, double fraction) => fraction >= 1 ? target : new PhaseLoad(
        VoltageRms + (target.VoltageRms - VoltageRms) * fraction,
        CurrentRms + (target.CurrentRms - CurrentRms) * fraction,
        AngleDegrees + (target.AngleDegrees - AngleDegrees) * fraction,
        FrequencyHz + (target.FrequencyHz - FrequencyHz) * fraction)
    {
        Harmonics = Harmonics,
        VoltageShiftDegrees = VoltageShiftDegrees + (target.VoltageShiftDegrees - VoltageShiftDegrees) * fraction,
    };
}
