namespace Meter.Metrology
{
    /// <summary>
    /// Maximum demand: mean power over integration periods of 5, 15, 30 or 60 min aligned to the
    /// clock (a period starts when clock seconds are a multiple of its length), maxima of P+, Q+,
    /// S+ and S− with the end time of their period, per tariff T1/T2, the accumulated maxima,
    /// and the power-threshold counter. Energies come from the <see cref="EnergyAccumulator"/>'s
    /// exact total registers, so each period's mean power is exact (counts per period; the power
    /// is derived on read).
    /// <para>
    /// Call <see cref="Update"/> after every metering cycle with the clock time at the end of the
    /// cycle; the energy up to that call belongs to the period containing the previous call.
    /// Call <see cref="CloseBillingPeriod"/> at the end of a billing period, after the billing
    /// logger has read the maxima.
    /// </para>
    /// </summary>
    public sealed class DemandMeter
    {
        private const int QuantityCount = 4;

        // The shortest integration period: every maximum's time stamp is a multiple of it, whatever period measured it.
        private const int ShortestPeriodSeconds = 300;

        /// <summary>Number of longs written by <see cref="SaveTo"/>.</summary>
        public const int SnapshotLength = 8 + QuantityCount + 3 * QuantityCount * DemandSlot.Count;

        // Snapshot layout: period length, started, period start, period tariff, last clock, power-threshold count,
        // closed periods, reserved (0), start counts [4], maxima [12], their times [12], accumulated maxima [12].
        private const int SnapshotStartCounts = 8;
        private const int SnapshotMaxima = SnapshotStartCounts + QuantityCount;
        private const int SnapshotTimes = SnapshotMaxima + QuantityCount * DemandSlot.Count;
        private const int SnapshotAccumulated = SnapshotTimes + QuantityCount * DemandSlot.Count;

        private readonly EnergyAccumulator _source;
        private int _periodSeconds;
        private readonly long[] _periodStartCounts = new long[QuantityCount];
        private readonly long[] _lastPeriodCounts = new long[QuantityCount]; // not in the snapshot: 0 after a restart
        private readonly long[] _maximumCounts = new long[QuantityCount * DemandSlot.Count];
        private readonly long[] _maximumTimes = new long[QuantityCount * DemandSlot.Count];
        private readonly long[] _accumulatedCounts = new long[QuantityCount * DemandSlot.Count];
        private bool _started;
        private long _periodStartSeconds;
        private long _lastClockSeconds;
        private int _periodTariff;
        private long _thresholdMilliwatts = long.MaxValue;
        private bool _thresholdPrimary;
        private long _powerThresholdCount;
        private long _closedPeriods;
        private bool _restoredPending;

        /// <summary>Creates a demand meter over <paramref name="source"/> with an integration period of <paramref name="periodMinutes"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Period not 5, 15, 30 or 60 min.</exception>
        public DemandMeter(EnergyAccumulator source, int periodMinutes)
        {
            if (source == null) throw new System.ArgumentNullException("source");
            // Seed data sheets: integration period 5, 15, 30 or 60 min.
            if (periodMinutes != 5 && periodMinutes != 15 && periodMinutes != 30 && periodMinutes != 60)
                throw new System.ArgumentOutOfRangeException("periodMinutes", "integration period must be 5, 15, 30 or 60 min");
            _source = source;
            _periodSeconds = periodMinutes * 60;
        }

        /// <summary>Integration period in seconds.</summary>
        public int PeriodSeconds { get { return _periodSeconds; } }

        /// <summary>Start of the running period (clock seconds); meaningful after the first <see cref="Update"/>.</summary>
        public long CurrentPeriodStartSeconds { get { return _periodStartSeconds; } }

        /// <summary>Integration periods closed so far.</summary>
        public long ClosedPeriods { get { return _closedPeriods; } }

        /// <summary>Power-threshold counter: closed periods whose mean P+ exceeded the threshold (Kamstrup "Power threshold counter (A+)").</summary>
        public long PowerThresholdCount { get { return _powerThresholdCount; } }

