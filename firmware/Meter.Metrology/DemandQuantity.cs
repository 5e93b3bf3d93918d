namespace Meter.Metrology
{
    /// <summary>Quantities whose integration-period maximum is kept (seed debiting logger: P+max, Q+max, S+max, S−max).</summary>
    public enum DemandQuantity
    {
        /// <summary>P+max: mean active import power.</summary>
        ActiveImport = 0,

        /// <summary>Q+max: mean fundamental reactive import power.</summary>
        ReactiveImport = 1,

        /// <summary>S+max: mean apparent power while importing.</summary>
        ApparentImport = 2,

        /// <summary>S−max: mean apparent power while exporting.</summary>
        ApparentExport = 3,
    }
}
