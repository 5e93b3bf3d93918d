namespace Meter.Rig.Accuracy;

/// <summary>The power factors a type test runs (IEC 62053-21 and EN 50470-3: 1, 0.5 inductive, 0.8 capacitive).</summary>
public enum LoadPowerFactor
{
    /// <summary>cos φ = 1 (φ = 0°).</summary>
    Unity,
    /// <summary>cos φ = 0.5 inductive (current lags 60°).</summary>
    HalfInductive,
    /// <summary>cos φ = 0.8 capacitive (current leads 36.87°).</summary>
    EightTenthsCapacitive,
}

/// <summary>Energy direction of a test point.</summary>
public enum EnergyDirection
{
    /// <summary>Consumed (A+).</summary>
    Import,
    /// <summary>Delivered (A−): the current reversed, φ + 180°.</summary>
    Export,
}

/// <summary>Angles and labels of <see cref="LoadPowerFactor"/>.</summary>
public static class PowerFactors
{
    /// <summary>Angle by which the current lags the voltage, degrees (import).</summary>
    public static decimal AngleDegrees(LoadPowerFactor pf) => pf switch
    {
        LoadPowerFactor.Unity => 0m,
        LoadPowerFactor.HalfInductive => 60m,
        // arccos 0.8 = 36.869 897 6°; capacitive: the current leads.
        _ => -36.8698976m,
    };

    /// <summary>"1", "0.5i", "0.8c".</summary>
    public static string Label(LoadPowerFactor pf) => pf switch
    {
        LoadPowerFactor.Unity => "1",
        LoadPowerFactor.HalfInductive => "0.5i",
        _ => "0.8c",
    };
}
