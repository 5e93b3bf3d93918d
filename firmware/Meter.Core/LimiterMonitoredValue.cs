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

        /// <summary>Register class (Blue Book class 3) of the monitored values' objects.</summary>
        public const int RegisterClass = 3;
        /// <summary>The register attribute monitored: value.</summary>
        public const int ValueAttribute = 2;
        /// <summary>1-0:11.7.0.255, current in any phase (IEC 62056-61, C = 11): the value_definition of
        /// <see cref="PhaseCurrent"/>, the highest of L1…L3 (no register object of its own).</summary>
        public static readonly ObisCode AnyPhaseCurrentCode = new ObisCode(11, 7, 0);

        /// <summary>The logical name class 71's monitored_value names for <paramref name="kind"/> (None: all zero).</summary>
        public static ObisCode CodeOf(int kind)
        {
            if (kind == ActivePowerTotal) return PowerCode;
            return kind == PhaseCurrent ? AnyPhaseCurrentCode : new ObisCode(0, 0, 0, 0, 0, 0);
        }

        /// <summary>The kind a value_definition {<paramref name="classId"/>, <paramref name="code"/>,
        /// <paramref name="attribute"/>} names, or -1 for one this meter cannot monitor.</summary>
        public static int KindOf(long classId, ObisCode code, long attribute)
        {
            if (classId == 0 && attribute == 0 && code == CodeOf(None)) return None;
            if (classId != RegisterClass || attribute != ValueAttribute) return -1;
            if (code == PowerCode) return ActivePowerTotal;
            return code == AnyPhaseCurrentCode ? PhaseCurrent : -1;
        }

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
