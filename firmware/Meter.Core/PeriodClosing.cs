using Meter.Clock;
using Meter.Metrology;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Time-driven logging: closes load-profile intervals (one entry per integration period,
    /// A+, A−, R+, R− in Wh, stamped with the interval's end in UTC) and billing periods (the
    /// 30 billing values, then the demand maxima are cleared). Registers are force-saved before
    /// every capture so a logger never holds values newer than the register record (Meter.Storage
    /// MeterStorage.SaveRegisters remarks). Pre-allocated buffers; no allocation per call.
    /// </summary>
    public sealed class PeriodClosing
    {
        private readonly MeterSettings _settings;
        private readonly MeterStorage _storage;
        private readonly IntegrationPeriod _period;
        private readonly LocalTimeRule _rule;
        private readonly EnergyAccumulator _energy;
        private readonly DemandMeter _demand;
        private readonly RegisterPersistence _registers;
        private readonly BillingCounter _billingCounter;
        private readonly ModuleInputs _inputs;
        private PeriodSchedule _billingSchedule;
        private readonly long[] _profileValues = new long[4];
        // A+, A−, R+, R− and the pulse-input register (MeterSettings.PulseInputProfileChannel): a 5-channel block's values.
        private readonly long[] _pulseChannelValues = new long[5];
        private bool _pulseWentBack;
        private readonly long[] _billingValues = new long[BillingValues.Count];
        private long _nextProfileEnd;
        private int _pendingStatus;
        private long _lastBillingCheckUtc;
        private long _nextBillingCheckUtc;

        /// <summary>
        /// Closes the load profile and billing periods of <paramref name="storage"/> with the values of <paramref name="energy"/>
        /// and <paramref name="demand"/>, forcing a register save through <paramref name="registers"/> before each capture;
        /// billing schedule and tariff count from <paramref name="settings"/>; the pulse count captured at a billing close from <paramref name="inputs"/>.
        /// </summary>
        public PeriodClosing(MeterSettings settings, MeterStorage storage, IntegrationPeriod period, LocalTimeRule rule,
            EnergyAccumulator energy, DemandMeter demand, RegisterPersistence registers, BillingCounter billingCounter, ModuleInputs inputs)
        {
            _inputs = inputs;
            _settings = settings;
            _storage = storage;
            _period = period;
            _rule = rule;
            _energy = energy;
            _demand = demand;
            _registers = registers;
            _billingCounter = billingCounter;
            _billingSchedule = PeriodSchedule.ForBilling(settings.BillingTargetDay, settings.BillingIntervalCode);
        }

        /// <summary>
        /// Replaces the billing schedule (target day GG, interval code HH changed over the optical
        /// port, or restored from the settings record at start). Boundaries are searched from
        /// <paramref name="utcSeconds"/> on: a change never closes a period retroactively.
        /// </summary>
        /// <exception cref="System.ArgumentException">Codes outside PeriodSchedule.ForBilling's ranges.</exception>
        public void ChangeBillingSchedule(int targetDay, int intervalCode, long utcSeconds)
        {
            _billingSchedule = PeriodSchedule.ForBilling(targetDay, intervalCode);
            if (_lastBillingCheckUtc < utcSeconds) _lastBillingCheckUtc = utcSeconds;
        }

        /// <summary>Profile entries written since start.</summary>
        public long ProfileEntries { get; private set; }

        /// <summary>Billing periods closed since start.</summary>
        public long BillingClosings { get; private set; }

        /// <summary>
        /// Start-up at <paramref name="utcSeconds"/>; <paramref name="lastStoredUtcSeconds"/> is the
        /// time in the register record (the last time the meter ran), from which missed billing
        /// closings are caught up. <paramref name="powerFailure"/> marks the first interval.
        /// </summary>
        public void Start(long utcSeconds, long lastStoredUtcSeconds, bool powerFailure)
        {
            LoadProfile profile = _storage.Profile;
            if (!profile.IsStarted)
            {
                CaptureProfileValues();
                profile.Start(UnixTime.ToDateTime(utcSeconds), _profileValues);
            }
            _pendingStatus = powerFailure ? IntervalStatus.PowerFailure : IntervalStatus.None;
            _nextProfileEnd = _period.IntervalEnd(utcSeconds);
            _lastBillingCheckUtc = lastStoredUtcSeconds < utcSeconds ? lastStoredUtcSeconds : utcSeconds;
            _nextBillingCheckUtc = utcSeconds;
        }

        /// <summary>Closes what is due at <paramref name="utcSeconds"/>.</summary>
        public void Update(long utcSeconds)
        {
            if (utcSeconds >= _nextProfileEnd)
            {
                // A late call (meter was busy or off) closes only the interval that ended last, stamped at its end.
                long end = _period.IntervalStart(utcSeconds);
                AppendProfile(end, _pendingStatus);
                _pendingStatus = IntervalStatus.None;
                _nextProfileEnd = _period.IntervalEnd(utcSeconds);
            }
            if (utcSeconds >= _nextBillingCheckUtc)
            {
                CloseBillingIfDue(utcSeconds);
                _nextBillingCheckUtc = utcSeconds - UnixTime.FloorMod(utcSeconds, 60) + 60; // once a minute
            }
        }

        /// <summary>
        /// The clock was set from <paramref name="oldUtc"/> to <paramref name="newUtc"/>: when it
        /// jumped, the running interval is closed at the old time and marked, and the next one
        /// is marked too (IEC 62056-62 profile status "clock set"; Kamstrup 351 load profile).
        /// </summary>
        public void OnClockSet(long oldUtc, long newUtc, bool intervalClosed)
        {
            if (intervalClosed)
            {
                AppendProfile(oldUtc, _pendingStatus | IntervalStatus.ClockSet | IntervalStatus.Incomplete);
                _pendingStatus = IntervalStatus.ClockSet | IntervalStatus.Incomplete;
                _nextProfileEnd = _period.IntervalEnd(newUtc);
            }
            _lastBillingCheckUtc = newUtc < oldUtc ? newUtc : oldUtc;
            _nextBillingCheckUtc = newUtc;
        }

        /// <summary>
        /// The integration period changes to <paramref name="minutes"/> at <paramref name="utcSeconds"/>
        /// (IntegrationPeriodSetting): closes what fell due under the old period, then the running
        /// interval at the change, marked Incomplete (shorter than its period: IEC 62056-62 profile
        /// status, as for a clock set), in the same power-fail-safe step that opens the profile
        /// block with the new period (Meter.Storage LoadProfile.ChangePeriod); then the shared
        /// <see cref="IntegrationPeriod"/> switches and the next interval ends at the next boundary
        /// of the new period, aligned to the clock. That first interval is marked Incomplete too
        /// unless it starts on a boundary of the new period.
        /// </summary>
        /// <exception cref="System.ArgumentException">The profile refused the change (nothing changed).</exception>
        public void ChangeProfilePeriod(long utcSeconds, int minutes)
        {
            Update(utcSeconds);
            _registers.SaveRegisters(true);
            CaptureProfileValues();
            int status = _pendingStatus | IntervalStatus.Incomplete;
            if (_rule.IsSummerTime(utcSeconds - 1)) status |= IntervalStatus.DaylightSaving;
            LoadProfile profile = _storage.Profile;
            bool closed = profile.ChangePeriod(UnixTime.ToDateTime(utcSeconds), ValuesFor(profile), status, minutes);
            if (closed)
            {
                ProfileEntries++;
                _pendingStatus = IntervalStatus.None;
            }
            IntegrationPeriod period = _period;
            period.Change(minutes);
            _nextProfileEnd = period.IntervalEnd(utcSeconds);
            // The first interval of the new period runs from the newest entry (UTC minutes) to that boundary.
            if (UnixTime.ToSeconds(Meter.Storage.StorageTime.FromMinutes(profile.LastMinute)) != period.IntervalStart(utcSeconds))
                _pendingStatus |= IntervalStatus.Incomplete;
        }

        private void AppendProfile(long endUtc, int status)
        {
            _registers.SaveRegisters(true);
            CaptureProfileValues();
            if (_rule.IsSummerTime(endUtc - 1)) status |= IntervalStatus.DaylightSaving;
            LoadProfile profile = _storage.Profile;
            profile.Append(UnixTime.ToDateTime(endUtc), ValuesFor(profile), status);
            ProfileEntries++;
            SwitchPulseChannel(profile, _pulseWentBack);
        }

        // At an interval end, right after its entry: the profile takes or drops the pulse-input channel when the
        // setting and the input say so (a new block, LoadProfile.ChangeChannels), or restarts it after it went back.
        private void SwitchPulseChannel(LoadProfile profile, bool restart)
        {
            bool wanted = _settings.PulseInputProfileChannel && _inputs.PulseInputCounting && profile.MaximumChannelCount == 5;
            bool carried = profile.ChannelCount == 5;
            if (wanted == carried && !restart) return;
            if (!wanted)
            {
                profile.ChangeChannels(4, _profileValues);
                return;
            }
            _pulseChannelValues[4] = _inputs.RegisterValue;
            profile.ChangeChannels(5, _pulseChannelValues);
        }

        // The values the profile's newest block takes: with the pulse register when it carries that channel. A pulse
        // register gone back (a larger pulse constant) is held at the profile's last value — a profile channel never
        // decreases —: that interval records no pulses, and the channel restarts from the new value at the interval end.
        private long[] ValuesFor(LoadProfile profile)
        {
            _pulseWentBack = false;
            if (profile.ChannelCount != 5) return _profileValues;
            _pulseWentBack = _pulseChannelValues[4] < profile.LastValue(4);
            if (_pulseWentBack) _pulseChannelValues[4] = profile.LastValue(4);
            return _pulseChannelValues;
        }

        private void CaptureProfileValues()
        {
            EnergyAccumulator energy = _energy;
            _profileValues[0] = energy.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0);
            _profileValues[1] = energy.EnergyIn(EnergyRegister.ActiveExport, MeterChannel.Total, true, 0);
            _profileValues[2] = energy.EnergyIn(EnergyRegister.ReactiveImport, MeterChannel.Total, true, 0);
            _profileValues[3] = energy.EnergyIn(EnergyRegister.ReactiveExport, MeterChannel.Total, true, 0);
            for (int c = 0; c < 4; c++) _pulseChannelValues[c] = _profileValues[c];
            _pulseChannelValues[4] = _inputs.RegisterValue;
        }

        private void CloseBillingIfDue(long utcSeconds)
        {
            LocalTimeRule rule = _rule;
            // Billing dates are local (00:00 of the target day); Meter.Storage counts local minutes.
            System.DateTime previous = UnixTime.ToDateTime(rule.ToLocal(_lastBillingCheckUtc).LocalSeconds);
            System.DateTime now = UnixTime.ToDateTime(rule.ToLocal(utcSeconds).LocalSeconds);
            PeriodLogger billing = _storage.Billing;
            for (int guard = 0; guard < StorageLayout.BillingDepth; guard++)
            {
                // Same test as PeriodLogger.CloseIfDue, made first so that registers are only
                // force-saved (an NV write) when a period really closes.
                long from = Meter.Storage.StorageTime.ToMinutes(previous);
                if (billing.Count > 0)
                {
                    long newest = Meter.Storage.StorageTime.ToMinutes(billing.NewestClosedAt);
                    if (newest > from) from = newest;
                }
                if (_billingSchedule.IsExternallyControlled || _billingSchedule.NextClosingMinute(from) > Meter.Storage.StorageTime.ToMinutes(now)) break;
                _registers.SaveRegisters(true);
                CaptureBillingValues();
                if (!billing.CloseIfDue(_billingSchedule, previous, now, _billingValues)) break;
                // The period is stored: counter + 1, demand maxima cleared, then the demand record saved.
                _billingCounter.Increment();
                _demand.CloseBillingPeriod();
                _registers.SaveDemand();
                BillingClosings++;
            }
            _lastBillingCheckUtc = utcSeconds;
        }

        private void CaptureBillingValues()
        {
            EnergyAccumulator energy = _energy;
            DemandMeter demand = _demand;
            long[] v = _billingValues;
            v[BillingValues.HourCounter] = energy.OperatingHours;
            v[BillingValues.PowerThresholdCounter] = demand.PowerThresholdCount;
            v[BillingValues.PulseInput] = _inputs.PulseCount; // the exact count; the register scales it on read
            v[BillingValues.TransformerRatio] = energy.Configuration.CtRatio.PrimaryAmps;
            v[BillingValues.APlus] = energy.EnergyIn(EnergyRegister.ActiveImport, MeterChannel.Total, true, 0);
            v[BillingValues.AMinus] = energy.EnergyIn(EnergyRegister.ActiveExport, MeterChannel.Total, true, 0);
            v[BillingValues.RPlus] = energy.EnergyIn(EnergyRegister.ReactiveImport, MeterChannel.Total, true, 0);
            v[BillingValues.RMinus] = energy.EnergyIn(EnergyRegister.ReactiveExport, MeterChannel.Total, true, 0);
            for (int t = 0; t < 4; t++)
            {
                bool used = t < _settings.TariffCount;
                v[BillingValues.APlusTariff1 + t] = used ? energy.ReadTariffActiveImport(t, true, 0) : 0;
                v[BillingValues.RPlusTariff1 + t] = used ? energy.ReadTariffReactiveImport(t, true, 0) : 0;
                bool slot = t < 2; // DemandSlot: all tariffs, T1, T2
                v[BillingValues.PPlusMaxTariff1 + t] = slot ? demand.ReadMaximumPower(DemandQuantity.ActiveImport, t + 1, true, 0) : 0;
                v[BillingValues.QPlusMaxTariff1 + t] = slot ? demand.ReadMaximumPower(DemandQuantity.ReactiveImport, t + 1, true, 0) : 0;
            }
            v[BillingValues.PPlusMax] = demand.ReadMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);
            v[BillingValues.PPlusMaxTime] = demand.GetMaximumTime(DemandQuantity.ActiveImport, DemandSlot.AllTariffs);
            v[BillingValues.PPlusMaxAccumulated] = demand.ReadAccumulatedMaximumPower(DemandQuantity.ActiveImport, DemandSlot.AllTariffs, true, 0);
            v[BillingValues.QPlusMax] = demand.ReadMaximumPower(DemandQuantity.ReactiveImport, DemandSlot.AllTariffs, true, 0);
            v[BillingValues.QPlusMaxTime] = demand.GetMaximumTime(DemandQuantity.ReactiveImport, DemandSlot.AllTariffs);
            v[BillingValues.QPlusMaxAccumulated] = demand.ReadAccumulatedMaximumPower(DemandQuantity.ReactiveImport, DemandSlot.AllTariffs, true, 0);
        }
    }
}
