using Meter.Clock;
using Meter.Obis;
using Meter.Optical;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Sends every event of the meter to the storage event log, stamped with the meter's UTC
    /// time: optical-port security events (password failures, locks, accepted writes), clock
    /// settings, power down/up, metrology faults, accepted logins (who entered programming mode
    /// is part of the audit trail; a login needs the password, so it cannot be flooded without
    /// it). Session ends are not logged (they carry no change and would wear the log).
    /// </summary>
    public sealed class EventRouting : IOpticalEventSink
    {
        private readonly ElectricityMeter _meter;

        /// <summary>Routes the events of <paramref name="meter"/>.</summary>
        public EventRouting(ElectricityMeter meter)
        {
            _meter = meter;
        }

        /// <summary>Events the log refused (bad time or detail): counted, never allowed to stop the meter.</summary>
        public int Refused { get; private set; }

        /// <summary>Writes one event (detail 0..255, old and new value as the event kind defines them).</summary>
        public void Log(int kind, int detail, long oldValue, long newValue)
        {
            LogAt(_meter.UtcSeconds, kind, detail, oldValue, newValue);
        }

        /// <summary>Writes one event stamped <paramref name="utcSeconds"/> (a change dated at its onset, e.g. a debounced tamper input).</summary>
        public void LogAt(long utcSeconds, int kind, int detail, long oldValue, long newValue)
        {
            try
            {
                _meter.Storage.Events.Log(UnixTime.ToDateTime(utcSeconds), kind, detail & 0xFF, oldValue, newValue);
            }
            catch (System.ArgumentException)
            {
                Refused++;
            }
        }

        /// <summary>
        /// The firmware is about to restart itself (the app reboots right after): one
        /// <see cref="EventKind.Restart"/> event, detail <paramref name="cause"/> (Meter.Hal.Device
        /// FaultCode), new value the meter's UTC seconds. The supply stayed on: no power-down event.
        /// </summary>
        public void LogRestart(int cause)
        {
            Log(EventKind.Restart, cause, 0, _meter.UtcSeconds);
        }

        /// <inheritdoc />
        public void Record(OpticalEventKind kind, long timeMs, ObisCode code, int detail)
        {
            switch (kind)
            {
                case OpticalEventKind.LoginSucceeded:
                    Log(EventKind.Login, detail, 0, 0);
                    break;
                case OpticalEventKind.PasswordRejected:
                case OpticalEventKind.PortLocked:
                case OpticalEventKind.LoginWhileLocked:
                    Log(EventKind.PasswordFailure, (int)kind, 0, detail);
                    break;
                case OpticalEventKind.WriteRejected:
                    // A refused W1 is an access the port refused, as a wrong password is (the storage's
                    // kinds are fixed by its layout): detail the optical event kind, old the object, new the nn of ERnn.
                    Log(EventKind.PasswordFailure, (int)kind, PackCode(code), detail);
                    break;
                case OpticalEventKind.WriteAccepted:
                    // Calibration (C = 128) and energy/constant objects are legal data; the rest configuration.
                    bool legal = code.C == ObisBindings.CalibrationGroup || code == StandardObjects.MeterConstant || code == StandardObjects.CtRatio;
                    // Clock settings are logged with their old and new time by the meter, settings by SettingsWriter,
                    // calibration registers by ElectricityMeter.WriteCalibration and the verification mode by
                    // ElectricityMeter.SetVerificationMode with old and new value.
                    if (code != StandardObjects.Clock && !SettingsObjects.IsLoggedBySettingsWriter(code) && !ObisBindings.IsCalibrationRegister(code)
                        && code != ObisBindings.VerificationModeCode
                        && !IntegrationPeriodSetting.IsLoggedHere(code) && !ListSettingsWriter.Handles(code))
                        Log(legal ? EventKind.LegalDataChange : EventKind.ParameterChange, 0, PackCode(code), 0);
                    break;
                default:
                    break;
            }
        }

        /// <summary>The OBIS code C.D.E packed in one integer (C·65536 + D·256 + E), stored as the event's old value.</summary>
        public static int PackCode(ObisCode code)
        {
            return code.C * 65536 + code.D * 256 + code.E;
        }
    }
}
