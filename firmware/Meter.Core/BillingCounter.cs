using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The billing period counter VZ (1-0:0.1.0): billing periods closed over the meter's life,
    /// the sequence number of the billing logger's newest record (restored from it at start).
    /// </summary>
    public sealed class BillingCounter
    {
        /// <summary>Periods closed over the meter's life.</summary>
        public int Value { get; private set; }

        /// <summary>Start-up: the newest record's sequence, 0 for an empty logger.</summary>
        public void Restore(PeriodLogger billing)
        {
            Value = 0;
            if (billing.Count == 0) return;
            PeriodRecord newest = new PeriodRecord(billing.ValueCount);
            if (billing.TryRead(0, newest)) Value = (int)newest.Sequence;
        }

        /// <summary>A billing period was stored.</summary>
        public void Increment()
        {
            Value++;
        }
    }
}