        /// <summary>Sets the P+ threshold of the power-threshold counter in mW, on the primary or secondary side.</summary>
        public void SetPowerThreshold(long milliwatts, bool primary)
        {
            if (milliwatts < 0) throw new System.ArgumentOutOfRangeException("milliwatts", "threshold must not be negative");
            _thresholdMilliwatts = milliwatts;
            _thresholdPrimary = primary;
        }

        /// <summary>
        /// Advances to clock time <paramref name="clockSeconds"/> (seconds since an epoch in the meter's
        /// time base, e.g. UTC or local standard time) at the end of a metering cycle during which tariff
        /// <paramref name="tariffIndex"/> was active. Closes the running period when a boundary was crossed;
        /// a period's tariff (for the T1/T2 maxima) is the tariff of its last cycle. A clock set backwards, even
        /// within the running period, restarts the running period without a maximum (the energy registers are
        /// unaffected): integrating on would stretch the period beyond its length and overstate its mean power.
        /// </summary>
        public void Update(long clockSeconds, int tariffIndex)
        {
            if (tariffIndex < 0 || tariffIndex >= MeteringConfiguration.MaximumTariffs)
                throw new System.ArgumentOutOfRangeException("tariffIndex", "tariff index must be 0 … 7");
            _restoredPending = false;
            if (!_started || clockSeconds < _lastClockSeconds)
            {
                StartPeriod(clockSeconds, tariffIndex);
                _started = true;
                _lastClockSeconds = clockSeconds;
                return;
            }
            _lastClockSeconds = clockSeconds;
            if (clockSeconds >= _periodStartSeconds + _periodSeconds)
            {
                // The cycle that just ended still belongs to the closing period, and so does its tariff.
                _periodTariff = tariffIndex;
                ClosePeriod(_periodStartSeconds + _periodSeconds);
                StartPeriod(clockSeconds, tariffIndex);
                return;
            }
            _periodTariff = tariffIndex;
        }

        /// <summary>Counts of <paramref name="quantity"/> registered so far in the running period.</summary>
        public long GetCurrentPeriodCounts(DemandQuantity quantity)
        {
            int q = CheckQuantity(quantity);
            return _source.GetCounts(RegisterOf(q), MeterChannel.Total) - _periodStartCounts[q];
        }

        /// <summary>Counts of <paramref name="quantity"/> in the last closed period (COSEM demand register
        /// last_average_value); 0 before the first period closes since start-up (not kept over a restart).</summary>
        public long GetLastPeriodCounts(DemandQuantity quantity)
        {
            return _lastPeriodCounts[CheckQuantity(quantity)];
        }

        /// <summary>Energy counts of the period holding the maximum (0 if none yet).</summary>
        public long GetMaximumCounts(DemandQuantity quantity, int slot)
        {
            return _maximumCounts[Index(quantity, slot)];
        }

        /// <summary>End time (clock seconds) of the period holding the maximum; −1 if none yet.</summary>
        public long GetMaximumTime(DemandQuantity quantity, int slot)
        {
            int i = Index(quantity, slot);
            return _maximumCounts[i] == 0 ? -1 : _maximumTimes[i];
        }

        /// <summary>Maximum mean power in units of 10^<paramref name="scaler"/> W (var, VA), rounded down.</summary>
        public long ReadMaximumPower(DemandQuantity quantity, int slot, bool primary, int scaler)
        {
            return ToPower(_maximumCounts[Index(quantity, slot)], quantity, primary, scaler);
        }

        /// <summary>Accumulated maximum (sum of the maxima of closed billing periods) in units of 10^<paramref name="scaler"/> W, rounded down.</summary>
        public long ReadAccumulatedMaximumPower(DemandQuantity quantity, int slot, bool primary, int scaler)
        {
            return ToPower(_accumulatedCounts[Index(quantity, slot)], quantity, primary, scaler);
        }

