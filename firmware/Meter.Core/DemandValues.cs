using Meter.Metrology;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Maximum demand (A+, with the time it occurred) and the running period's average demand, in W.
    /// Billing-period maxima are the <see cref="BillingHistory"/>'s. No export maximum is kept (no 1-0:2.6.0 object).
    /// </summary>
    public sealed class DemandValues : ObisValueOwner
    {
        private readonly DemandMeter _demand;
        private readonly ObisLocalTime _localTime;

        /// <summary>Values of <paramref name="demand"/>, times in the local time of <paramref name="localTime"/>.</summary>
        public DemandValues(DemandMeter demand, ObisLocalTime localTime)
        {
            _demand = demand;
            _localTime = localTime;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == StandardObjects.MaximumDemandImport)
            {
                value = _demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);
                return true;
            }
            if (code != StandardObjects.CurrentDemandImport) return false;
            value = _demand.ToPower(_demand.GetCurrentPeriodCounts(DemandQuantity.ActiveImport), DemandQuantity.ActiveImport, true, 0);
            return true;
        }

        /// <inheritdoc />
        public override bool TryReadCaptureTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (code != StandardObjects.MaximumDemandImport) return false;
            long seconds = _demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
            if (seconds < 0) return false;
            value = _localTime.ToLocal(seconds);
            return true;
        }
    }
}
