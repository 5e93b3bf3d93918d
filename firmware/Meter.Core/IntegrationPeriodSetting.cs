using Meter.Clock;
using Meter.Metrology;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The integration period 1-0:0.8.0 (demand and load profile: one period for both, Kamstrup
    /// 351 B / 382 J "The load profile is configurable to 5, 15, 30 or 60 minutes following the
    /// integration period"; OMNIPOWER Z4 "Integration period/Load profile period") as a setting
    /// the optical port writes (Kamstrup 351 B: "the integration period ... can be changed" with
    /// METERTOOL; not legal data, the seal stays closed).
    /// <para>
    /// Source of truth: the load profile's newest block header (Meter.Storage LoadProfile), not
    /// the settings record; at boot <see cref="UseStoredPeriod"/> takes it (an empty or lost
    /// profile starts with the preset's default, MeterSettings.IntegrationPeriodMinutes).
    /// </para>
    /// <para>
    /// A change takes effect at once (PeriodClosing.ChangeProfilePeriod: the running profile
    /// interval is closed short and marked Incomplete, the new block is durable before the write
    /// is acknowledged; DemandMeter.ChangePeriod: the running demand period ends without a
    /// maximum, maxima keep their power), then it is logged and the demand record saved. A cut
    /// after the profile commit but before the demand save boots with a demand record of the old
    /// period, which <see cref="RestoreDemand"/> converts exactly as the live change does.
    /// </para>
    /// <para>Owner of 1-0:0.8.0 in the register table.</para>
    /// </summary>
    public sealed class IntegrationPeriodSetting : ObisValueOwner
    {
        /// <summary>
        /// Detail of the ParameterChange event (old/new: minutes). The period has no index in the
        /// settings record (whose indices are the other settings' details), so it takes 128.
        /// </summary>
        public const int EventDetail = 128;

        private readonly IntegrationPeriod _period;
        private readonly DemandMeter _demand;
        private readonly MeterStorage _storage;
        private readonly PeriodClosing _periods;
        private readonly RegisterPersistence _registers;
        private readonly EventRouting _events;
        private readonly MeterTime _time;

        /// <summary>
        /// The <paramref name="period"/> of the clock intervals and of <paramref name="demand"/>, stored in the load profile of
        /// <paramref name="storage"/>; a change closes the profile interval through <paramref name="periods"/> and saves the demand record.
        /// </summary>
        public IntegrationPeriodSetting(IntegrationPeriod period, DemandMeter demand, MeterStorage storage, PeriodClosing periods,
            RegisterPersistence registers, EventRouting events, MeterTime time)
        {
            _period = period;
            _demand = demand;
            _storage = storage;
            _periods = periods;
            _registers = registers;
            _events = events;
            _time = time;
        }

        /// <summary>True for the object whose writes this class logs itself (Meter.Core EventRouting skips it).</summary>
        public static bool IsLoggedHere(ObisCode code)
        {
            return code == StandardObjects.IntegrationPeriod;
        }

        /// <summary>Boot, right after the storage opened: clock intervals and demand take the profile's period.</summary>
        public void UseStoredPeriod()
        {
            int minutes = _storage.Profile.PeriodMinutes;
            _period.Change(minutes);
            _demand.ChangePeriod(minutes);
        }

        /// <summary>
        /// Boot: restores the demand record into <paramref name="demand"/>, which already has the profile's
        /// period. A record of another period (cut between the profile commit and the demand save
        /// of a change) is restored under its own period and then changed like a live change.
        /// Returns true when it was converted (the record must be rewritten).
        /// </summary>
        /// <exception cref="System.ArgumentException">The record does not fit (DemandMeter.RestoreFrom); the period is left as it was.</exception>
        public static bool RestoreDemand(DemandMeter demand, long[] record)
        {
            int minutes = demand.PeriodSeconds / 60;
            if (record[0] == demand.PeriodSeconds)
            {
                demand.RestoreFrom(record);
                return false;
            }
            try
            {
                demand.ChangePeriod((int)(record[0] / 60));
                demand.RestoreFrom(record);
            }
            catch (System.ArgumentException)
            {
                demand.ChangePeriod(minutes);
                throw;
            }
            demand.ChangePeriod(minutes);
            return true;
        }

        /// <inheritdoc />
        public override bool TryReadInteger(ObisCode code, out long value)
        {
            value = 0;
            if (code != StandardObjects.IntegrationPeriod) return false;
            value = _period.Minutes;
            return true;
        }

        /// <inheritdoc />
        public override ObisWriteResult WriteInteger(ObisCode code, long value)
        {
            return code == StandardObjects.IntegrationPeriod ? Write(value) : ObisWriteResult.Rejected;
        }

        /// <summary>
        /// W1 of 1-0:0.8.0 (the table already checked format, 1..60 and password level 1): 5, 15,
        /// 30 or 60 min, anything else <see cref="ObisWriteResult.OutOfRange"/> with nothing
        /// changed. The current value is accepted without writing anything. The change is durable
        /// when this returns (the profile block first, see the class remarks).
        /// </summary>
        public ObisWriteResult Write(long value)
        {
            if (value != 5 && value != 15 && value != 30 && value != 60) return ObisWriteResult.OutOfRange;
            int old = _period.Minutes;
            if (value == old) return ObisWriteResult.Accepted;
            try
            {
                _periods.ChangeProfilePeriod(_time.UtcSeconds, (int)value);
            }
            catch (System.ArgumentException)
            {
                return ObisWriteResult.Rejected;
            }
            _events.Log(EventKind.ParameterChange, EventDetail, old, value);
            _demand.ChangePeriod((int)value);
            _registers.SaveDemand();
            return ObisWriteResult.Accepted;
        }
    }
}
