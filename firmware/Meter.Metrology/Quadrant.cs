namespace Meter.Metrology
{
    /// <summary>Power quadrant (IEC 62053-23 four-quadrant geometric representation, after IEC 60375).</summary>
    public enum Quadrant
    {
        /// <summary>No active and no reactive energy (or no load).</summary>
        None = 0,

        /// <summary>Quadrant I: P ≥ 0 import, Q &gt; 0 (inductive).</summary>
        I = 1,

        /// <summary>Quadrant II: P &lt; 0 export, Q ≥ 0 (capacitive seen from the export side).</summary>
        II = 2,

        /// <summary>Quadrant III: P &lt; 0 export, Q &lt; 0 (inductive).</summary>
        III = 3,

        /// <summary>Quadrant IV: P ≥ 0 import, Q &lt; 0 (capacitive).</summary>
        IV = 4,
    }
}
