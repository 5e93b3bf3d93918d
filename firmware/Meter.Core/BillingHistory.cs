using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The billing period counter (1-0:0.1.0) and the values of the stored billing periods: a code
    /// with value group F = the period's counter VZ (mod 100) reads from the billing logger's record
    /// of that period (energies total and per tariff, maximum demand A+ with its time).
    /// </summary>
    public sealed class BillingHistory : ObisValueOwner
    {
        private readonly PeriodRecord _record = new PeriodRecord(BillingValues.Count);
        private readonly MeterStorage _storage;
        private readonly BillingCounter _counter;
        private readonly ObisLocalTime _localTime;

        /// <summary>Billing periods of <paramref name="storage"/> numbered by <paramref name="counter"/>.</summary>
        public BillingHistory(MeterStorage storage, BillingCounter counter, ObisLocalTime localTime)
        {
            _storage = storage;
            _counter = counter;
            _localTime = localTime;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == StandardObjects.BillingPeriodCounter) { value = _counter.Value; return true; }
            if (code.F == ObisCode.NotUsed || !Find(code.F)) return false;
            int index = IndexOf(code);
            if (index < 0) return false;
            value = _record.Values[index];
            return true;
        }

        /// <summary>The time of the period's maximum demand A+ (1-0:1.6.0*VZ).</summary>
        public override bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (code.C != 1 || code.D != 6 || code.F == ObisCode.NotUsed || !Find(code.F)) return false;
            long at = _record.Values[BillingValues.PPlusMaxTime];
            if (at < 0) return false;
            value = _localTime.ToLocal(at);
            return true;
        }

        // Index of the billing value of code (F ignored), -1 when the logger keeps none.
        private static int IndexOf(ObisCode code)
        {
            if (code.C == 1 && code.D == 6 && code.E == 0) return BillingValues.PPlusMax;
            if (code.D != 8) return -1;
            if (code.E == 0)
            {
                if (code.C == 1) return BillingValues.APlus;
                if (code.C == 2) return BillingValues.AMinus;
                if (code.C == 3) return BillingValues.RPlus;
                if (code.C == 4) return BillingValues.RMinus;
                return -1;
            }
            if (code.E > 4) return -1;
            if (code.C == 1) return BillingValues.APlusTariff1 + code.E - 1;
            if (code.C == 3) return BillingValues.RPlusTariff1 + code.E - 1;
            return -1;
        }

        /// <summary>Finds the stored billing period whose counter ends in <paramref name="f"/> (VZ, mod 100).</summary>
        private bool Find(int f)
        {
            PeriodLogger billing = _storage.Billing;
            int newest = _counter.Value;
            if (newest <= 0 || f > 99) return false;
            int age = ((newest % 100) - f + 100) % 100;
            if (age >= billing.Count) return false;
            return billing.TryRead(age, _record);
        }
    }
}