        /// <summary>Mean power of <paramref name="counts"/> over one integration period, units of 10^<paramref name="scaler"/> W.</summary>
        public long ToPower(long counts, DemandQuantity quantity, bool primary, int scaler)
        {
            int q = CheckQuantity(quantity);
            CurrentTransformerRatio ratio = _source.Configuration.CtRatio;
            long ratioNumerator = primary ? ratio.PrimaryAmps : 1;
            long ratioDenominator = primary ? ratio.SecondaryAmps : 1;
            // P = E / T: counts × num/den Wh × 3600 s/h / T s.
            EnergyConstant constant = _source.Configuration.ConstantOf(EnergyAccumulator.KindOf(RegisterOf(q)));
            return constant.ToScaledEnergy(counts, ratioNumerator * 3600, ratioDenominator * _periodSeconds, scaler);
        }

        /// <summary>
        /// Billing-period end: adds the current maxima to the accumulated maxima and clears the maxima
        /// for the next billing period. Read the maxima first.
        /// </summary>
        public void CloseBillingPeriod()
        {
            for (int i = 0; i < _maximumCounts.Length; i++)
            {
                _accumulatedCounts[i] += _maximumCounts[i];
                _maximumCounts[i] = 0;
                _maximumTimes[i] = 0;
            }
        }

        /// <summary>
        /// Writes the demand state (running period, maxima with their times, accumulated maxima, power-threshold
        /// counter) into <paramref name="snapshot"/> (length ≥ <see cref="SnapshotLength"/>), to be stored with the
        /// energy registers: the maxima of a billing period must survive a power cut.
        /// </summary>
        public void SaveTo(long[] snapshot)
        {
            if (snapshot == null) throw new System.ArgumentNullException("snapshot");
            if (snapshot.Length < SnapshotLength) throw new System.ArgumentException("snapshot buffer shorter than SnapshotLength", "snapshot");
            snapshot[0] = _periodSeconds;
            snapshot[1] = _started ? 1 : 0;
            snapshot[2] = _periodStartSeconds;
            snapshot[3] = _periodTariff;
            snapshot[4] = _lastClockSeconds;
            snapshot[5] = _powerThresholdCount;
            snapshot[6] = _closedPeriods;
            snapshot[7] = 0;
            for (int q = 0; q < QuantityCount; q++) snapshot[SnapshotStartCounts + q] = _periodStartCounts[q];
            for (int i = 0; i < _maximumCounts.Length; i++)
            {
                snapshot[SnapshotMaxima + i] = _maximumCounts[i];
                snapshot[SnapshotTimes + i] = _maximumTimes[i];
                snapshot[SnapshotAccumulated + i] = _accumulatedCounts[i];
            }
        }

