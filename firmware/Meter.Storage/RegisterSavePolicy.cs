namespace Meter.Storage
{
    /// <summary>
    /// Decides when the energy registers are saved: "Data is stored by every change in energy
    /// register values" (Kamstrup 351/382 data sheets, "Permanent memory") — concretely whenever
    /// any register crosses a multiple of its save step, and always on the mains-fail signal.
    /// </summary>
    /// <remarks>
    /// Worst-case loss at a power cut, per register: a save happens each time the register
    /// crosses a multiple of <c>step</c>. If power fails with no save in progress, the NV value
    /// is ≥ the last multiple crossed, so the loss is &lt; step. If power fails DURING the save
    /// triggered at k·step, recovery yields the previous save (≥ (k−1)·step) while the register
    /// is &lt; k·step + E_w, E_w being the energy metered while one record is written. So
    /// loss &lt; step + E_w (<see cref="WorstCaseLoss"/>). With the step set to half a display
    /// digit (<see cref="StepForDisplayDigit"/>) and E_w tiny (a 200-byte record on a 10 MHz SPI
    /// FRAM takes &lt; 0.2 ms; at 3×230 V×100 A ≈ 69 kW that is &lt; 0.004 Wh), the loss stays
    /// below one display digit even when the mains-fail save cannot run. With the mains-fail
    /// save, the loss is only what is metered after it.
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
        /// <paramref name="displayDigit"/> register units: half a digit, so that
        /// step + E_w &lt; one digit (see remarks of the class).
        /// </summary>
        public static long StepForDisplayDigit(long displayDigit)
        {
            if (displayDigit < 2)
            {
                throw new System.ArgumentException("display digit must be at least 2 register units");
            }
            return displayDigit / 2;
        }

        /// <summary>Worst-case loss of a register with save step <paramref name="step"/> when writing one record meters at most <paramref name="energyDuringOneWrite"/>.</summary>
        public static long WorstCaseLoss(long step, long energyDuringOneWrite)
        {
            return step + energyDuringOneWrite;
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
            for (int i = 0; i < _steps.Length; i++)
            {
                // Most registers did not leave their bucket since the last save: nothing to divide.
                if (_hasSaved && saved[i] >= _bucketLow[i] && saved[i] <= _bucketHigh[i]) continue;
                long step = _steps[i];
                long bucket = FloorDiv(saved[i], step);
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

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            long r = a - q * b; // one division: the remainder without a second one
            if ((r != 0) && ((a < 0) != (b < 0)))
            {
                q--;
            }
            return q;
        }
    }
}
