using System.Globalization;

namespace Meter.Rig.Accuracy;

/// <summary>
/// One test point: a current (with its label, e.g. "0.1 Ib"), a power factor, a direction, and either all phases
/// (<paramref name="Phase"/> null: balanced) or one phase loaded with the voltage on all (a single-phase load).
/// </summary>
public sealed record TestPoint(string CurrentLabel, decimal Amps, LoadPowerFactor PowerFactor, EnergyDirection Direction, int? Phase)
{
    /// <summary>Angle of the current to the voltage the rig sets, degrees.</summary>
    public decimal AngleDegrees => PowerFactors.AngleDegrees(PowerFactor) + (Direction == EnergyDirection.Export ? 180m : 0m);

    /// <summary>"balanced" or "L1".."L3".</summary>
    public string Load => Phase is int p ? "L" + p.ToString(CultureInfo.InvariantCulture) : "balanced";

    /// <summary>Sets the rig for this point: every phase at Un, the current on the loaded phases.</summary>
    public void Apply(IReferenceRig rig, MeterRating rating)
    {
        for (int p = 1; p <= rating.Phases; p++)
        {
            bool loaded = Phase == null || Phase == p;
            rig.SetPhase(p, loaded ? new PhaseSetting(rating.NominalVolts, Amps, AngleDegrees) : PhaseSetting.VoltageOnly(rating.NominalVolts));
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CurrentLabel} ({Amps} A), PF {PowerFactors.Label(PowerFactor)}, {Direction.ToString().ToLowerInvariant()}, {Load}");
}
