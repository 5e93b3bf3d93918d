using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the breaker objects (IEC 62056-61; DLMS Blue Book 4.5.8/4.5.9 names): 0-0:96.3.10 the
    /// disconnect control state (read) and command (W1 with the password: 0 remote_disconnect,
    /// 1 remote_reconnect, 2 the same as 1, "release": reconnection by the push button in modes 1, 3, 5, 6),
    /// 0-0:96.3.11 the control mode (W1: 0..6); the limiter 0-0:17.0.0 threshold_normal, 0-0:17.0.1
    /// threshold_emergency, 0-0:17.0.2 min_over_threshold_duration s, 0-0:17.0.3 min_under_threshold_duration s,
    /// 0-0:17.0.4 monitored value and action (monitored + 10 × warn-only). 17.0.1…4 as E values of the limiter's
    /// code are our choice (the Blue Book addresses them as attributes of one class-71 object).
    /// </summary>
    public static class BreakerObjects
    {
        /// <summary>0-0:96.3.10 disconnect control: control_state; W1 a command.</summary>
        public static readonly ObisCode DisconnectControl = new ObisCode(0, 0, 96, 3, 10, 255);
        /// <summary>0-0:96.3.11 disconnect control_mode (0..6).</summary>
        public static readonly ObisCode ControlMode = new ObisCode(0, 0, 96, 3, 11, 255);
        /// <summary>0-0:17.0.0 limiter threshold_normal (W or mA as the monitored value).</summary>
        public static readonly ObisCode ThresholdNormal = new ObisCode(0, 0, 17, 0, 0, 255);
        /// <summary>0-0:17.0.1 limiter threshold_emergency.</summary>
        public static readonly ObisCode ThresholdEmergency = new ObisCode(0, 0, 17, 0, 1, 255);
        /// <summary>0-0:17.0.2 min_over_threshold_duration, s.</summary>
        public static readonly ObisCode MinOver = new ObisCode(0, 0, 17, 0, 2, 255);
        /// <summary>0-0:17.0.3 min_under_threshold_duration, s.</summary>
        public static readonly ObisCode MinUnder = new ObisCode(0, 0, 17, 0, 3, 255);
        /// <summary>0-0:17.0.4 monitored value (<see cref="LimiterMonitoredValue"/>) + 10 × warn-only.</summary>
        public static readonly ObisCode Monitoring = new ObisCode(0, 0, 17, 0, 4, 255);

        /// <summary>The logical names DLMS serves as class-specific objects, not as the table's Data objects:
        /// <see cref="DisconnectControlObject"/> (class 70) and <see cref="LimiterObject"/> (class 71).</summary>
        public static readonly ObisCode[] CosemClassObjects = { DisconnectControl, ThresholdNormal };

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here.</summary>
        public const int Count = 7;

        /// <summary>W1 of <see cref="DisconnectControl"/>: remote_disconnect.</summary>
        public const int CommandDisconnect = 0;
        /// <summary>W1 of <see cref="DisconnectControl"/>: remote_reconnect.</summary>
        public const int CommandReconnect = 1;
        /// <summary>W1 of <see cref="DisconnectControl"/>: remote_reconnect asked as a release (refused unless it leads to ready_for_reconnection).</summary>
        public const int CommandRelease = 2;
    }
}
