using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// Owner of the <see cref="BreakerObjects"/>: reads the disconnect control and limiter values, takes the
    /// optical port's writes (validated for range by the table) as commands and settings. A command the
    /// control mode does not allow, or any write to a meter without breaker, is refused (ER: rejected).
    /// </summary>
    public sealed class BreakerObjectOwner : ObisValueOwner
    {
        private readonly DisconnectControl _control;
        private readonly Limiter _limiter;

        /// <summary>The owner over <paramref name="control"/> and <paramref name="limiter"/>.</summary>
        public BreakerObjectOwner(DisconnectControl control, Limiter limiter)
        {
            _control = control;
            _limiter = limiter;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code == BreakerObjects.DisconnectControl) value = _control.ControlState;
            else if (code == BreakerObjects.ControlMode) value = _control.ControlMode;
            else if (code == BreakerObjects.ThresholdNormal) value = _limiter.ThresholdNormal;
            else if (code == BreakerObjects.ThresholdEmergency) value = _limiter.ThresholdEmergency;
            else if (code == BreakerObjects.MinOver) value = _limiter.MinOverSeconds;
            else if (code == BreakerObjects.MinUnder) value = _limiter.MinUnderSeconds;
            else if (code == BreakerObjects.Monitoring) value = _limiter.MonitoredValue + (_limiter.WarnOnly ? 10 : 0);
            else return false;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            if (!_control.Fitted) return ObisWriteResult.Rejected;
            if (code == BreakerObjects.DisconnectControl) return Command(value);
            if (code == BreakerObjects.ControlMode)
                return _control.SetControlMode((int)value, DisconnectCause.OpticalPort) ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange;
            long normal = _limiter.ThresholdNormal, emergency = _limiter.ThresholdEmergency;
            long over = _limiter.MinOverSeconds, under = _limiter.MinUnderSeconds;
            int monitored = _limiter.MonitoredValue;
            bool warnOnly = _limiter.WarnOnly;
            if (code == BreakerObjects.ThresholdNormal) normal = value;
            else if (code == BreakerObjects.ThresholdEmergency) emergency = value;
            else if (code == BreakerObjects.MinOver) over = value;
            else if (code == BreakerObjects.MinUnder) under = value;
            else if (code == BreakerObjects.Monitoring) { monitored = (int)(value % 10); warnOnly = value >= 10; }
            else return ObisWriteResult.UnknownObject;
            return _limiter.Configure(monitored, normal, emergency, over, under, warnOnly) ? ObisWriteResult.Accepted : ObisWriteResult.OutOfRange;
        }

        private ObisWriteResult Command(long command)
        {
            int result;
            if (command == BreakerObjects.CommandDisconnect) result = _control.RemoteDisconnect(DisconnectCause.OpticalPort);
            else
            {
                if (command == BreakerObjects.CommandRelease && _control.ControlMode != 0
                    && DisconnectTransitions.Next(_control.ControlMode, DisconnectControlState.Disconnected, DisconnectTrigger.RemoteReconnect) != DisconnectControlState.ReadyForReconnection)
                    return ObisWriteResult.Rejected; // modes 2 and 4 reconnect directly: no release
                result = _control.RemoteReconnect(DisconnectCause.OpticalPort);
            }
            return result == DisconnectResult.Done || result == DisconnectResult.AlreadyThere ? ObisWriteResult.Accepted : ObisWriteResult.Rejected;
        }
    }
}
