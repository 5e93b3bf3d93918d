namespace Meter.Storage
{
    /// <summary>
    /// One closed period read back from a <see cref="PeriodLogger"/>. Allocate once with the
    /// logger's value count and reuse it for every read.
    /// </summary>
    public sealed class PeriodRecord
    {
        /// <summary>Creates a record able to hold <paramref name="valueCount"/> values.</summary>
        public PeriodRecord(int valueCount)
        {
            if (valueCount < 1)
            {
                throw new System.ArgumentException("a period record needs at least one value");
            }
            Values = new long[valueCount];
        }

        /// <summary>
        /// Sequence number of the closing: 1 for the first period ever closed. The newest
        /// record's sequence is the debiting stop counter.
        /// </summary>
        public long Sequence { get; set; }

        /// <summary>Local time at which the period closed.</summary>
        public System.DateTime ClosedAt { get; set; }

        /// <summary>One of the <see cref="CloseReason"/> values.</summary>
        public int Reason { get; set; }

        /// <summary>The values captured at closing, in the caller's order (see <see cref="BillingValues"/>).</summary>
        public long[] Values { get; private set; }
    }
}
