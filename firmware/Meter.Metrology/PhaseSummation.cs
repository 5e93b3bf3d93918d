namespace Meter.Metrology
{
    /// <summary>How the total registers are formed from the measuring systems.</summary>
    public enum PhaseSummation
    {
        /// <summary>
        /// Default: the signed phase energies of each cycle are added first (vector / "Ferraris"
        /// sum), then the sum is split by sign and quadrant. Import on one phase offsets export on another.
        /// </summary>
        VectorSum = 0,

        /// <summary>
        /// Each phase is split by its own sign and quadrant and the totals are the sums of the
        /// phase registers: import on one phase and export on another both count.
        /// </summary>
        PerPhase = 1,
    }
}
