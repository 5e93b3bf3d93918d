using Meter.Clock;
using Meter.Metrology;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// The energy registers and the demand state in permanent storage: the register record
    /// (<see cref="RegisterRecord"/>: accumulator snapshot + clock state) saved when a register
    /// crossed its save step or when forced, the demand record (<see cref="DemandRecord"/>) saved
    /// after a forced register save, and both restored at start. Counts what it wrote.
    /// </summary>
    public sealed class RegisterPersistence
    {
        private readonly EnergyAccumulator _energy;
        private readonly DemandMeter _demand;
        private readonly MeterClock _clock;
        private readonly MeterTime _time;
        private readonly MeterStorage _storage;
        private readonly BillingCounter _billing;
        private readonly EventRouting _events;
        private readonly long[] _record = new long[RegisterRecord.Length];
        private readonly long[] _demandRecord = new long[DemandRecord.Length];
        private long _demandSavedPeriods;

        /// <summary>Saves <paramref name="energy"/> and <paramref name="demand"/> with the clock state into <paramref name="storage"/>.</summary>
        public RegisterPersistence(EnergyAccumulator energy, DemandMeter demand, MeterClock clock, MeterTime time,
            MeterStorage storage, BillingCounter billing, EventRouting events)
        {
            _energy = energy;
            _demand = demand;
            _clock = clock;
            _time = time;
            _storage = storage;
            _billing = billing;
            _events = events;
        }

        /// <summary>Register records written since start.</summary>
        public long RegisterSaves { get; private set; }

        /// <summary>Demand records written since start.</summary>
        public long DemandSaves { get; private set; }

        /// <summary>True when an integration period closed since the last demand save (the only moment a maximum can change).</summary>
        public bool DemandChanged { get { return _demand.ClosedPeriods != _demandSavedPeriods; } }

        /// <summary>
        /// Start-up, after the storage opened: the stored register record, or null when there is
        /// none (a new meter); <see cref="StoredUtcSeconds"/> and <see cref="StoredClockStatus"/> then describe it.
        /// </summary>
        public long[] RestoreRegisters(bool found)
        {
            if (!found) return null;
            _storage.Registers.CopyTo(_record);
            return _record;
        }

        /// <summary>The time in the restored register record (the last time the meter ran).</summary>
        public long StoredUtcSeconds { get { return _record[RegisterRecord.UtcSeconds]; } }

        /// <summary>The clock state in the restored register record.</summary>
        public ClockStatus StoredClockStatus
        {
            get
            {
                return new ClockStatus((TimeQuality)(int)_record[RegisterRecord.ClockQuality],
                    (ClockSetSource)(int)_record[RegisterRecord.ClockSetSourceIndex], _record[RegisterRecord.ClockSetAt]);
            }
        }

        /// <summary>Saves the register record now (<paramref name="force"/>) or when the save policy says so. Returns true when written.</summary>
        public bool SaveRegisters(bool force)
        {
            _energy.SaveTo(_record);
            _record[RegisterRecord.UtcSeconds] = _time.UtcSeconds;
            ClockStatus status = _clock.Status;
            _record[RegisterRecord.ClockQuality] = (int)status.Quality;
            _record[RegisterRecord.ClockSetSourceIndex] = (int)status.LastSetSource;
            _record[RegisterRecord.ClockSetAt] = status.LastSetUtcSeconds;
            if (!_storage.SaveRegisters(_record, force)) return false;
            RegisterSaves++;
            return true;
        }

        /// <summary>
        /// Saves the register record (forced), then the demand record. In this order a cut between
        /// the two leaves registers newer than the demand state, which the restore accepts; the
        /// other way round the running period could start above the restored registers.
        /// </summary>
        public void SaveDemand()
        {
            SaveRegisters(true);
            if (_storage.Demand == null) return;
            _demand.SaveTo(_demandRecord);
            _demandRecord[DemandRecord.BillingCounter] = _billing.Value;
            _storage.Demand.Commit(_demandRecord);
            _demandSavedPeriods = _demand.ClosedPeriods;
            DemandSaves++;
        }

        /// <summary>
        /// Boot: restores the demand state from its record (after the registers and the billing
        /// counter, before the first cycle). A record the demand meter refuses (it checks the whole
        /// snapshot) is a storage repair: logged and reported in <paramref name="recovery"/>, demand
        /// starts empty, the energy registers are untouched. Returns true when the record must be
        /// rewritten (refused, running period dropped, or a missed billing close applied).
        /// </summary>
        public bool RestoreDemand(StorageRecoveryReport recovery)
        {
            _demandSavedPeriods = 0;
            if (_storage.Demand == null || !_storage.Demand.HasValue) return false;
            _storage.Demand.CopyTo(_demandRecord);
            long savedBillingCounter = _demandRecord[DemandRecord.BillingCounter];
            bool converted;
            try
            {
                if (savedBillingCounter < 0 || savedBillingCounter > _billing.Value)
                    throw new System.ArgumentException("demand record newer than the billing logger");
                converted = IntegrationPeriodSetting.RestoreDemand(_demand, _demandRecord);
            }
            catch (System.ArgumentException)
            {
                recovery.DemandRefused = true;
                _events.Log(EventKind.StorageRepair, StorageArea.Demand, 0, 1);
                return true;
            }
            _demandSavedPeriods = _demand.ClosedPeriods;
            bool rewrite = converted; // a record of the period before a change (IntegrationPeriodSetting)
            if (recovery.RegistersFound && _record[RegisterRecord.UtcSeconds] >= _demand.CurrentPeriodStartSeconds + _demand.PeriodSeconds)
            {
                // Registers saved after the restored period's end (an older slot after a torn write, or a clock set
                // forward just before a cut): that period cannot be closed honestly, a new one starts.
                _demand.DiscardRunningPeriod();
                rewrite = true;
            }
            if (savedBillingCounter < _billing.Value)
            {
                // Cut between the billing logger's commit and the demand save (DemandRecord remarks).
                _demand.CloseBillingPeriod();
                rewrite = true;
            }
            return rewrite;
        }
    }
}
