namespace Meter.Rig.Accuracy;

/// <summary>Accuracy classes the `accuracy` command checks against.</summary>
public enum AccuracyClass
{
    /// <summary>Class B (MID, EN 50470-3): the Kamstrup 351/382/OMNIPOWER MID marking.</summary>
    B,
    /// <summary>Class 1 (IEC 62053-21).</summary>
    One,
}
