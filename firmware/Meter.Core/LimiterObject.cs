using Meter.Clock;
using Meter.Dlms;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Limiter 0-0:17.0.0.255 as a COSEM object (DLMS Blue Book 4.5.9, class_id 71, version 0) over the meter's
    /// <see cref="Limiter"/> (the optical objects 0-0:17.0.0…4 show the same settings). Attributes: 2 monitored_value
    /// value_definition {class_id, logical_name, attribute_index} (<see cref="LimiterMonitoredValue"/>: 1-0:1.7.0.255
    /// or 1-0:11.7.0.255 attribute 2 of class 3, or all zero for off), 3 threshold_active (read only), 4
    /// threshold_normal, 5 threshold_emergency (double-long-unsigned, W or mA), 6 min_over_threshold_duration, 7
    /// min_under_threshold_duration (double-long-unsigned s), 8 emergency_profile {id long-unsigned, activation_time
    /// date-time local, duration double-long-unsigned}, 9 emergency_profile_group_id_list (array of at most one
    /// long-unsigned: the meter keeps one group), 10 emergency_profile_active (read only), 11 actions
    /// {action_over_threshold, action_under_threshold} of action_item {script_logical_name, script_selector}.
    /// What the meter cannot honour: the actions are fixed to the disconnect control script table 0-0:10.0.106.255
    /// (not served as an object): over threshold script 1 (a local disconnection through the disconnect control)
    /// or no script (all-zero name, selector 0: warn only, status bit and event), under threshold script 2 (the
    /// request cleared, reconnection as the control mode allows); any other reference, a second group id, an
    /// emergency profile or threshold out of range, or a register the meter does not monitor is refused with
    /// other-reason, a value of another type with type-unmatched. Writes by the management client, saved at once
    /// in the device-state record (as the optical port's writes) and logged as its writes are.
    /// </summary>
    public sealed class LimiterObject : SingleCosemObject
    {
        /// <summary>class_id of Limiter.</summary>
        public const int ClassIdValue = 71;
        /// <summary>Disconnect control script table (IEC 62056-6-1: 0-0:10.0.106.255).</summary>
        public static readonly ObisCode DisconnectScripts = new ObisCode(0, 0, 10, 0, 106, 255);
        /// <summary>Script of <see cref="DisconnectScripts"/> run over threshold: disconnect.</summary>
        public const int DisconnectScript = 1;
        /// <summary>Script run under threshold: reconnect (as the control mode allows).</summary>
        public const int ReconnectScript = 2;

        private const int Monitored = 2, ThresholdActive = 3, Normal = 4, Emergency = 5, MinOver = 6, MinUnder = 7;
        private const int Profile = 8, GroupList = 9, ProfileActive = 10, Actions = 11;
        private const int DateTimeLength = 12, NameLength = 6;

        private readonly Limiter _limiter;
        private readonly LocalTimeRule _rule;
        private readonly ObisLocalTime _localTime;
        private readonly MeterTime _time;
        private readonly CosemTableWrites _writes;
        private readonly byte[] _bytes = new byte[DateTimeLength];

        /// <summary>Serves <paramref name="limiter"/>; times local by <paramref name="rule"/>, now from
        /// <paramref name="time"/>; writes logged through <paramref name="writes"/>.</summary>
        public LimiterObject(Limiter limiter, LocalTimeRule rule, MeterTime time, CosemTableWrites writes)
            : base(BreakerObjects.ThresholdNormal, ClassIdValue, 0, 11, 0)
        {
            if (limiter == null) throw new System.ArgumentNullException("limiter");
            if (writes == null) throw new System.ArgumentNullException("writes");
            _limiter = limiter;
            _rule = rule;
            _localTime = new ObisLocalTime(rule);
            _time = time;
            _writes = writes;
        }

        /// <inheritdoc />
        protected override bool IsWritable(int attributeId)
        {
            return attributeId != 1 && attributeId != ThresholdActive && attributeId != ProfileActive;
        }

        /// <inheritdoc />
        protected override DataAccessResult GetAttribute(int attributeId, AxdrWriter value)
        {
            switch (attributeId)
            {
                case Monitored:
                    int kind = _limiter.MonitoredValue;
                    value.WriteStructure(3);
                    value.WriteLongUnsigned((ushort)(kind == LimiterMonitoredValue.None ? 0 : LimiterMonitoredValue.RegisterClass));
                    WriteName(LimiterMonitoredValue.CodeOf(kind), value);
                    value.WriteInteger((sbyte)(kind == LimiterMonitoredValue.None ? 0 : LimiterMonitoredValue.ValueAttribute));
                    break;
                case ThresholdActive: value.WriteDoubleLongUnsigned((uint)_limiter.ThresholdActive(_time.UtcSeconds)); break;
                case Normal: value.WriteDoubleLongUnsigned((uint)_limiter.ThresholdNormal); break;
                case Emergency: value.WriteDoubleLongUnsigned((uint)_limiter.ThresholdEmergency); break;
                case MinOver: value.WriteDoubleLongUnsigned((uint)_limiter.MinOverSeconds); break;
                case MinUnder: value.WriteDoubleLongUnsigned((uint)_limiter.MinUnderSeconds); break;
                case Profile:
                    value.WriteStructure(3);
                    value.WriteLongUnsigned((ushort)_limiter.EmergencyProfileId);
                    if (_limiter.EmergencyEndsUtcSeconds == 0) DemandRegisterValues.WriteUnspecified(value);
                    else CosemDateTime.Write(value, _rule.ToLocal(_limiter.EmergencyActivationUtcSeconds));
                    value.WriteDoubleLongUnsigned((uint)_limiter.EmergencyDurationSeconds);
                    break;
                case GroupList:
                    // Never written: the one profile runs whatever its id, as if its id were listed.
                    int group = _limiter.GroupListWritten ? _limiter.EmergencyGroupId : _limiter.EmergencyProfileId;
                    value.WriteArray(group < 0 ? 0 : 1);
                    if (group >= 0) value.WriteLongUnsigned((ushort)group);
                    break;
                case ProfileActive: value.WriteBoolean(_limiter.EmergencyActive(_time.UtcSeconds)); break;
                default:
                    value.WriteStructure(2);
                    WriteAction(_limiter.WarnOnly ? 0 : DisconnectScript, value);
                    WriteAction(ReconnectScript, value);
                    break;
            }
            return DataAccessResult.Success;
        }

        // action_item ::= structure { script_logical_name octet-string, script_selector long-unsigned }; 0: none.
        private static void WriteAction(int script, AxdrWriter value)
        {
            value.WriteStructure(2);
            WriteName(script == 0 ? LimiterMonitoredValue.CodeOf(LimiterMonitoredValue.None) : DisconnectScripts, value);
            value.WriteLongUnsigned((ushort)script);
        }

        private static void WriteName(ObisCode code, AxdrWriter value)
        {
            value.WriteByte(AxdrType.OctetString);
            value.WriteByte(NameLength);
            value.WriteByte(code.A); value.WriteByte(code.B); value.WriteByte(code.C);
            value.WriteByte(code.D); value.WriteByte(code.E); value.WriteByte(code.F);
        }

        /// <inheritdoc />
        protected override DataAccessResult SetAttribute(int attributeId, AxdrReader value)
        {
            long normal = _limiter.ThresholdNormal, emergency = _limiter.ThresholdEmergency;
            long over = _limiter.MinOverSeconds, under = _limiter.MinUnderSeconds;
            int monitored = _limiter.MonitoredValue;
            bool warnOnly = _limiter.WarnOnly;
            ObisCode logged = BreakerObjects.Monitoring;
            switch (attributeId)
            {
                case Monitored:
                    if (value.ReadStructure() != 3) return DataAccessResult.TypeUnmatched;
                    long classId = value.ReadInteger(AxdrType.LongUnsigned);
                    ObisCode code = ReadName(value);
                    long attribute = value.ReadInteger(AxdrType.Integer);
                    if (value.Failed) return DataAccessResult.TypeUnmatched;
                    monitored = LimiterMonitoredValue.KindOf(classId, code, attribute);
                    if (monitored < 0) return _writes.Report(logged, ObisWriteResult.OutOfRange);
                    break;
                case Normal: normal = ReadNumber(value); logged = BreakerObjects.ThresholdNormal; break;
                case Emergency: emergency = ReadNumber(value); logged = BreakerObjects.ThresholdEmergency; break;
                case MinOver: over = ReadNumber(value); logged = BreakerObjects.MinOver; break;
                case MinUnder: under = ReadNumber(value); logged = BreakerObjects.MinUnder; break;
                case Profile: return SetProfile(value);
                case GroupList: return SetGroups(value);
                default:
                    if (value.ReadStructure() != 2) return DataAccessResult.TypeUnmatched;
                    int overScript = ReadAction(value), underScript = ReadAction(value);
                    if (value.Failed) return DataAccessResult.TypeUnmatched;
                    if ((overScript != 0 && overScript != DisconnectScript) || underScript != ReconnectScript)
                        return _writes.Report(logged, ObisWriteResult.OutOfRange);
                    warnOnly = overScript == 0;
                    break;
            }
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            return Report(logged, _limiter.Configure(monitored, normal, emergency, over, under, warnOnly));
        }

        // A threshold or duration: any integer type (threshold: the monitored register's type); negative fails Configure.
        private static long ReadNumber(AxdrReader value)
        {
            return value.ReadInteger();
        }

        // An action_item's script selector when its name is the disconnect scripts, 0 for none (all-zero name and
        // selector 0), -1 for any other script.
        private static int ReadAction(AxdrReader value)
        {
            if (value.ReadStructure() != 2) return -1;
            ObisCode name = ReadName(value);
            long selector = value.ReadInteger(AxdrType.LongUnsigned);
            if (name == DisconnectScripts && selector != 0) return (int)selector;
            return selector == 0 && name == LimiterMonitoredValue.CodeOf(LimiterMonitoredValue.None) ? 0 : -1;
        }

        private static ObisCode ReadName(AxdrReader value)
        {
            if (value.ReadStringHeader(AxdrType.OctetString) != NameLength)
            {
                value.Fail(AxdrError.TypeMismatch);
                return new ObisCode(0, 0, 0, 0, 0, 0);
            }
            byte a = (byte)value.ReadByte(), b = (byte)value.ReadByte(), c = (byte)value.ReadByte();
            byte d = (byte)value.ReadByte(), e = (byte)value.ReadByte(), f = (byte)value.ReadByte();
            return new ObisCode(a, b, c, d, e, f);
        }

        // emergency_profile: the activation in the meter's local time (deviation and status not used); a
        // not-specified activation only with duration 0 (no profile).
        private DataAccessResult SetProfile(AxdrReader value)
        {
            if (value.ReadStructure() != 3) return DataAccessResult.TypeUnmatched;
            long id = value.ReadInteger(AxdrType.LongUnsigned);
            if (value.ReadStringHeader(AxdrType.OctetString) != DateTimeLength) return DataAccessResult.TypeUnmatched;
            for (int i = 0; i < DateTimeLength; i++) _bytes[i] = (byte)value.ReadByte();
            long duration = value.ReadInteger(AxdrType.DoubleLongUnsigned);
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            long activation = 0;
            if (!CalendarRecord.IsNotSpecified(_bytes))
            {
                ObisDateTime local = CalendarRecord.ToDateTime(_bytes);
                if (!local.IsValid) return Report(BreakerObjects.ThresholdNormal, false);
                activation = _localTime.ToUtc(local);
            }
            else if (duration != 0) return Report(BreakerObjects.ThresholdNormal, false);
            return Report(BreakerObjects.ThresholdNormal, _limiter.SetEmergencyProfile((int)id, activation, duration));
        }

        private DataAccessResult SetGroups(AxdrReader value)
        {
            int count = value.ReadArray();
            if (count < 0) return DataAccessResult.TypeUnmatched;
            long group = count == 0 ? -1 : value.ReadInteger(AxdrType.LongUnsigned);
            if (value.Failed) return DataAccessResult.TypeUnmatched;
            return Report(BreakerObjects.ThresholdNormal, count <= 1 && _limiter.SetEmergencyGroup((int)group));
        }

        private DataAccessResult Report(ObisCode code, bool accepted)
        {
            return _writes.Report(code, accepted ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange);
        }

        /// <inheritdoc />
        protected override ActionResult Invoke(int methodId, AxdrReader parameters, bool hasParameters)
        {
            return ActionResult.ObjectUndefined; // version 0 has no methods
        }
    }
}
