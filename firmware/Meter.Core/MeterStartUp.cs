using Meter.Clock;
using Meter.Hal;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Power-up: opens storage (repairs are logged as events), restores the registers and the clock
    /// state, boots the clock (a new meter or an RTC that lost its backup restarts from the stored
    /// time, or from the factory time on a blank memory, marked invalid), restores the settings, the passive calendar, the
    /// voltage-quality record, the calibration (before the chip starts), the demand record and the billing counter, starts the chip and the S0 output,
    /// logs the power-up and catches up the profile and billing periods.
    /// </summary>
    public sealed class MeterStartUp
    {
        private readonly IRtc _rtc;
        private readonly MeterStorage _storage;
        private readonly MeterClock _clock;
        private readonly MeterTime _time;
        private readonly EventRouting _events;
        private readonly IntegrationPeriodSetting _period;
        private readonly RegisterPersistence _registers;
        private readonly SettingsWriter _settings;
        private readonly MetrologyEventLog _metrologyLog;
        private readonly CalibrationAccess _calibration;
        private readonly MeteringCycle _metering;
        private readonly IOutputPin _s0Pin;
        private readonly TariffSelection _tariffs;
        private readonly TariffCalendarObjects _calendar;
        private readonly BillingCounter _billing;
        private readonly PeriodClosing _periods;
        private readonly MeterStatusWords _status;

        /// <summary>Starts the parts named, in the order <see cref="Run"/> gives.</summary>
        public MeterStartUp(IRtc rtc, MeterStorage storage, MeterClock clock, MeterTime time, EventRouting events,
            IntegrationPeriodSetting period, RegisterPersistence registers, SettingsWriter settings, MetrologyEventLog metrologyLog,
            CalibrationAccess calibration, MeteringCycle metering, IOutputPin s0Pin, TariffSelection tariffs, TariffCalendarObjects calendar, BillingCounter billing, PeriodClosing periods,
            MeterStatusWords status)
        {
            _rtc = rtc;
            _storage = storage;
            _clock = clock;
            _time = time;
            _events = events;
            _period = period;
            _registers = registers;
            _settings = settings;
            _metrologyLog = metrologyLog;
            _calibration = calibration;
            _metering = metering;
            _s0Pin = s0Pin;
            _tariffs = tariffs;
            _calendar = calendar;
            _billing = billing;
            _periods = periods;
            _status = status;
        }

        /// <summary>What storage repaired at start (after <see cref="Run"/>).</summary>
        public StorageRecoveryReport Recovery { get; private set; }

        /// <summary>
        /// Power-up at <paramref name="nowMs"/>; on a blank memory (a new meter) the clock is set to
        /// <paramref name="factoryUtc"/> as the factory would. Returns true when the demand record must
        /// be rewritten (refused, running period dropped, or a missed billing close applied).
        /// </summary>
        public bool Run(long nowMs, System.DateTime factoryUtc)
        {
            System.DateTime stamp;
            if (_rtc.HasLostTime() || !_rtc.TryReadUtc(out stamp)) stamp = factoryUtc;
            Recovery = _storage.Open(stamp);
            _status.UseRecovery(Recovery);
            _period.UseStoredPeriod(); // the load profile's newest block holds the period

            long lastStoredUtc = UnixTime.ToSeconds(factoryUtc);
            ClockStatus persisted = new ClockStatus();
            bool resumed = Recovery.RegistersFound;
            long[] record = _registers.RestoreRegisters(resumed);
            if (resumed)
            {
                lastStoredUtc = _registers.StoredUtcSeconds;
                persisted = _registers.StoredClockStatus;
            }
            ClockBootOutcome boot = _clock.Boot(persisted, lastStoredUtc);
            _time.ReadClock();
            if (boot != ClockBootOutcome.RtcKeptTime) _events.Log(EventKind.ClockSet, (int)boot, 0, lastStoredUtc);
            if (Recovery.Formatted)
            {
                // A new meter (blank memory) leaves the factory with its clock set, before anything is metered.
                ClockSetEvent factory = _clock.SetTime(UnixTime.ToSeconds(factoryUtc), ClockSetSource.Factory);
                _time.SetUtc(factory.NewUtcSeconds);
                _events.Log(EventKind.ClockSet, (int)factory.Kind, factory.OldUtcSeconds, factory.NewUtcSeconds);
            }

            _settings.Restore(Recovery);
            _calendar.Restore(); // before the first selection below: an activation due during the outage fires there
            _metrologyLog.RestoreVoltageQuality();
            _calibration.Restore(); // the chip's first configuration below must carry the calibration written over the optical port
            _metering.Start(record, _s0Pin, nowMs);
            _time.SetNow(nowMs);
            _tariffs.Select(_time.UtcSeconds);
            _billing.Restore(_storage.Billing);
            bool rewriteDemand = _registers.RestoreDemand(Recovery);
            // Detail 0: the whole meter (EventKind.PowerUp: phase 1–3, 0 = all). Old value: the time the meter last ran.
            _events.Log(EventKind.PowerUp, 0, lastStoredUtc, _time.UtcSeconds);
            _metrologyLog.LogFaults(); // a chip that failed to start
            _periods.Start(_time.UtcSeconds, lastStoredUtc, resumed);
            return rewriteDemand;
        }
    }
}
