namespace Meter.Storage
{
    /// <summary>
    /// Kinds of logged events. Kamstrup 351C data sheet: terminal-cover opening and magnetic
    /// field are recorded with date and time; supply loss is recorded per phase with date,
    /// time and duration (here: a PowerDown and a PowerUp event per phase). OMNIPOWER "Tamper
    /// proof": alarms are "time and date stamped and saved in the permanent memory". The
    /// detail byte says which phase, parameter, tamper source, fault or storage area.
    /// </summary>
    public static class EventKind
    {
        /// <summary>Supply lost. Detail: phase 1–3 (its voltage zero-crossing timed out), 0 = all phases (meter power down, mains-fail signal).</summary>
        public const int PowerDown = 1;

        /// <summary>Supply back. Detail: phase 1–3 (old value: when it went down), 0 = all phases (meter power up; old value: when the meter last ran).</summary>
        public const int PowerUp = 2;

        /// <summary>Clock set. Old/new: the times before and after, UTC seconds since 1970 (Meter.Core ElectricityMeter.SetClock).</summary>
        public const int ClockSet = 3;

        /// <summary>Configuration code changed. Detail: which code; old/new: the code values.</summary>
        public const int ConfigurationChange = 4;

        /// <summary>Parameter changed (e.g. CT ratio, pulse constant). Detail: which; old/new values.</summary>
        public const int ParameterChange = 5;

        /// <summary>
        /// An access the optical port refused. Detail: Meter.Optical OpticalEventKind: 2 wrong password
        /// (new: failures so far), 3 port locked (new: minutes), 4 login while locked, 6 write refused
        /// (old: the object C·65536 + D·256 + E, new: nn of the "(ERnn)" answered).
        /// </summary>
        public const int PasswordFailure = 6;

        /// <summary>
        /// Tamper: detail 1 magnetic influence, 2 terminal cover opened, 3 meter cover opened; + 128
        /// (bit 7) = that tamper ended (field gone, cover back). Meter.Core TamperDetail gives the values.
        /// </summary>
        public const int Tamper = 7;

        /// <summary>Metrology fault: the ADE7880 (reset, not answering, verification) or the S0 pulse backlog. Detail: Meter.Core MetrologyFaultDetail.</summary>
        public const int MetrologyFault = 8;

        /// <summary>Storage repaired at boot. Detail: <see cref="StorageArea"/>; new value: slots repaired.</summary>
        public const int StorageRepair = 9;

        /// <summary>Billing period closed by command or external input (detail: <see cref="CloseReason"/>).</summary>
        public const int DebitingStop = 10;

        /// <summary>
        /// Legal data changed with the seal open. Detail: calibration register kind × 16 + phase
        /// (17 … 99, old/new: register values); 128 verification mode switched on/off by command,
        /// 129 verification mode ended by its timeout (old/new: test-LED constant in imp/kWh).
        /// </summary>
        public const int LegalDataChange = 11;

        /// <summary>
        /// Optical-port login accepted (IEC 62056-21 P1). Detail: granted password level. Added
        /// with storage layout version 2 (the per-kind counter record grew by one value).
        /// </summary>
        public const int Login = 12;

        /// <summary>
        /// The firmware restarted itself (the ESP32 reboots right after this event): detail the
        /// cause, Meter.Hal.Device FaultCode: 1 other exception, 2 ADE7880 driver exception, 3
        /// program error (invalid argument or state), 4 software watchdog (a stalled thread), 5 out
        /// of memory. New value: the meter's UTC seconds. Not a supply loss: the supply stayed on,
        /// so it is no <see cref="PowerDown"/> (whose detail is a phase). Added without a layout
        /// version: its counter is derived, not stored (EventLog.CountOf).
        /// </summary>
        public const int Restart = 13;

        /// <summary>
        /// Voltage dip or swell on a phase (EN 50160 §4.3, voltage events; detection as IEC 61000-4-30
        /// §5.4.2 dips, §5.4.3 swells). Detail: phase 1–3, + 16 for a dip or + 32 for a swell (Meter.Core VoltageQualityDetail);
        /// + 128 (bit 7) = it ended, old/new the start and end in UTC seconds, as <see cref="Tamper"/> does. At the
        /// start old/new are the phase's count before and after. Added with storage layout version 6: its counter
        /// lives in the event-counter extension record (EventLog) in the memory's former slack.
        /// </summary>
        public const int VoltageQuality = 14;

        /// <summary>Highest kind number; counters exist for kinds 1 … Count.</summary>
        public const int Count = 14;
    }
}
