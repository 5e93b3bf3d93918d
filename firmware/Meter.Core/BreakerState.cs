namespace Meter.Core
{
    /// <summary>
    /// The breaker's values in the shared device-state record (<see cref="DeviceStateRecord.Breaker"/> .. +6).
    /// 0 in a value means "never stored" (a blank record), so states and modes are stored + 1.
    /// </summary>
    public static class BreakerState
    {
        /// <summary>Disconnect control_state + 1.</summary>
        public const int ControlStateIndex = DeviceStateRecord.Breaker + 0;
        /// <summary>Disconnect control_mode + 1.</summary>
        public const int ControlModeIndex = DeviceStateRecord.Breaker + 1;
        /// <summary>The local-disconnect requests (bit 1 &lt;&lt; cause).</summary>
        public const int LocalRequestsIndex = DeviceStateRecord.Breaker + 2;
        /// <summary>Limiter threshold_normal (low 32 bits), emergency_profile_id (bits 32…47).</summary>
        public const int ThresholdNormalIndex = DeviceStateRecord.Breaker + 3;
        /// <summary>Limiter threshold_emergency (low 32 bits), emergency_duration s (bits 32…).</summary>
        public const int ThresholdEmergencyIndex = DeviceStateRecord.Breaker + 4;
        /// <summary>Limiter min_over_threshold_duration (low 32 bits) and min_under_threshold_duration (high 32 bits), s.</summary>
        public const int DurationsIndex = DeviceStateRecord.Breaker + 5;
        /// <summary>Limiter monitored value (bits 0–1), warn-only action (bit 2), emergency profile end in UTC seconds (bits 8…39), emergency group id + 1 (bits 40…56), group list written (bit 57).</summary>
        public const int LimiterConfigIndex = DeviceStateRecord.Breaker + 6;
    }
}
