using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The billing (debiting) logger as the entries of profile generic 0-0:98.1.0.255, oldest period first: the
    /// closing time and the energies captured then — A+, A-, R+, R- totals and A+, R+ per tariff 1-4 (the registers
    /// 1-0:C.8.E.255 attribute 2, Wh; the same values the billing codes with F = VZ read).
    /// </summary>
    public sealed class BillingLoggerSource : StoredListSource
    {
        private readonly PeriodLogger _logger;
        private readonly LocalTimeRule _rule;
        private readonly PeriodRecord _record = new PeriodRecord(BillingValues.Count);
        private readonly int[] _valueIndex = new int[12];
        private int _nextAge;

        /// <summary>The billing logger of <paramref name="storage"/>.</summary>
        public BillingLoggerSource(MeterStorage storage, LocalTimeRule rule) : base(rule, 12)
        {
            _logger = storage.Billing;
            _rule = rule;
            Energy(1, 1, 0, BillingValues.APlus);
            Energy(2, 2, 0, BillingValues.AMinus);
            Energy(3, 3, 0, BillingValues.RPlus);
            Energy(4, 4, 0, BillingValues.RMinus);
            for (int t = 1; t <= 4; t++)
            {
                Energy(4 + t, 1, t, BillingValues.APlusTariff1 + t - 1);
                Energy(8 + t, 3, t, BillingValues.RPlusTariff1 + t - 1);
            }
        }

        private void Energy(int column, int c, int e, int valueIndex)
        {
            Column(column, (int)ObisInterfaceClass.Register, new ObisCode(1, 0, (byte)c, 8, (byte)e, 255), 2);
            _valueIndex[column - 1] = valueIndex;
        }

        /// <summary>Billing periods end on a schedule or on demand, not after a fixed period.</summary>
        public override long CapturePeriodSeconds => 0;

        /// <inheritdoc />
        public override long ProfileEntries => _logger.Depth;

        /// <inheritdoc />
        public override void Rewind() => _nextAge = _logger.Count - 1;

        /// <inheritdoc />
        public override bool Next()
        {
            while (_nextAge >= 0)
                if (_logger.TryRead(_nextAge--, _record))
                {
                    // The logger keeps the local wall-clock minute of the close (Meter.Core PeriodClosing: billing
                    // dates are local); the profile's clock column is written from UTC.
                    EntryUtc = _rule.FirstUtcAtOrAfterLocal(UnixTime.ToSeconds(_record.ClosedAt));
                    return true;
                }
            return false;
        }

        /// <inheritdoc />
        protected override void WriteValue(int column, AxdrWriter value)
            => ObisTableCosemObjects.WriteInteger(_record.Values[_valueIndex[column - 1]], value);
    }
}
