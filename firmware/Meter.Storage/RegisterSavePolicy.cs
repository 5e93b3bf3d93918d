namespace Meter.Storage
{
    /// <summary>
    /// Decides when the energy registers are saved: "Data is stored by every change in energy
    /// register values" (Kamstrup 351/382 data sheets, "Permanent memory") — concretely whenever
    /// any register crosses a multiple of its save step, and always on the mains-fail signal.
    /// </summary>
    /// <remarks>
    /// Worst-case loss at a power cut, per register. The registers in RAM advance once a
    /// metering cycle, by at most E_c = P_max · T_cycle (72.45 kW · 1 s = 20.1 Wh for a
    /// 3 × 230 V × 105 A meter), and a save happens whenever a register crosses a multiple of
    /// <c>step</c>. Between two saves a register stays below the end of the saved step, so
    /// RAM − NV &lt; step; a cut during the save triggered by a cycle leaves the previous save,
    /// so RAM − NV &lt; step + E_c. The metering IC also holds up to one cycle of energy not yet
    /// read. Without the mains-fail save the loss is therefore &lt; step + 2·E_c
    /// (<see cref="WorstCaseLoss"/>). On the mains-fail signal the meter reads the IC and saves
    /// unconditionally: nothing metered before the signal is lost (the supply is gone, so hardly
    /// anything is metered after it). Hence the bound "less than one display digit": always
    /// with the mains-fail save; without it only when step + 2·E_c &lt; digit, i.e. at full load
    /// and 1-s cycles for digits of 0.1 kWh and coarser (50 + 40.2 Wh &lt; 100 Wh; the seeds'
    /// legal display 7.0 kWh: 500 + 40.2 Wh &lt; 1 kWh), not for 0.01 kWh or 1 Wh digits.
    /// Trade-off: the half-digit step is what keeps the loss below a digit, and it costs NV
    /// writes. At full load a register crosses a 0.5 Wh … 5 Wh step every cycle, so the record is
    /// written 86 400 times a day (tools/Benchmarks nv-lifetime): with 16 wear-levelled slots each
    /// byte takes 5 400 writes a day, which a 10^13-cycle FRAM (MB85RS2MT) takes for millions of
    /// years and a 10^6-cycle EEPROM for half a year. The board therefore needs FRAM; an EEPROM
    /// would only do with a 1 kWh digit (0.5 kWh step) and 64 slots (about 49 years), i.e.
    /// losing up to 0.54 kWh at every cut the mains-fail save misses.
    /// </remarks>
    public sealed class RegisterSavePolicy
    {
        private readonly long[] _steps;
        // The saved values' buckets as value ranges [low, high] (inclusive): ShouldSave runs every
        // metering cycle and compares instead of dividing (64-bit division is the slowest
        // integer operation on the host and on the device's interpreter alike).
        private readonly long[] _bucketLow;
        private readonly long[] _bucketHigh;
        private bool _hasSaved;

        /// <summary>Creates the policy with one save step per register (in register units, &gt; 0).</summary>
        public RegisterSavePolicy(long[] saveSteps)
        {
            if (saveSteps == null || saveSteps.Length == 0)
            {
                throw new System.ArgumentException("one save step per register is required");
            }
            for (int i = 0; i < saveSteps.Length; i++)
            {
                if (saveSteps[i] <= 0)
                {
                    throw new System.ArgumentException("every save step must be positive");
                }
            }
            _steps = new long[saveSteps.Length];
            _bucketLow = new long[saveSteps.Length];
            _bucketHigh = new long[saveSteps.Length];
            for (int i = 0; i < saveSteps.Length; i++)
            {
                _steps[i] = saveSteps[i];
            }
        }

        /// <summary>
        /// The save step for a register displayed with a last digit worth
        /// <paramref name="displayDigit"/> register units: half a digit, which leaves the other
        /// half for the energy of the cycles a cut can catch (see remarks of the class).
        /// </summary>
        public static long StepForDisplayDigit(long displayDigit)
        {
            if (displayDigit < 2)
            {
                throw new System.ArgumentException("display digit must be at least 2 register units");
            }
            return displayDigit / 2;
        }

        /// <summary>
        /// Worst-case loss of a register with save step <paramref name="step"/> at a power cut the
        /// mains-fail save misses, when one metering cycle adds at most
        /// <paramref name="energyPerCycle"/> (same units): step + 2 · energyPerCycle, one cycle
        /// for a cut during a save, one for the energy still in the metering IC (see remarks).
        /// </summary>
        public static long WorstCaseLoss(long step, long energyPerCycle)
        {
            if (step <= 0 || energyPerCycle < 0)
            {
                throw new System.ArgumentException("step must be positive and the energy per cycle not negative");
            }
            return step + 2 * energyPerCycle;
        }

        /// <summary>Number of registers watched.</summary>
        public int Count
        {
            get { return _steps.Length; }
        }

        /// <summary>True when a save is due: never saved yet, or a register crossed a step boundary since the last save.</summary>
        public bool ShouldSave(long[] current)
        {
            CheckLength(current);
            if (!_hasSaved)
            {
                return true;
            }
            for (int i = 0; i < _steps.Length; i++)
            {
                long v = current[i];
                if (v < _bucketLow[i] || v > _bucketHigh[i])
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>On the mains-fail signal a save is always due (if anything changed at all is the caller's shortcut).</summary>
        public bool ShouldSaveOnMainsFail()
        {
            return true;
        }

        /// <summary>Records that <paramref name="saved"/> was committed (after boot: the recovered values).</summary>
        public void MarkSaved(long[] saved)
        {
            CheckLength(saved);
            long[] steps = _steps;
            long[] lows = _bucketLow;
            long[] highs = _bucketHigh;
            bool hasSaved = _hasSaved;
            for (int i = 0; i < steps.Length; i++)
            {
                long step = steps[i];
                if (hasSaved)
                {
                    // Most registers did not leave their bucket since the last save: nothing to divide.
                    long v = saved[i], low = lows[i], high = highs[i];
                    if (v >= low && v <= high) continue;
                    // The others mostly moved into the neighbouring bucket (a cycle adds less than a
                    // step): shift it by one step, the bucket the division below would give. Only for
                    // unsaturated buckets whose neighbour is unsaturated too (no overflow either).
                    if (high - low == step - 1)
                    {
                        if (v > high && high <= long.MaxValue - step && v <= high + step)
                        {
                            lows[i] = low + step;
                            highs[i] = high + step;
                            continue;
                        }
                        if (v < low && low >= long.MinValue + step && v >= low - step)
                        {
                            lows[i] = low - step;
                            highs[i] = high - step;
                            continue;
                        }
                    }
                }
                long bucket = Meter.Clock.UnixTime.FloorDiv(saved[i], step);
                // low = bucket × step and high = low + step − 1, saturated where they would leave
                // the long range (then every value on that side is in the bucket anyway).
                if (bucket < long.MinValue / step)
                {
                    _bucketLow[i] = long.MinValue;
                    _bucketHigh[i] = (bucket + 1) * step - 1;
                }
                else
                {
                    long low = bucket * step;
                    _bucketLow[i] = low;
                    _bucketHigh[i] = low > long.MaxValue - (step - 1) ? long.MaxValue : low + (step - 1);
                }
            }
            _hasSaved = true;
        }

        private void CheckLength(long[] values)
        {
            if (values == null || values.Length != _steps.Length)
            {
                throw new System.ArgumentException("values must hold exactly one entry per register");
            }
        }
    }
}
