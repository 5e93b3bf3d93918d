using Meter.Metrology;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The power-fail-safe demand record (<see cref="MeterStorage.Demand"/>): the
    /// <see cref="DemandMeter"/> snapshot (running period, maxima with their times, accumulated
    /// maxima, power-threshold counter) followed by the billing period counter at the save.
    /// <para>
    /// Written at every integration-period close (the only time a maximum can change), at every
    /// billing close and on the mains-fail signal, each time right after a forced register save:
    /// the running period's start counts must never exceed the register record, or the restore
    /// would refuse the snapshot. At 15 min that is 96 writes a day, 24 per slot over 4 slots.
    /// </para>
    /// <para>
    /// The billing counter closes the one gap between two records: a cut after the billing
    /// logger stored a period but before the cleared maxima were saved boots with a counter newer
    /// than the record's, and the billing close is applied to the restored maxima again (they are
    /// already in the logger and must not be counted into the next period).
    /// </para>
    /// </summary>
    public static class DemandRecord
    {
        /// <summary>Index of the billing period counter (newest billing sequence) when the record was saved.</summary>
        public const int BillingCounter = DemandMeter.SnapshotLength;

        /// <summary>Values in the record.</summary>
        public const int Length = BillingCounter + 1;
    }
}
