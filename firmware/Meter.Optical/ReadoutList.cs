using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// The configurable list of data sets a readout sends (IEC 62056-21:2002 §6.3.4 data
    /// message), in order. An item may also send its last billing-period values: the codes
    /// with value group F = VZ, VZ−1, … (IEC 62056-61 §4.1: F = billing period, counted
    /// modulo 100), where VZ is the billing period counter's value.
    /// </summary>
    public sealed class ReadoutList
    {
        private readonly ObisCode[] _codes;
        private readonly int[] _billingPeriods;
        private int _count;

        /// <summary>A list with room for <paramref name="capacity"/> items.</summary>
        public ReadoutList(int capacity)
        {
            if (capacity <= 0) throw new System.ArgumentException("capacity must be positive");
            _codes = new ObisCode[capacity];
            _billingPeriods = new int[capacity];
            BillingCounterCode = StandardObjects.BillingPeriodCounter;
        }

        /// <summary>The object whose value is VZ, the number of the last closed billing period (default 1-0:0.1.0).</summary>
        public ObisCode BillingCounterCode { get; set; }

        /// <summary>Number of items.</summary>
        public int Count => _count;

        /// <summary>Code of item <paramref name="index"/>.</summary>
        public ObisCode CodeAt(int index) => _codes[CheckIndex(index)];

        /// <summary>How many billing periods item <paramref name="index"/> sends after its current value.</summary>
        public int BillingPeriodsAt(int index) => _billingPeriods[CheckIndex(index)];

        /// <summary>Adds a data set (its current value only).</summary>
        public void Add(ObisCode code) => Add(code, 0);

        /// <summary>Adds a data set and its last <paramref name="billingPeriods"/> (0..99) billing values.</summary>
        /// <exception cref="System.ArgumentException">List full or billing periods outside 0..99.</exception>
        public void Add(ObisCode code, int billingPeriods)
        {
            if (_count == _codes.Length) throw new System.ArgumentException("readout list full");
            if (billingPeriods < 0 || billingPeriods > 99) throw new System.ArgumentException("billing periods must be 0..99");
            if (billingPeriods > 0 && code.F != ObisCode.NotUsed)
                throw new System.ArgumentException("billing history is asked for on the current value (F = 255)");
            _codes[_count] = code;
            _billingPeriods[_count] = billingPeriods;
            _count++;
        }

        /// <summary>Removes every item.</summary>
        public void Clear() => _count = 0;

        private int CheckIndex(int index)
        {
            if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index");
            return index;
        }
    }
}
