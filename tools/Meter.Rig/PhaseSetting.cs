using System.Globalization;

namespace Meter.Rig;

/// <summary>
/// What the rig sources on one phase: rms voltage, rms current and the angle by which the current lags the voltage
/// (0° = PF 1 import, 60° = PF 0.5 inductive, −36.87° = PF 0.8 capacitive; export adds 180°).
/// </summary>
public sealed record PhaseSetting(decimal Volts, decimal Amps, decimal AngleDegrees)
{
    /// <summary>Voltage only, no current (a phase not under test).</summary>
    public static PhaseSetting VoltageOnly(decimal volts) => new(volts, 0m, 0m);

    /// <summary>Active power U·I·cos φ, W (negative when exporting).</summary>
    public double ActivePowerWatts => (double)Volts * (double)Amps * Math.Cos((double)AngleDegrees * Math.PI / 180.0);

    /// <summary>Throws unless the setting is one a rig can source.</summary>
    public PhaseSetting Validated()
    {
        if (Volts < 0 || Volts > 500) throw new ArgumentException($"voltage {Volts} V: give 0 … 500 V");
        if (Amps < 0 || Amps > 200) throw new ArgumentException($"current {Amps} A: give 0 … 200 A");
        if (AngleDegrees <= -360 || AngleDegrees >= 360) throw new ArgumentException($"phase angle {AngleDegrees}°: give −360 … 360°");
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Volts} V, {Amps} A, {AngleDegrees}°");
}
