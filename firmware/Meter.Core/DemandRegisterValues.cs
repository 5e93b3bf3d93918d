using Meter.Clock;
using Meter.Dlms;
using Meter.Metrology;

namespace Meter.Core
{
    /// <summary>
    /// The attributes of the demand register 1-0:1.4.0 (class 5, Blue Book 4.3.3) that the OBIS table does not
    /// hold, from the <see cref="DemandMeter"/> (A+): last_average_value (W, the last closed period's mean; 0 until
    /// a period closed since start-up), capture_time (when it was calculated: the running period's start),
    /// start_time_current, period (s, follows a change of the integration period) and number_of_periods (1).
    /// Times in the meter's local time (<see cref="CosemDateTime"/>).
    /// </summary>
    public sealed class DemandRegisterValues
    {
        private readonly DemandMeter _demand;
        private readonly LocalTimeRule _rule;

        /// <summary>Values of <paramref name="demand"/>, times in the local time of <paramref name="rule"/>.</summary>
        public DemandRegisterValues(DemandMeter demand, LocalTimeRule rule)
        {
            _demand = demand;
            _rule = rule;
        }

        /// <summary>last_average_value (attribute 3) in W.</summary>
        public void WriteLastAverage(AxdrWriter value)
            => ObisTableCosemObjects.WriteInteger(_demand.ToPower(_demand.GetLastPeriodCounts(DemandQuantity.ActiveImport), DemandQuantity.ActiveImport, true, 0), value);

        /// <summary>capture_time (attribute 6): the end of the last closed period, unspecified before the first.</summary>
        public void WriteCaptureTime(AxdrWriter value)
        {
            if (_demand.ClosedPeriods == 0) WriteUnspecified(value);
            else WriteStartCurrent(value);
        }

        /// <summary>start_time_current (attribute 7).</summary>
        public void WriteStartCurrent(AxdrWriter value) => CosemDateTime.Write(value, _rule.ToLocal(_demand.CurrentPeriodStartSeconds));

        /// <summary>period (attribute 8) in seconds.</summary>
        public void WritePeriod(AxdrWriter value) => value.WriteDoubleLongUnsigned((uint)_demand.PeriodSeconds);

        /// <summary>number_of_periods (attribute 9): a plain block demand, one period.</summary>
        public void WriteNumberOfPeriods(AxdrWriter value) => value.WriteLongUnsigned(1);

        /// <summary>A date-time with every field not specified (Blue Book 4.1.6.1).</summary>
        public static void WriteUnspecified(AxdrWriter value)
            => value.WriteDateTime(0xFFFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x8000, 0xFF);
    }
}
