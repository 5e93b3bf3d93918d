namespace Meter.Metrology
{
    /// <summary>
    /// The meter's legal energy registers, driven once per metering cycle by the signed
    /// per-phase counts the metering IC delivers (ADE7880 read-with-reset energy registers).
    /// <para>
    /// Registers hold exact 64-bit counts of the secondary side; conversion to Wh / varh / VAh
    /// (and to primary values through the CT ratio) is a rational constant applied on read, so
    /// remainders are never lost. Nothing here uses floating point, allocates per cycle, or
    /// reads a clock: the caller passes the cycle duration.
    /// </para>
    /// <para>
    /// Reactive registers are fundamental-only: the ADE7880 has no total var-hour register
    /// (ADE7880 data sheet, register map: 0xE406–0xE408 reserved; only xFVARHR 0xE409–0xE40B).
    /// </para>
    /// <para>
    /// Overflow: the chip's count rate is bounded by its full scale (fs = 1.024 MHz, PMAX = 27 059 678,
    /// WTHR ≥ 1: at most 1.024 × 10^6 × 2 × PMAX / 2^27 ≈ 4.13 × 10^5 counts/s per phase with +100 % gain),
    /// i.e. below 2 × 10^15 counts for three phases in 50 years, 4 700 times below <see cref="long.MaxValue"/>
    /// (arithmetic in OverflowTests).
    /// </para>
    /// </summary>
    public sealed class EnergyAccumulator
    {
        /// <summary>Number of directional registers per channel.</summary>
        public const int RegisterCount = 10;

        /// <summary>Number of longs written by <see cref="SaveTo"/>: registers, tariff registers, operating time.</summary>
        public const int SnapshotLength = RegisterCount * MeterChannel.Count + 2 * MeteringConfiguration.MaximumTariffs + 1;

        /// <summary>Longest accepted metering cycle, 1 h in ms.</summary>
        public const int MaximumCycleMilliseconds = 3600000;

        private readonly MeteringConfiguration _configuration;
        private readonly long[] _registers = new long[RegisterCount * MeterChannel.Count];
        private readonly long[] _tariffActiveImport = new long[MeteringConfiguration.MaximumTariffs];
        private readonly long[] _tariffReactiveImport = new long[MeteringConfiguration.MaximumTariffs];
        private readonly bool[] _phaseRunning = new bool[3];
        private long _operatingMilliseconds;
        private long _cycleCount;
        private readonly StartingGate _gate;

        /// <summary>Creates an accumulator with all registers at zero.</summary>
        /// <exception cref="System.ArgumentNullException">No configuration.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">A starting threshold too large for the exact window arithmetic (<see cref="StartingGate"/>).</exception>
        public EnergyAccumulator(MeteringConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _configuration = configuration;
            _gate = new StartingGate(configuration);
        }

        /// <summary>The starting / no-load gate that decides which phase's counts are registered.</summary>
        public StartingGate StartingGate { get { return _gate; } }

        /// <summary>The configuration this accumulator runs with.</summary>
        public MeteringConfiguration Configuration { get { return _configuration; } }

        /// <summary>Quadrant of the total registered in the last cycle (for the display's quadrant indicator; <see cref="Quadrant.None"/> in no-load).</summary>
        public Quadrant LastQuadrant { get; private set; }

        /// <summary>True when after the last cycle no phase runs (<see cref="StartingGate"/>): no consumption.</summary>
        public bool IsNoLoad { get; private set; } = true;

        /// <summary>Cycles processed since start (not persisted).</summary>
        public long CycleCount { get { return _cycleCount; } }

        /// <summary>Operating time in ms (sum of cycle durations): the basis of the hour counter.</summary>
        public long OperatingMilliseconds { get { return _operatingMilliseconds; } }

        /// <summary>Hour counter: whole hours of operation (Kamstrup "Hour counter").</summary>
        public long OperatingHours { get { return _operatingMilliseconds / 3600000L; } }

        /// <summary>True when phase <paramref name="phase"/> runs after the last cycle: its window reached the starting threshold (<see cref="StartingGate"/>).</summary>
        public bool IsPhaseRunning(int phase)
        {
            if (phase < 0 || phase > 2) throw new System.ArgumentOutOfRangeException("phase", "phase must be 0 … 2");
            return _phaseRunning[phase];
        }

        /// <summary>
        /// Adds one metering cycle. All inputs are validated before any register changes.
        /// </summary>
        /// <param name="activeCounts">Signed total active energy counts per phase A, B, C (length 3).</param>
        /// <param name="reactiveCounts">Signed fundamental reactive energy counts per phase (length 3).</param>
        /// <param name="apparentCounts">Apparent energy counts per phase (length 3, each ≥ 0).</param>
        /// <param name="tariffIndex">Active tariff, 0 = T1 … TariffCount − 1 (decided by the tariff control).</param>
        /// <param name="cycleMilliseconds">Duration of the cycle in ms, 1 … 3 600 000 (for the starting threshold and hour counter).</param>
        /// <exception cref="System.ArgumentException">Null or wrongly sized arrays, negative apparent counts, tariff or duration out of range.</exception>
        public void AddCycle(int[] activeCounts, int[] reactiveCounts, int[] apparentCounts, int tariffIndex, int cycleMilliseconds)
        {
            Validate(activeCounts, "activeCounts");
            Validate(reactiveCounts, "reactiveCounts");
            Validate(apparentCounts, "apparentCounts");
            for (int i = 0; i < 3; i++)
            {
                if (apparentCounts[i] < 0) throw new System.ArgumentOutOfRangeException("apparentCounts", "apparent energy counts must not be negative");
            }
            if (tariffIndex < 0 || tariffIndex >= _configuration.TariffCount)
                throw new System.ArgumentOutOfRangeException("tariffIndex", "tariff index outside the configured tariffs");
            if (cycleMilliseconds <= 0 || cycleMilliseconds > MaximumCycleMilliseconds)
                throw new System.ArgumentOutOfRangeException("cycleMilliseconds", "cycle duration must be 1 … 3 600 000 ms");

            // EN 50470-3 no-load / starting tests, IEC 62053-21 §8.3.2/§8.3.3: the starting gate judges each phase over a
            // window of cycles and releases its counts only while it runs (held counts all at once on a start).
            _gate.AddCheckedCycle(activeCounts, reactiveCounts, apparentCounts, cycleMilliseconds);
            bool vector = _configuration.Summation == PhaseSummation.VectorSum;
            long activeSum = 0;
            long reactiveSum = 0;
            long apparentSum = 0;
            bool anyRunning = false;
            long totalActiveImportBefore = _registers[Index(EnergyRegister.ActiveImport, MeterChannel.Total)];
            long totalReactiveImportBefore = _registers[Index(EnergyRegister.ReactiveImport, MeterChannel.Total)];

            for (int phase = 0; phase < 3; phase++)
            {
                long p;
                long q;
                long s;
                bool running = _gate.TakeReleased(phase, out p, out q, out s);
                _phaseRunning[phase] = running;
                if (!running) continue;
                anyRunning = true;
                Book(phase, p, q, s);
                if (vector)
                {
                    activeSum += p;
                    reactiveSum += q;
                    apparentSum += s;
                }
                else
                {
                    Book(MeterChannel.Total, p, q, s);
                    activeSum += p;
                    reactiveSum += q;
                }
            }

            if (vector && anyRunning)
            {
                // Aron: each system's VA is U_line-line × I_line, and their sum is not the 3-phase apparent
                // energy (balanced load: 2 U I instead of √3 U I). The vector apparent energy √(P² + Q²) of
                // the summed P and Q is (constants are equal for Aron, MeteringConfiguration checks it).
                if (_configuration.Connection == ConnectionType.ThreePhaseThreeWireAron)
                    apparentSum = WideArithmetic.RoundedHypotenuse(activeSum < 0 ? -activeSum : activeSum, reactiveSum < 0 ? -reactiveSum : reactiveSum);
                Book(MeterChannel.Total, activeSum, reactiveSum, apparentSum);
            }

            _tariffActiveImport[tariffIndex] += _registers[Index(EnergyRegister.ActiveImport, MeterChannel.Total)] - totalActiveImportBefore;
            _tariffReactiveImport[tariffIndex] += _registers[Index(EnergyRegister.ReactiveImport, MeterChannel.Total)] - totalReactiveImportBefore;
            _operatingMilliseconds += cycleMilliseconds;
            _cycleCount++;
            IsNoLoad = !anyRunning;
            LastQuadrant = anyRunning ? QuadrantClassifier.Classify(activeSum, reactiveSum) : Quadrant.None;
        }

        /// <summary>Raw register content in counts (secondary). <paramref name="channel"/>: 0 … 2 phase, 3 total (<see cref="MeterChannel"/>).</summary>
        public long GetCounts(EnergyRegister register, int channel)
        {
            return _registers[CheckedIndex(register, channel)];
        }

        /// <summary>Raw A+ counts of tariff <paramref name="tariffIndex"/> (0 = T1).</summary>
        public long GetTariffActiveImportCounts(int tariffIndex)
        {
            CheckTariff(tariffIndex);
            return _tariffActiveImport[tariffIndex];
        }

        /// <summary>Raw R+ counts of tariff <paramref name="tariffIndex"/> (0 = T1).</summary>
        public long GetTariffReactiveImportCounts(int tariffIndex)
        {
            CheckTariff(tariffIndex);
            return _tariffReactiveImport[tariffIndex];
        }

        /// <summary>
        /// Register value in units of 10^<paramref name="scaler"/> Wh (varh, VAh), rounded down: the value an OBIS
        /// <i>Register</i> object returns with scaler <paramref name="scaler"/> (e.g. −3 → mWh, 0 → Wh, 3 → kWh).
        /// A pure conversion of the stored counts (nothing is reset; unlike the chip driver's read-with-reset).
        /// </summary>
        /// <param name="register">Which register.</param>
        /// <param name="channel">0 … 2 phase, 3 total.</param>
        /// <param name="primary">True for primary energy (× CT ratio), false for secondary.</param>
        /// <param name="scaler">−6 … 6.</param>
        public long EnergyIn(EnergyRegister register, int channel, bool primary, int scaler)
        {
            return Convert(GetCounts(register, channel), KindOf(register), primary, scaler);
        }

        /// <summary>A+ of tariff <paramref name="tariffIndex"/> in units of 10^<paramref name="scaler"/> Wh, rounded down.</summary>
        public long ReadTariffActiveImport(int tariffIndex, bool primary, int scaler)
        {
            return Convert(GetTariffActiveImportCounts(tariffIndex), EnergyKind.Active, primary, scaler);
        }

        /// <summary>R+ of tariff <paramref name="tariffIndex"/> in units of 10^<paramref name="scaler"/> varh, rounded down.</summary>
        public long ReadTariffReactiveImport(int tariffIndex, bool primary, int scaler)
        {
            return Convert(GetTariffReactiveImportCounts(tariffIndex), EnergyKind.Reactive, primary, scaler);
        }

        /// <summary>Converts <paramref name="counts"/> of quantity <paramref name="kind"/> to 10^<paramref name="scaler"/> units, rounded down.</summary>
        public long Convert(long counts, EnergyKind kind, bool primary, int scaler)
        {
            CurrentTransformerRatio ratio = _configuration.CtRatio;
            long numerator = primary ? ratio.PrimaryAmps : 1;
            long denominator = primary ? ratio.SecondaryAmps : 1;
            return _configuration.ConstantOf(kind).ToScaledEnergy(counts, numerator, denominator, scaler);
        }

        /// <summary>The quantity a register counts.</summary>
        public static EnergyKind KindOf(EnergyRegister register)
        {
            if (register == EnergyRegister.ActiveImport || register == EnergyRegister.ActiveExport) return EnergyKind.Active;
            if (register == EnergyRegister.ApparentImport || register == EnergyRegister.ApparentExport) return EnergyKind.Apparent;
            return EnergyKind.Reactive;
        }

        /// <summary>
        /// Writes the persistent state (registers, tariff registers, operating time) into
        /// <paramref name="snapshot"/> (length ≥ <see cref="SnapshotLength"/>) for the storage layer.
        /// </summary>
        public void SaveTo(long[] snapshot)
        {
            if (snapshot == null) throw new System.ArgumentNullException("snapshot");
            if (snapshot.Length < SnapshotLength) throw new System.ArgumentException("snapshot buffer shorter than SnapshotLength", "snapshot");
            // Block copies: this runs on most metering cycles (a save is due whenever a register crosses its step).
            int at = _registers.Length;
            System.Array.Copy(_registers, 0, snapshot, 0, at);
            System.Array.Copy(_tariffActiveImport, 0, snapshot, at, MeteringConfiguration.MaximumTariffs);
            at += MeteringConfiguration.MaximumTariffs;
            System.Array.Copy(_tariffReactiveImport, 0, snapshot, at, MeteringConfiguration.MaximumTariffs);
            at += MeteringConfiguration.MaximumTariffs;
            snapshot[at] = _operatingMilliseconds;
        }

        /// <summary>
        /// Restores the state written by <see cref="SaveTo"/>. Only allowed before the first cycle;
        /// the snapshot is checked completely first (no negative value, R+ = R1 + R2 and R− = R3 + R4 per
        /// channel, tariff sums equal the totals, unused tariffs empty) and rejected as a whole if corrupt.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">Cycles were already added.</exception>
        /// <exception cref="System.ArgumentException">The snapshot is short or inconsistent.</exception>
        public void RestoreFrom(long[] snapshot)
        {
            if (_cycleCount != 0) throw new System.InvalidOperationException("registers can only be restored before the first metering cycle");
            if (snapshot == null) throw new System.ArgumentNullException("snapshot");
            if (snapshot.Length < SnapshotLength) throw new System.ArgumentException("snapshot shorter than SnapshotLength", "snapshot");
            for (int i = 0; i < SnapshotLength; i++)
            {
                if (snapshot[i] < 0) throw new System.ArgumentException("snapshot holds a negative register", "snapshot");
            }
            for (int channel = 0; channel < MeterChannel.Count; channel++)
            {
                if (snapshot[Index(EnergyRegister.ReactiveImport, channel)] != snapshot[Index(EnergyRegister.ReactiveQuadrant1, channel)] + snapshot[Index(EnergyRegister.ReactiveQuadrant2, channel)])
                    throw new System.ArgumentException("snapshot inconsistent: R+ differs from R1 + R2", "snapshot");
                if (snapshot[Index(EnergyRegister.ReactiveExport, channel)] != snapshot[Index(EnergyRegister.ReactiveQuadrant3, channel)] + snapshot[Index(EnergyRegister.ReactiveQuadrant4, channel)])
                    throw new System.ArgumentException("snapshot inconsistent: R− differs from R3 + R4", "snapshot");
            }
            int tariffBase = RegisterCount * MeterChannel.Count;
            long activeSum = 0;
            long reactiveSum = 0;
            for (int t = 0; t < MeteringConfiguration.MaximumTariffs; t++)
            {
                long a = snapshot[tariffBase + t];
                long r = snapshot[tariffBase + MeteringConfiguration.MaximumTariffs + t];
                if (t >= _configuration.TariffCount && (a != 0 || r != 0))
                    throw new System.ArgumentException("snapshot holds energy in a tariff that is not configured", "snapshot");
                activeSum += a;
                reactiveSum += r;
            }
            if (activeSum != snapshot[Index(EnergyRegister.ActiveImport, MeterChannel.Total)])
                throw new System.ArgumentException("snapshot inconsistent: tariff A+ registers do not add up to A+", "snapshot");
            if (reactiveSum != snapshot[Index(EnergyRegister.ReactiveImport, MeterChannel.Total)])
                throw new System.ArgumentException("snapshot inconsistent: tariff R+ registers do not add up to R+", "snapshot");

            int at = 0;
            for (int i = 0; i < _registers.Length; i++) _registers[i] = snapshot[at++];
            for (int i = 0; i < MeteringConfiguration.MaximumTariffs; i++) _tariffActiveImport[i] = snapshot[at++];
            for (int i = 0; i < MeteringConfiguration.MaximumTariffs; i++) _tariffReactiveImport[i] = snapshot[at++];
            _operatingMilliseconds = snapshot[at];
        }

        private void Book(int channel, long p, long q, long s)
        {
            int offset = channel;
            if (p > 0) _registers[(int)EnergyRegister.ActiveImport * MeterChannel.Count + offset] += p;
            else if (p < 0) _registers[(int)EnergyRegister.ActiveExport * MeterChannel.Count + offset] -= p;

            if (q != 0)
            {
                long magnitude = q > 0 ? q : -q;
                // IEC 62053-23 four-quadrant diagram: R+ = QI + QII, R− = QIII + QIV; P = 0 counts as import.
                EnergyRegister quadrantRegister;
                if (q > 0)
                {
                    _registers[(int)EnergyRegister.ReactiveImport * MeterChannel.Count + offset] += magnitude;
                    quadrantRegister = p >= 0 ? EnergyRegister.ReactiveQuadrant1 : EnergyRegister.ReactiveQuadrant2;
                }
                else
                {
                    _registers[(int)EnergyRegister.ReactiveExport * MeterChannel.Count + offset] += magnitude;
                    quadrantRegister = p >= 0 ? EnergyRegister.ReactiveQuadrant4 : EnergyRegister.ReactiveQuadrant3;
                }
                _registers[(int)quadrantRegister * MeterChannel.Count + offset] += magnitude;
            }

            if (s > 0)
            {
                EnergyRegister apparentRegister = p >= 0 ? EnergyRegister.ApparentImport : EnergyRegister.ApparentExport;
                _registers[(int)apparentRegister * MeterChannel.Count + offset] += s;
            }
        }

        private static void Validate(int[] counts, string name)
        {
            if (counts == null) throw new System.ArgumentNullException(name);
            if (counts.Length != 3) throw new System.ArgumentException("exactly three phase values (A, B, C) are required", name);
        }

        private void CheckTariff(int tariffIndex)
        {
            if (tariffIndex < 0 || tariffIndex >= _configuration.TariffCount)
                throw new System.ArgumentOutOfRangeException("tariffIndex", "tariff index outside the configured tariffs");
        }

        private static int Index(EnergyRegister register, int channel)
        {
            return (int)register * MeterChannel.Count + channel;
        }

        private static int CheckedIndex(EnergyRegister register, int channel)
        {
            if ((int)register < 0 || (int)register >= RegisterCount) throw new System.ArgumentOutOfRangeException("register", "unknown energy register");
            if (channel < 0 || channel >= MeterChannel.Count) throw new System.ArgumentOutOfRangeException("channel", "channel must be 0 … 3");
            return Index(register, channel);
        }
    }
}
