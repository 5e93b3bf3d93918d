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
    /// Owner of the event counters 0-0:96.15.K (<see cref="EventCounterObjects"/>).
    /// </summary>
    public sealed class EventRouting : ObisValueOwner, IOpticalEventSink
    {
        private readonly MeterTime _time;
        private readonly MeterStorage _storage;

        /// <summary>Routes events to the event log of <paramref name="storage"/>, stamped with the meter's <paramref name="time"/>.</summary>
        public EventRouting(MeterTime time, MeterStorage storage)
        {
            _time = time;
            _storage = storage;
        }

        /// <summary>Events the log refused (bad time or detail): counted, never allowed to stop the meter.</summary>
        public int Refused { get; private set; }

        /// <summary>Writes one event (detail 0..255, old and new value as the event kind defines them).</summary>
        public void Log(int kind, int detail, long oldValue, long newValue)
        {
            LogAt(_time.UtcSeconds, kind, detail, oldValue, newValue);
        }

        /// <summary>Writes one event stamped <paramref name="utcSeconds"/> (a change dated at its onset, e.g. a debounced tamper input).</summary>
        public void LogAt(long utcSeconds, int kind, int detail, long oldValue, long newValue)
        {
            try
            {
                _storage.Events.Log(UnixTime.ToDateTime(utcSeconds), kind, detail & 0xFF, oldValue, newValue);
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
            Log(EventKind.Restart, cause, 0, _time.UtcSeconds);
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
                    bool legal = code.C == CalibrationAccess.CalibrationGroup || code == StandardObjects.MeterConstant || code == StandardObjects.CtRatio;
                    // Clock settings are logged with their old and new time by ClockSetting, settings by SettingsWriter,
                    // calibration registers by CalibrationAccess and the verification mode by VerificationSwitch
                    // with old and new value.
                    if (code != StandardObjects.Clock && !SettingsObjects.IsLoggedBySettingsWriter(code) && !CalibrationAccess.IsCalibrationRegister(code)
                        && code != VerificationSwitch.Code
                        && !IntegrationPeriodSetting.IsLoggedHere(code) && !ListSettingsWriter.Handles(code)
                        && !ModuleInputObjects.IsSetting(code))
                        Log(legal ? EventKind.LegalDataChange : EventKind.ParameterChange, 0, PackCode(code), 0);
                    break;
                default:
                    break;
            }
        }

        /// <summary>Event counters: all events (K = 0) and per kind.</summary>
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            int kind = EventCounterObjects.KindOf(code);
            if (kind == 0) { value = _storage.Events.TotalLogged; return true; }
            if (kind > 0) { value = _storage.Events.CountOf(kind); return true; }
            return false;
        }

        /// <summary>The OBIS code C.D.E packed in one integer (C·65536 + D·256 + E), stored as the event's old value.</summary>
        public static int PackCode(ObisCode code)
        {
            return code.C * 65536 + code.D * 256 + code.E;
        }
    }
}