        /// <summary>
        /// Restores the state written by <see cref="SaveTo"/>, after the accumulator's registers were restored and
        /// before the first <see cref="Update"/>. The next Update continues the saved period, or closes it (with the
        /// energy registered before the cut) when the clock has passed its end. The snapshot is checked completely
        /// first and rejected as a whole if it does not fit.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">Update was already called.</exception>
        /// <exception cref="System.ArgumentException">Short snapshot, another integration period, or inconsistent content
        /// (negative or misaligned values, period start counts above the restored registers).</exception>
        public void RestoreFrom(long[] snapshot)
        {
            if (_started) throw new System.InvalidOperationException("demand can only be restored before the first update");
            if (snapshot == null) throw new System.ArgumentNullException("snapshot");
            if (snapshot.Length < SnapshotLength) throw new System.ArgumentException("snapshot shorter than SnapshotLength", "snapshot");
            if (snapshot[0] != _periodSeconds) throw new System.ArgumentException("snapshot was taken with another integration period: its maxima are means over that period", "snapshot");
            bool started = snapshot[1] == 1;
            if (snapshot[1] != 0 && !started) throw new System.ArgumentException("snapshot corrupt: started flag", "snapshot");
            long start = snapshot[2];
            if (snapshot[3] < 0 || snapshot[3] >= MeteringConfiguration.MaximumTariffs) throw new System.ArgumentException("snapshot corrupt: period tariff", "snapshot");
            if (started && (Modulo(start, _periodSeconds) != 0 || snapshot[4] < start || snapshot[4] >= start + _periodSeconds))
                throw new System.ArgumentException("snapshot corrupt: running period not aligned to the clock time", "snapshot");
            if (snapshot[5] < 0 || snapshot[6] < 0 || snapshot[5] > snapshot[6]) throw new System.ArgumentException("snapshot corrupt: period counters", "snapshot");
            for (int q = 0; q < QuantityCount; q++)
            {
                long c = snapshot[SnapshotStartCounts + q];
                if (c < 0 || c > _source.GetCounts(RegisterOf(q), MeterChannel.Total))
                    throw new System.ArgumentException("snapshot does not fit the energy registers: period start above the register", "snapshot");
            }
            for (int i = 0; i < _maximumCounts.Length; i++)
            {
                long counts = snapshot[SnapshotMaxima + i];
                long time = snapshot[SnapshotTimes + i];
                if (counts < 0 || snapshot[SnapshotAccumulated + i] < 0) throw new System.ArgumentException("snapshot corrupt: negative maximum", "snapshot");
                // A maximum is stamped with its period's end, a multiple of the period that measured it (after a
                // ChangePeriod not necessarily the current one, but always of 5 min); no maximum has time 0.
                if (counts == 0 ? time != 0 : Modulo(time, ShortestPeriodSeconds) != 0)
                    throw new System.ArgumentException("snapshot corrupt: maximum time stamp", "snapshot");
            }

            _started = started;
            _periodStartSeconds = start;
            _periodTariff = (int)snapshot[3];
            _lastClockSeconds = snapshot[4];
            _powerThresholdCount = snapshot[5];
            _closedPeriods = snapshot[6];
            for (int q = 0; q < QuantityCount; q++) _periodStartCounts[q] = snapshot[SnapshotStartCounts + q];
            for (int i = 0; i < _maximumCounts.Length; i++)
            {
                _maximumCounts[i] = snapshot[SnapshotMaxima + i];
                _maximumTimes[i] = snapshot[SnapshotTimes + i];
                _accumulatedCounts[i] = snapshot[SnapshotAccumulated + i];
            }
            _restoredPending = true;
        }

        /// <summary>
        /// After <see cref="RestoreFrom"/>, before the first <see cref="Update"/>: drops the restored running period
        /// (maxima, accumulated maxima and counters stay) so that the next Update starts a new one. For a snapshot
        /// older than the restored registers' save time by more than its period: closing that period would count
        /// energy metered after its end and overstate its mean power.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">Update was already called since the restore.</exception>
        public void DiscardRunningPeriod()
        {
            if (_restoredPending) { _started = false; return; }
            throw new System.InvalidOperationException("the running period can only be discarded right after a restore");
        }

        /// <summary>
        /// Changes the integration period to <paramref name="periodMinutes"/> (5, 15, 30 or 60) at
        /// once. The running period is ended without a maximum: a maximum is the mean power over a
        /// whole integration period, and a period cut short by the change has none (the rule for a
        /// period broken by a clock set backwards, see <see cref="Update"/>). A new period of the new
        /// length starts aligned to the clock (it holds the time of the last <see cref="Update"/>)
        /// with the registers as they are now, so no energy metered after the change is missed.
        /// The maxima and accumulated maxima keep their power: they are held as counts per
        /// integration period and are rescaled by new / old length (periods divide each other, so
        /// a longer period multiplies exactly; a shorter one divides, rounded down, which changes a
        /// maximum by less than one count per new period and never raises it) and keep their time
        /// stamps. New periods then compete with them in power (Kamstrup 351 "Peak power P+max" is a
        /// power, one per debiting period, with no period attribute). Before the first update, or
        /// right after <see cref="RestoreFrom"/>, no period is running and none is started: the next
        /// update starts one.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">Period not 5, 15, 30 or 60 min.</exception>
        public void ChangePeriod(int periodMinutes)
        {
            if (periodMinutes != 5 && periodMinutes != 15 && periodMinutes != 30 && periodMinutes != 60)
                throw new System.ArgumentOutOfRangeException("periodMinutes", "integration period must be 5, 15, 30 or 60 min");
            int newSeconds = periodMinutes * 60;
            if (newSeconds == _periodSeconds) return;
            for (int i = 0; i < _maximumCounts.Length; i++)
            {
                _maximumCounts[i] = Rescale(_maximumCounts[i], newSeconds);
                _accumulatedCounts[i] = Rescale(_accumulatedCounts[i], newSeconds);
                if (_maximumCounts[i] == 0) _maximumTimes[i] = 0; // a maximum rounded down to nothing is no maximum
            }
            _periodSeconds = newSeconds;
            if (_restoredPending) _started = false;
            else if (_started) StartPeriod(_lastClockSeconds, _periodTariff);
        }

