using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The values a limiter can monitor (DLMS Blue Book 4.5.9, class 71 attribute 2 monitored_value: a reference
    /// to a register attribute) and their reading from the instantaneous values.
    /// </summary>
    public static class LimiterMonitoredValue
    {
        /// <summary>Limiter off.</summary>
        public const int None = 0;
        /// <summary>Active power import, total, W (1-0:1.7.0).</summary>
        public const int ActivePowerTotal = 1;
        /// <summary>The highest phase current, mA (1-0:31.7.0, 51.7.0, 71.7.0).</summary>
        public const int PhaseCurrent = 2;

        private static readonly ObisCode PowerCode = new ObisCode(1, 7, 0);
        private static readonly ObisCode[] CurrentCodes =
        {
            new ObisCode(31, 7, 0), new ObisCode(51, 7, 0), new ObisCode(71, 7, 0),
        };

        /// <summary>The monitored value of <paramref name="kind"/> now; false when the measurements are not valid (or the limiter is off).</summary>
        public static bool TryRead(InstantaneousValues values, int kind, out long value)
        {
            value = 0;
            if (kind == ActivePowerTotal) return values.TryReadInteger(PowerCode, out value);
            if (kind != PhaseCurrent) return false;
            bool any = false;
            for (int i = 0; i < CurrentCodes.Length; i++)
            {
                long current;
                if (!values.TryReadInteger(CurrentCodes[i], out current)) continue;
                if (!any || current > value) value = current;
                any = true;
            }
            return any;
        }
    }
}
