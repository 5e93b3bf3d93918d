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
    /// </summary>
    public sealed class IntegrationPeriodSetting
    {
        /// <summary>
        /// Detail of the ParameterChange event (old/new: minutes). The period has no index in the
        /// settings record (whose indices are the other settings' details), so it takes 128.
        /// </summary>
        public const int EventDetail = 128;

        private readonly ElectricityMeter _meter;

        /// <summary>The integration period setting of <paramref name="meter"/>.</summary>
        public IntegrationPeriodSetting(ElectricityMeter meter)
        {
            _meter = meter;
        }

        /// <summary>True for the object whose writes this class logs itself (Meter.Core EventRouting skips it).</summary>
        public static bool IsLoggedHere(ObisCode code)
        {
            return code == StandardObjects.IntegrationPeriod;
        }

        /// <summary>Boot, right after the storage opened: clock intervals and demand take the profile's period.</summary>
        public void UseStoredPeriod()
        {
            int minutes = _meter.Storage.Profile.PeriodMinutes;
            _meter.Period.Change(minutes);
            _meter.Metering.Demand.ChangePeriod(minutes);
        }

        /// <summary>
        /// Boot: restores the demand record into the demand meter, which already has the profile's
        /// period. A record of another period (cut between the profile commit and the demand save
        /// of a change) is restored under its own period and then changed like a live change.
        /// Returns true when it was converted (the record must be rewritten).
        /// </summary>
        /// <exception cref="System.ArgumentException">The record does not fit (DemandMeter.RestoreFrom); the period is left as it was.</exception>
        public bool RestoreDemand(long[] record)
        {
            DemandMeter demand = _meter.Metering.Demand;
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

        /// <summary>
        /// W1 of 1-0:0.8.0 (the table already checked format, 1..60 and password level 1): 5, 15,
        /// 30 or 60 min, anything else <see cref="ObisWriteResult.OutOfRange"/> with nothing
        /// changed. The current value is accepted without writing anything. The change is durable
        /// when this returns (the profile block first, see the class remarks).
        /// </summary>
        public ObisWriteResult Write(long value)
        {
            if (value != 5 && value != 15 && value != 30 && value != 60) return ObisWriteResult.OutOfRange;
            int old = _meter.Period.Minutes;
            if (value == old) return ObisWriteResult.Accepted;
            try
            {
                _meter.Periods.ChangeProfilePeriod(_meter.UtcSeconds, (int)value);
            }
            catch (System.ArgumentException)
            {
                return ObisWriteResult.Rejected;
            }
            _meter.Events.Log(EventKind.ParameterChange, EventDetail, old, value);
            _meter.Metering.Demand.ChangePeriod((int)value);
            _meter.SaveDemand();
            return ObisWriteResult.Accepted;
        }
    }
}