        // Counts per old period → counts per new period with the same mean power (lengths divide each other).
        private long Rescale(long counts, int newSeconds)
        {
            if (newSeconds > _periodSeconds) return WideArithmetic.CheckedMultiply(counts, newSeconds / _periodSeconds);
            return counts / (_periodSeconds / newSeconds);
        }

        private void ClosePeriod(long endSeconds)
        {
            _closedPeriods++;
            for (int q = 0; q < QuantityCount; q++)
            {
                long counts = _source.GetCounts(RegisterOf(q), MeterChannel.Total) - _periodStartCounts[q];
                _lastPeriodCounts[q] = counts;
                Offer(q, DemandSlot.AllTariffs, counts, endSeconds);
                if (_periodTariff == 0) Offer(q, DemandSlot.Tariff1, counts, endSeconds);
                else if (_periodTariff == 1) Offer(q, DemandSlot.Tariff2, counts, endSeconds);
                if (q == (int)DemandQuantity.ActiveImport && _thresholdMilliwatts != long.MaxValue &&
                    ToPower(counts, DemandQuantity.ActiveImport, _thresholdPrimary, -3) > _thresholdMilliwatts)
                {
                    _powerThresholdCount++;
                }
            }
        }

        private void Offer(int quantity, int slot, long counts, long endSeconds)
        {
            int i = quantity * DemandSlot.Count + slot;
            // Strictly greater: the first period reaching a maximum keeps its time stamp.
            if (counts > _maximumCounts[i])
            {
                _maximumCounts[i] = counts;
                _maximumTimes[i] = endSeconds;
            }
        }

        private void StartPeriod(long clockSeconds, int tariffIndex)
        {
            long start = clockSeconds - Modulo(clockSeconds, _periodSeconds);
            _periodStartSeconds = start;
            _periodTariff = tariffIndex;
            for (int q = 0; q < QuantityCount; q++) _periodStartCounts[q] = _source.GetCounts(RegisterOf(q), MeterChannel.Total);
        }

        private static long Modulo(long value, long divisor)
        {
            long m = value % divisor;
            return m < 0 ? m + divisor : m;
        }

        private static EnergyRegister RegisterOf(int quantity)
        {
            switch (quantity)
            {
                case 0: return EnergyRegister.ActiveImport;
                case 1: return EnergyRegister.ReactiveImport;
                case 2: return EnergyRegister.ApparentImport;
                default: return EnergyRegister.ApparentExport;
            }
        }

        private static int CheckQuantity(DemandQuantity quantity)
        {
            int q = (int)quantity;
            if (q < 0 || q >= QuantityCount) throw new System.ArgumentOutOfRangeException("quantity", "unknown demand quantity");
            return q;
        }

        private static int Index(DemandQuantity quantity, int slot)
        {
            int q = CheckQuantity(quantity);
            if (slot < 0 || slot >= DemandSlot.Count) throw new System.ArgumentOutOfRangeException("slot", "slot must be 0 (all), 1 (T1) or 2 (T2)");
            return q * DemandSlot.Count + slot;
        }
    }
}
