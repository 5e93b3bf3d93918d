namespace Meter.Metrology
{
    /// <summary>Classifies a (P, Q) pair into its quadrant.</summary>
    public static class QuadrantClassifier
    {
        /// <summary>
        /// Quadrant from the signs of active <paramref name="p"/> and reactive <paramref name="q"/> energy
        /// (IEC 62053-23 four-quadrant geometric representation, after IEC 60375 §12/§14: I = +P +Q, II = −P +Q, III = −P −Q, IV = +P −Q).
        /// On the axes: P = 0 counts as import (I or IV) and Q = 0 follows P (I for P ≥ 0, II for
        /// P &lt; 0); P = Q = 0 is <see cref="Quadrant.None"/>. Axis cases carry no reactive energy
        /// or no active energy, so the choice never changes a register that receives energy.
        /// </summary>
        public static Quadrant Classify(long p, long q)
        {
            if (p == 0 && q == 0) return Quadrant.None;
            if (p >= 0) return q >= 0 ? Quadrant.I : Quadrant.IV;
            return q >= 0 ? Quadrant.II : Quadrant.III;
        }
    }
}
