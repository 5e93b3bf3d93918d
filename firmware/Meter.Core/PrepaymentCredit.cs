using Meter.Metrology;

namespace Meter.Core
{
    /// <summary>
    /// The prepayment countdown register, exact and without drift: it is never decremented. The device-state record
    /// keeps the credit loaded in total (Wh: starting credit plus every token) and the A+ total register in counts
    /// (the metrology's exact integer, secondary) when prepayment started; the remaining credit is derived on every
    /// read as loaded − floor((A+ now − A+ at start) × Wh per count × CT ratio). The consumption is always converted
    /// from the whole count difference, so no rounding accumulates (the drift is 0 however often it is read or
    /// topped up), and nothing is written to NV memory as energy flows: only a start or a top-up changes the record.
    /// Unit: Wh of primary active energy import (A+), consumption rounded down (the customer is never charged for
    /// a part of a Wh not yet consumed).
    /// </summary>
    public sealed class PrepaymentCredit
    {
        /// <summary>Device-state value: Wh loaded in total since prepayment started.</summary>
        public const int LoadedIndex = DeviceStateRecord.Prepayment + 0;
        /// <summary>Device-state value: the A+ total register (counts) when prepayment started.</summary>
        public const int StartCountsIndex = DeviceStateRecord.Prepayment + 1;
        /// <summary>Largest credit that may be loaded in total (10^12 Wh): keeps every sum far inside 64 bits.</summary>
        public const long MaximumLoadedWh = 1000000000000L;

        private readonly EnergyAccumulator _energy;
        private readonly DeviceStateRecord _state;

        /// <summary>The credit over <paramref name="energy"/>'s A+ total, kept in <paramref name="state"/>.</summary>
        public PrepaymentCredit(EnergyAccumulator energy, DeviceStateRecord state)
        {
            _energy = energy;
            _state = state;
        }

        /// <summary>Wh loaded in total (starting credit and top-ups).</summary>
        public long LoadedWh => _state.Get(LoadedIndex);

        /// <summary>A+ counts consumed since the start (0 if the A+ register reads below the start: a register reset with the seal open).</summary>
        public long ConsumedCounts
        {
            get
            {
                long counts = _energy.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total) - _state.Get(StartCountsIndex);
                return counts < 0 ? 0 : counts;
            }
        }

        /// <summary>Wh consumed since the start, rounded down (primary energy, as the A+ register's OBIS value).</summary>
        public long ConsumedWh => _energy.Convert(ConsumedCounts, EnergyKind.Active, true, 0);

        /// <summary>Remaining credit in Wh (negative while emergency credit is being used).</summary>
        public long RemainingWh => LoadedWh - ConsumedWh;

        /// <summary>Starts counting down from <paramref name="startingWh"/> at the A+ register's present value (saved by the caller's commit).</summary>
        public void Start(long startingWh)
        {
            if (startingWh < 0 || startingWh > MaximumLoadedWh) throw new System.ArgumentOutOfRangeException("startingWh", "starting credit must be 0 … 10^12 Wh");
            _state.Set(StartCountsIndex, _energy.GetCounts(EnergyRegister.ActiveImport, MeterChannel.Total));
            _state.Set(LoadedIndex, startingWh);
        }

        /// <summary>True when <paramref name="wh"/> more can be loaded without passing <see cref="MaximumLoadedWh"/>.</summary>
        public bool CanAdd(long wh) => wh >= 0 && wh <= MaximumLoadedWh - LoadedWh;

        /// <summary>Adds <paramref name="wh"/> to the credit (a top-up; saved by the caller's commit).</summary>
        public void Add(long wh)
        {
            if (!CanAdd(wh)) throw new System.ArgumentOutOfRangeException("wh", "top-up would pass the 10^12 Wh credit limit");
            _state.Set(LoadedIndex, LoadedWh + wh);
        }
    }
}
