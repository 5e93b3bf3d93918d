namespace Meter.Core
{
    /// <summary>
    /// Smart disconnect: the limiter of DLMS Blue Book 4.5.9 (class 71). The monitored value
    /// (<see cref="LimiterMonitoredValue"/>) is compared each metering cycle with threshold_active:
    /// threshold_emergency while the emergency profile runs, threshold_normal otherwise. Above it (strictly)
    /// for min_over_threshold_duration: the action over threshold, a local disconnection
    /// (<see cref="DisconnectCause.Limiter"/>) or, with warn-only, just the warning status; at or below it for
    /// min_under_threshold_duration: the action under threshold (the request cleared). A sample on the
    /// other side restarts the running duration. Durations count from the first sample over (under) to the
    /// sample that reaches them, so the action comes at the first cycle at or after the duration.
    /// The emergency profile (class 71 attributes 8-10): one profile {id, activation, duration} and a group id
    /// list of at most one id; it runs from its activation for its duration while its id is the listed group
    /// (a meter whose group list was never written runs it whatever its id, as <see cref="ActivateEmergency"/> does).
    /// Settings live in the device-state record (<see cref="BreakerState"/>: thresholds in the low 32 bits of their
    /// values, the profile id and duration above them, the group in the configuration). No allocation.
    /// </summary>
    public sealed class Limiter
    {
        /// <summary>Status bit: the monitored value has been over threshold_active for min_over_threshold_duration.</summary>
        public const int StatusOverThreshold = 0x01;
        /// <summary>Status bit: the emergency profile is active (threshold_emergency applies).</summary>
        public const int StatusEmergency = 0x02;
        /// <summary>Longest duration accepted, s (one day: a longer one is no limiter).</summary>
        public const long MaxDurationSeconds = 86400;
        /// <summary>Highest threshold (W or mA): six digits, as the optical port shows it.</summary>
        public const long MaxThreshold = 999999;
        /// <summary>Highest emergency profile or group id (long-unsigned).</summary>
        public const int MaxProfileId = 0xFFFF;

        private const int WarnOnlyBit = 0x04;
        private const int MonitoredMask = 0x03;
        private const long Low32 = 0xFFFFFFFFL;
        private const int EndShift = 8, GroupShift = 40, GroupListedBit = 57; // group id + 1 in bits 40..56

        private readonly DisconnectControl _control;
        private readonly DeviceStateRecord _record;
        private bool _over;
        private bool _timing;
        private long _sinceMs;

        /// <summary>A limiter acting on <paramref name="control"/>, settings in <paramref name="record"/>.</summary>
        public Limiter(DisconnectControl control, DeviceStateRecord record)
        {
            _control = control;
            _record = record;
        }

        /// <summary>What is monitored (<see cref="LimiterMonitoredValue"/>; None = off).</summary>
        public int MonitoredValue { get { return (int)(Config & MonitoredMask); } }
        /// <summary>threshold_normal (W or mA, as the monitored value).</summary>
        public long ThresholdNormal { get { return _record.Get(BreakerState.ThresholdNormalIndex) & Low32; } }
        /// <summary>threshold_emergency.</summary>
        public long ThresholdEmergency { get { return _record.Get(BreakerState.ThresholdEmergencyIndex) & Low32; } }
        /// <summary>min_over_threshold_duration, s.</summary>
        public long MinOverSeconds { get { return _record.Get(BreakerState.DurationsIndex) & 0xFFFFFFFFL; } }
        /// <summary>min_under_threshold_duration, s.</summary>
        public long MinUnderSeconds { get { return (_record.Get(BreakerState.DurationsIndex) >> 32) & 0xFFFFFFFFL; } }
        /// <summary>True: over threshold only warns (status, event), no disconnection.</summary>
        public bool WarnOnly { get { return (Config & WarnOnlyBit) != 0; } }
        /// <summary>UTC seconds the emergency profile ends (0: none).</summary>
        public long EmergencyEndsUtcSeconds { get { return (Config >> EndShift) & Low32; } }
        /// <summary>emergency_profile_id (attribute 8).</summary>
        public int EmergencyProfileId { get { return (int)((_record.Get(BreakerState.ThresholdNormalIndex) >> 32) & MaxProfileId); } }
        /// <summary>emergency_duration, s (attribute 8); 0 with an end: activated before durations were kept, runs until the end.</summary>
        public long EmergencyDurationSeconds { get { return _record.Get(BreakerState.ThresholdEmergencyIndex) >> 32; } }
        /// <summary>emergency_activation_time, UTC seconds (0: none).</summary>
        public long EmergencyActivationUtcSeconds { get { return EmergencyEndsUtcSeconds - EmergencyDurationSeconds; } }
        /// <summary>True when a group id list has been written (<see cref="EmergencyGroupId"/> its one entry, unless empty).</summary>
        public bool GroupListWritten { get { return (Config >> GroupListedBit & 1) != 0; } }
        /// <summary>The one emergency_profile_group_id, or -1 for an empty list.</summary>
        public int EmergencyGroupId { get { return GroupListWritten ? (int)((Config >> GroupShift) & 0x1FFFF) - 1 : -1; } }
        /// <summary>True while over threshold (after min_over_threshold_duration, until min_under_threshold_duration).</summary>
        public bool OverThreshold { get { return _over; } }

        private long Config { get { return _record.Get(BreakerState.LimiterConfigIndex); } }

        /// <summary>threshold_active at <paramref name="utcSeconds"/>.</summary>
        public long ThresholdActive(long utcSeconds)
        {
            return EmergencyActive(utcSeconds) ? ThresholdEmergency : ThresholdNormal;
        }

        /// <summary>True while the emergency profile runs.</summary>
        public bool EmergencyActive(long utcSeconds)
        {
            if (GroupListWritten && EmergencyGroupId != EmergencyProfileId) return false;
            return utcSeconds < EmergencyEndsUtcSeconds && utcSeconds >= EmergencyActivationUtcSeconds;
        }

        /// <summary><see cref="StatusOverThreshold"/>, <see cref="StatusEmergency"/>.</summary>
        public int Status(long utcSeconds)
        {
            return (_over ? StatusOverThreshold : 0) | (EmergencyActive(utcSeconds) ? StatusEmergency : 0);
        }

        /// <summary>
        /// Sets the limiter (saved at once). Thresholds 0 or more, durations 0..<see cref="MaxDurationSeconds"/>;
        /// false and nothing changed for a bad value. A new setting starts the durations again.
        /// </summary>
        public bool Configure(int monitoredValue, long thresholdNormal, long thresholdEmergency, long minOverSeconds, long minUnderSeconds, bool warnOnly)
        {
            if (monitoredValue < LimiterMonitoredValue.None || monitoredValue > LimiterMonitoredValue.PhaseCurrent) return false;
            if (thresholdNormal < 0 || thresholdNormal > MaxThreshold || thresholdEmergency < 0 || thresholdEmergency > MaxThreshold) return false;
            if (minOverSeconds < 0 || minOverSeconds > MaxDurationSeconds || minUnderSeconds < 0 || minUnderSeconds > MaxDurationSeconds) return false;
            SetLow32(BreakerState.ThresholdNormalIndex, thresholdNormal);
            SetLow32(BreakerState.ThresholdEmergencyIndex, thresholdEmergency);
            _record.Set(BreakerState.DurationsIndex, minOverSeconds | (minUnderSeconds << 32));
            _record.Set(BreakerState.LimiterConfigIndex, (Config & ~0xFFL) | (long)(monitoredValue | (warnOnly ? WarnOnlyBit : 0)));
            _record.Commit();
            _timing = false;
            if (monitoredValue == LimiterMonitoredValue.None) Release();
            return true;
        }

        /// <summary>Starts the emergency profile for <paramref name="durationSeconds"/> from <paramref name="utcSeconds"/> (0 ends it). Saved at once.</summary>
        public bool ActivateEmergency(long utcSeconds, long durationSeconds)
        {
            return SetEmergencyProfile(EmergencyProfileId, utcSeconds, durationSeconds);
        }

        /// <summary>
        /// emergency_profile (attribute 8): profile <paramref name="id"/> from <paramref name="activationUtcSeconds"/>
        /// for <paramref name="durationSeconds"/> (0: none). False and nothing changed for a value out of range. Saved at once.
        /// </summary>
        public bool SetEmergencyProfile(int id, long activationUtcSeconds, long durationSeconds)
        {
            if (id < 0 || id > MaxProfileId || durationSeconds < 0 || durationSeconds > MaxDurationSeconds) return false;
            if (activationUtcSeconds < 0 || activationUtcSeconds + durationSeconds > Low32) return false;
            long end = durationSeconds == 0 ? 0 : activationUtcSeconds + durationSeconds;
            _record.Set(BreakerState.ThresholdNormalIndex, ThresholdNormal | ((long)id << 32));
            _record.Set(BreakerState.ThresholdEmergencyIndex, ThresholdEmergency | (durationSeconds << 32));
            _record.Set(BreakerState.LimiterConfigIndex, (Config & ~(Low32 << EndShift)) | (end << EndShift));
            _record.Commit();
            return true;
        }

        /// <summary>emergency_profile_group_id_list (attribute 9) of at most one id: <paramref name="groupId"/>, or -1
        /// for an empty list. False for an id out of range. Saved at once.</summary>
        public bool SetEmergencyGroup(int groupId)
        {
            if (groupId < -1 || groupId > MaxProfileId) return false;
            long group = ((long)(groupId + 1) << GroupShift) | (1L << GroupListedBit);
            _record.Set(BreakerState.LimiterConfigIndex, (Config & ~(0x1FFFFL << GroupShift | 1L << GroupListedBit)) | group);
            _record.Commit();
            return true;
        }

        private void SetLow32(int index, long value)
        {
            _record.Set(index, (_record.Get(index) & ~Low32) | value);
        }

        /// <summary>One sample of the monitored value at monotonic <paramref name="nowMs"/> (UTC <paramref name="utcSeconds"/>).</summary>
        public void Sample(long value, long nowMs, long utcSeconds)
        {
            if (MonitoredValue == LimiterMonitoredValue.None) return;
            bool above = value > ThresholdActive(utcSeconds);
            if (above == _over)
            {
                _timing = false; // on the side already acted on
                return;
            }
            if (!_timing)
            {
                _timing = true;
                _sinceMs = nowMs;
            }
            long needMs = (above ? MinOverSeconds : MinUnderSeconds) * 1000;
            if (nowMs - _sinceMs < needMs) return;
            _timing = false;
            if (above)
            {
                _over = true;
                if (!WarnOnly) _control.RequestLocalDisconnect(DisconnectCause.Limiter);
            }
            else Release();
        }

        /// <summary>At start: a local disconnection the limiter asked for before the restart stays until the load has been under threshold long enough.</summary>
        public void Start()
        {
            _over = (_control.LocalRequests & (1 << DisconnectCause.Limiter)) != 0;
            _timing = false;
        }

        private void Release()
        {
            _over = false;
            _control.ClearLocalDisconnect(DisconnectCause.Limiter);
        }
    }
}
