namespace Meter.Metrology
{
    /// <summary>Active-energy accuracy class (EN 50470-3 classes, with their IEC 62053-2x equivalents).</summary>
    public enum AccuracyClass
    {
        /// <summary>EN 50470-3 class A (≈ IEC 62053-21 class 2).</summary>
        A = 0,

        /// <summary>EN 50470-3 class B (≈ IEC 62053-21 class 1).</summary>
        B = 1,

        /// <summary>EN 50470-3 class C (≈ IEC 62053-22 class 0.5 S).</summary>
        C = 2,
    }
}
