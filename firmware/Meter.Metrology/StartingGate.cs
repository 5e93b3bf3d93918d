namespace Meter.Metrology
{
    /// <summary>
    /// The per-phase starting / no-load gate (EN 50470-3 no-load and starting tests; IEC 62053-21:2003
    /// §8.3.2, §8.3.3): a phase registers only while its apparent energy over a sliding window of cycles
    /// reaches <see cref="MeteringConfiguration.StartingThresholdMilliVoltAmperes"/> × the window's duration.
    /// <para>
    /// Why a window: the chip delivers whole counts. On the direct presets one count is 10 W·s, more than
    /// the 3.68 VA·s the threshold is worth in a 1-s cycle, so a per-cycle judgement (≥ 1 count) lets a load
    /// below the starting current register a count every few seconds. Over a window worth at least
    /// <see cref="MinimumWindowCounts"/> counts of threshold energy, the count quantisation (± 1 count) moves
    /// the effective threshold by at most 1/20 = 5 %, well inside the 80 % margin below Un × Ist (Ist is 25 %
    /// above the threshold, 50 % of the threshold is 10 counts below it).
    /// </para>
    /// <para>
    /// Window: the shortest run of the latest cycles whose durations add up to at least
    /// <see cref="WindowTargetMilliseconds"/> (derived from the configuration: the least duration in which the
    /// threshold power gives <see cref="MinimumWindowCounts"/> counts, at most 1 h) and at most
    /// <see cref="MaximumWindowCycles"/> cycles (ring buffers allocated here, nothing allocated per cycle). The
    /// judgement uses the real duration of the window, so cycles of unequal length are weighed correctly. Until the
    /// cycles since start-up cover the target, the window is judged over the target duration (the unknown past
    /// counts as no energy), so a start-up cycle cannot pass on a window of one short cycle. Presets (1-s cycles): direct
    /// 10.03 W·s per count, 3.68 VA → 54.5 s → 55 cycles (threshold 21 counts); CT 0.545 W·s, 0.92 VA →
    /// 11.85 s → 12 cycles (threshold 21 counts; judged per cycle it would be 2 counts, and a load at 87 % of the
    /// threshold, 1.47 counts/s, would register half of its cycles). Where one cycle already holds the target
    /// (a coarse count or a long cycle) the window is that cycle alone: the per-cycle rule of before. Cycles
    /// shorter than target / 60 (e.g. 100-ms cycles on the direct presets) make the window 60 cycles, shorter than
    /// the target, and the discrimination coarser (6 s: 2 counts).
    /// </para>
    /// <para>
    /// Running phase: its counts are released (registered) every cycle; it stops at the first cycle whose
    /// window falls below the threshold, and that cycle is held. Stopped phase: each cycle's P, Q, S counts are
    /// held; as soon as the window reaches the threshold the phase runs again and all held counts still in the
    /// window are released at once (summed per phase: registers are sums, and a phase that near the threshold
    /// does not change direction within a minute), so energy above the threshold is never lost and a load that
    /// switches on at full power is registered from its first cycle. Held counts that leave the window unreleased
    /// are no-load creep and are discarded.
    /// </para>
    /// <para>
    /// Bounds. Power cut while stopped: the held counts are not persisted; they lie in one window that stayed
    /// below the threshold, so less than threshold × window (&lt; 21 counts, 0.06 Wh per phase on the direct
    /// presets) is lost. Stop edge: after a load goes away the phase runs on until the window forgets it (at
    /// most one window, 55 s on the direct presets) and registers that time's creep; those cycles lie in the
    /// window of the stopping cycle, which is below the threshold, so the over-registration is less than
    /// threshold × window as well. Held counts released on a start are booked in the tariff of that cycle.
    /// </para>
    /// </summary>
    public sealed class StartingGate
    {
        /// <summary>Least threshold energy a full window is worth, in apparent counts (5 % resolution).</summary>
        public const int MinimumWindowCounts = 20;

        /// <summary>Most cycles a window holds (ring size).</summary>
        public const int MaximumWindowCycles = 60;

        /// <summary>Longest window target, 1 h (the longest metering cycle).</summary>
        public const int MaximumWindowTargetMilliseconds = EnergyAccumulator.MaximumCycleMilliseconds;

        // The window never exceeds target + one cycle (both ≤ 1 h): the longest duration the threshold is computed for.
        private const long LongestWindowMilliseconds = 2L * EnergyAccumulator.MaximumCycleMilliseconds;
        private const long MilliVoltAmpereMillisecondsPerVoltAmpereHour = 3600000000L; // 1000 mVA × 3 600 000 ms

        private readonly long _thresholdMilliVa;
        private readonly long _thresholdDivisor;
        private readonly long _apparentDenominator;
        private readonly bool[] _used = new bool[3];
        private readonly int _targetMilliseconds;

        // Ring of the window's cycles: duration and the P, Q, S counts of each phase (index slot × 3 + phase).
        private readonly int[] _entryMilliseconds = new int[MaximumWindowCycles];
        private readonly int[] _entryActive = new int[MaximumWindowCycles * 3];
        private readonly int[] _entryReactive = new int[MaximumWindowCycles * 3];
        private readonly int[] _entryApparent = new int[MaximumWindowCycles * 3];
        private int _oldest;
        private int _count;
        private long _windowMilliseconds;
        private long _judgedMilliseconds;

        private readonly long[] _windowApparent = new long[3];
        private readonly long[] _heldActive = new long[3];
        private readonly long[] _heldReactive = new long[3];
        private readonly long[] _heldApparent = new long[3];
        private readonly int[] _heldCycles = new int[3];
        private readonly bool[] _running = new bool[3];
        private readonly bool[] _released = new bool[3];
        private readonly long[] _releasedActive = new long[3];
        private readonly long[] _releasedReactive = new long[3];
        private readonly long[] _releasedApparent = new long[3];

        private long _thresholdWindowMilliseconds = -1;
        private long _thresholdCounts;

        /// <summary>Creates the gate for <paramref name="configuration"/> (threshold, apparent constant, used phases).</summary>
        /// <exception cref="System.ArgumentNullException">No configuration.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">A threshold so large that threshold × 2 h overflows the exact arithmetic.</exception>
        public StartingGate(MeteringConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            _thresholdMilliVa = configuration.StartingThresholdMilliVoltAmperes;
            EnergyConstant c = configuration.ApparentConstant;
            _thresholdDivisor = WideArithmetic.CheckedMultiply(c.Numerator, MilliVoltAmpereMillisecondsPerVoltAmpereHour);
            _apparentDenominator = c.Denominator;
            for (int phase = 0; phase < 3; phase++) _used[phase] = configuration.IsPhaseUsed(phase);
            if (_thresholdMilliVa > 0)
            {
                if (_thresholdMilliVa > long.MaxValue / LongestWindowMilliseconds)
                    throw new System.ArgumentOutOfRangeException("configuration", "starting threshold too large for the window arithmetic");
                // The longest window's threshold must be computable (throws here, not in a metering cycle).
                ThresholdCounts(LongestWindowMilliseconds);
                _targetMilliseconds = FindTargetMilliseconds();
            }
        }

        /// <summary>Duration a window must cover, ms (0 without a threshold: every cycle is judged alone).</summary>
        public int WindowTargetMilliseconds { get { return _targetMilliseconds; } }

        /// <summary>Duration the last cycle's window was judged over, ms (its cycles' durations; the target while start-up has not covered it).</summary>
        public long WindowMilliseconds { get { return _judgedMilliseconds; } }

        /// <summary>Cycles (ring entries) in the current window.</summary>
        public int WindowCycles { get { return _count; } }

        /// <summary>Threshold of the last cycle's window in apparent counts: ceil(threshold × window / energy per count).</summary>
        public long WindowThresholdCounts { get { return _thresholdCounts; } }

        /// <summary>True while phase <paramref name="phase"/> (0 … 2) runs, i.e. registers its counts.</summary>
        public bool IsRunning(int phase)
        {
            CheckPhase(phase);
            return _running[phase];
        }

        /// <summary>True when the last cycle released counts of <paramref name="phase"/> to be registered (exactly when it runs).</summary>
        public bool IsReleased(int phase)
        {
            CheckPhase(phase);
            return _released[phase];
        }

        /// <summary>Signed active counts of <paramref name="phase"/> released in the last cycle (that cycle's, or all held ones on a start).</summary>
        public long ReleasedActive(int phase)
        {
            CheckPhase(phase);
            return _releasedActive[phase];
        }

        /// <summary>Signed reactive counts released in the last cycle.</summary>
        public long ReleasedReactive(int phase)
        {
            CheckPhase(phase);
            return _releasedReactive[phase];
        }

        /// <summary>Apparent counts released in the last cycle.</summary>
        public long ReleasedApparent(int phase)
        {
            CheckPhase(phase);
            return _releasedApparent[phase];
        }

        /// <summary>Apparent counts of <paramref name="phase"/> held now (not registered; lost on a power cut, below threshold × window).</summary>
        public long HeldApparent(int phase)
        {
            CheckPhase(phase);
            return _heldApparent[phase];
        }

        /// <summary>Cycles of <paramref name="phase"/> held now.</summary>
        public int HeldCycles(int phase)
        {
            CheckPhase(phase);
            return _heldCycles[phase];
        }

        /// <summary>
        /// Judges one cycle: adds it to the window, drops what the window no longer needs and decides per phase
        /// what is released (<see cref="IsReleased"/>, <see cref="ReleasedActive"/> …). Checks its input first and
        /// changes nothing when it throws.
        /// </summary>
        /// <param name="activeCounts">Signed active counts per phase (length 3).</param>
        /// <param name="reactiveCounts">Signed reactive counts per phase (length 3).</param>
        /// <param name="apparentCounts">Apparent counts per phase (length 3, each ≥ 0).</param>
        /// <param name="cycleMilliseconds">Duration of the cycle, 1 … 3 600 000 ms.</param>
        /// <exception cref="System.ArgumentException">Wrongly sized arrays, negative apparent counts or a duration out of range.</exception>
        public void AddCycle(int[] activeCounts, int[] reactiveCounts, int[] apparentCounts, int cycleMilliseconds)
        {
            if (activeCounts == null || reactiveCounts == null || apparentCounts == null) throw new System.ArgumentNullException("activeCounts");
            if (activeCounts.Length != 3 || reactiveCounts.Length != 3 || apparentCounts.Length != 3)
                throw new System.ArgumentException("exactly three phase values (A, B, C) are required", "activeCounts");
            if (apparentCounts[0] < 0 || apparentCounts[1] < 0 || apparentCounts[2] < 0)
                throw new System.ArgumentOutOfRangeException("apparentCounts", "apparent energy counts must not be negative");
            if (cycleMilliseconds <= 0 || cycleMilliseconds > EnergyAccumulator.MaximumCycleMilliseconds)
                throw new System.ArgumentOutOfRangeException("cycleMilliseconds", "cycle duration must be 1 … 3 600 000 ms");
            AddCheckedCycle(activeCounts, reactiveCounts, apparentCounts, cycleMilliseconds);
        }

        /// <summary><see cref="AddCycle"/> for input the caller has checked (the accumulator, once per metering cycle).</summary>
        internal void AddCheckedCycle(int[] activeCounts, int[] reactiveCounts, int[] apparentCounts, int cycleMilliseconds)
        {
            // Plan first: which old entries leave (ring full, or the rest still covers the target).
            long window = _windowMilliseconds + cycleMilliseconds;
            int leaving = 0;
            while (leaving < _count)
            {
                int at = _oldest + leaving;
                if (at >= MaximumWindowCycles) at -= MaximumWindowCycles;
                int ms = _entryMilliseconds[at];
                if (_count - leaving < MaximumWindowCycles && window - ms < _targetMilliseconds) break;
                window -= ms;
                leaving++;
            }
            // Until the cycles since start-up cover the target, the window is judged over the target (the time
            // before start-up counts as empty); a window cut at the ring size is judged over what it holds.
            long judged = _count - leaving + 1 < MaximumWindowCycles && window < _targetMilliseconds ? _targetMilliseconds : window;
            long threshold = ThresholdCounts(judged);

            for (int i = 0; i < leaving; i++) DropOldest();
            int slot = _oldest + _count;
            if (slot >= MaximumWindowCycles) slot -= MaximumWindowCycles;
            _count++;
            _entryMilliseconds[slot] = cycleMilliseconds;
            _windowMilliseconds = window;
            _judgedMilliseconds = judged;

            for (int phase = 0; phase < 3; phase++)
            {
                int at = slot * 3 + phase;
                if (!_used[phase])
                {
                    // Not a measuring system of this connection (Aron B, single-phase B and C): never runs, holds nothing.
                    _entryActive[at] = 0;
                    _entryReactive[at] = 0;
                    _entryApparent[at] = 0;
                    continue;
                }
                int p = activeCounts[phase];
                int q = reactiveCounts[phase];
                int s = apparentCounts[phase];
                _entryActive[at] = p;
                _entryReactive[at] = q;
                _entryApparent[at] = s;
                _windowApparent[phase] += s;
                // Without a threshold any non-empty cycle runs (a phase with no counts at all is "no load").
                bool reached = _thresholdMilliVa > 0 ? _windowApparent[phase] >= threshold : (p != 0 || q != 0 || s != 0);
                if (_running[phase] && reached)
                {
                    Release(phase, p, q, s);
                    continue;
                }
                _heldActive[phase] += p;
                _heldReactive[phase] += q;
                _heldApparent[phase] += s;
                _heldCycles[phase]++;
                if (reached)
                {
                    Release(phase, _heldActive[phase], _heldReactive[phase], _heldApparent[phase]);
                    _heldActive[phase] = 0;
                    _heldReactive[phase] = 0;
                    _heldApparent[phase] = 0;
                    _heldCycles[phase] = 0;
                }
                else
                {
                    _running[phase] = false;
                    _released[phase] = false;
                    _releasedActive[phase] = 0;
                    _releasedReactive[phase] = 0;
                    _releasedApparent[phase] = 0;
                }
            }
        }

        /// <summary>What <paramref name="phase"/> (0 … 2, unchecked) released in the last cycle; false when it holds.</summary>
        internal bool TakeReleased(int phase, out long active, out long reactive, out long apparent)
        {
            active = _releasedActive[phase];
            reactive = _releasedReactive[phase];
            apparent = _releasedApparent[phase];
            return _released[phase];
        }

        private void Release(int phase, long p, long q, long s)
        {
            _running[phase] = true;
            _released[phase] = true;
            _releasedActive[phase] = p;
            _releasedReactive[phase] = q;
            _releasedApparent[phase] = s;
        }

        private void DropOldest()
        {
            int slot = _oldest;
            for (int phase = 0; phase < 3; phase++)
            {
                int at = slot * 3 + phase;
                _windowApparent[phase] -= _entryApparent[at];
                // Held cycles are the newest ones: the oldest is held only when all of the window is. Dropped unreleased: creep.
                if (_heldCycles[phase] == _count)
                {
                    _heldActive[phase] -= _entryActive[at];
                    _heldReactive[phase] -= _entryReactive[at];
                    _heldApparent[phase] -= _entryApparent[at];
                    _heldCycles[phase]--;
                }
            }
            _windowMilliseconds -= _entryMilliseconds[slot];
            _oldest = _oldest + 1 == MaximumWindowCycles ? 0 : _oldest + 1;
            _count--;
        }

        private long ThresholdCounts(long windowMilliseconds)
        {
            // Cached: with cycles of constant length the window's duration is constant once it is full.
            if (windowMilliseconds == _thresholdWindowMilliseconds) return _thresholdCounts;
            long counts = 0;
            if (_thresholdMilliVa > 0)
            {
                // Reached when S·T ≥ threshold: counts × num/den [VAh] × 3.6e9 ≥ thr[mVA] × T[ms]
                //  ⇔ counts ≥ ceil(thr × T × den / (num × 3.6e9)).
                long remainder;
                counts = WideArithmetic.MultiplyAddDivide(_thresholdMilliVa * windowMilliseconds, _apparentDenominator, 0, _thresholdDivisor, out remainder);
                if (remainder != 0) counts++;
            }
            _thresholdWindowMilliseconds = windowMilliseconds;
            _thresholdCounts = counts;
            return counts;
        }

        private int FindTargetMilliseconds()
        {
            // Least T (1 … 1 h) with thr × T ≥ MinimumWindowCounts counts of energy, i.e.
            // floor(thr × T × den / (num × 3.6e9)) ≥ 20; monotone in T: bisection, once.
            if (!WorthEnough(MaximumWindowTargetMilliseconds)) return MaximumWindowTargetMilliseconds;
            int low = 1;
            int high = MaximumWindowTargetMilliseconds;
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                if (WorthEnough(middle)) high = middle;
                else low = middle + 1;
            }
            return low;
        }

        private bool WorthEnough(int milliseconds)
        {
            return WideArithmetic.MultiplyDivide(_thresholdMilliVa * milliseconds, _apparentDenominator, _thresholdDivisor) >= MinimumWindowCounts;
        }

        private static void CheckPhase(int phase)
        {
            if (phase < 0 || phase > 2) throw new System.ArgumentOutOfRangeException("phase", "phase must be 0 … 2");
        }
    }
}
