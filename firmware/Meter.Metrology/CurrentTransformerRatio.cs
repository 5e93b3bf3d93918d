namespace Meter.Metrology
{
    /// <summary>
    /// Current-transformer ratio that turns secondary energy into primary energy
    /// (Kamstrup 351 data sheet, "Transformer ratio": 5/5 A … 3000/5 A, configurable or locked;
    /// the secondary reading always shows what went through the meter). A direct meter uses 5/5.
    /// Changing the ratio re-scales the primary readings of all stored energy (primary = secondary × ratio)
    /// and never touches the secondary counts.
    /// </summary>
    public sealed class CurrentTransformerRatio
    {
        /// <summary>Largest primary current for a 5 A secondary (Kamstrup 351: 3000/5 A).</summary>
        public const int MaximumPrimaryAmpsFor5A = 3000;

        private int _primaryAmps;
        private int _secondaryAmps;

        /// <summary>Creates a configurable ratio <paramref name="primaryAmps"/>/<paramref name="secondaryAmps"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">See <see cref="Set"/>.</exception>
        public CurrentTransformerRatio(int primaryAmps, int secondaryAmps)
        {
            Validate(primaryAmps, secondaryAmps);
            _primaryAmps = primaryAmps;
            _secondaryAmps = secondaryAmps;
        }

        /// <summary>Primary rated current in A.</summary>
        public int PrimaryAmps { get { return _primaryAmps; } }

        /// <summary>Secondary rated current in A (5 or 1).</summary>
        public int SecondaryAmps { get { return _secondaryAmps; } }

        /// <summary>True once <see cref="Lock"/> was called: the ratio can no longer change.</summary>
        public bool IsLocked { get; private set; }

        /// <summary>Incremented on every change, so dependants (pulse outputs) notice.</summary>
        public int Version { get; private set; }

        /// <summary>Sets a new ratio.</summary>
        /// <exception cref="System.InvalidOperationException">The ratio is locked.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">Secondary not 1 or 5 A, primary below the secondary, or ratio above 3000/5 (600).</exception>
        public void Set(int primaryAmps, int secondaryAmps)
        {
            if (IsLocked) throw new System.InvalidOperationException("the current transformer ratio is locked");
            Validate(primaryAmps, secondaryAmps);
            _primaryAmps = primaryAmps;
            _secondaryAmps = secondaryAmps;
            Version++;
        }

        /// <summary>Locks the ratio (seed configuration "T = 2, locked").</summary>
        public void Lock()
        {
            IsLocked = true;
        }

        private static void Validate(int primaryAmps, int secondaryAmps)
        {
            if (secondaryAmps != 5 && secondaryAmps != 1)
                throw new System.ArgumentOutOfRangeException("secondaryAmps", "CT secondary must be 5 A or 1 A");
            if (primaryAmps < secondaryAmps)
                throw new System.ArgumentOutOfRangeException("primaryAmps", "CT primary must be at least the secondary current");
            // Kamstrup 351 data sheet: ratio from 5/5 A up to 3000/5 A, i.e. at most 600.
            if ((long)primaryAmps * 5 > (long)MaximumPrimaryAmpsFor5A * secondaryAmps)
                throw new System.ArgumentOutOfRangeException("primaryAmps", "CT ratio above 3000/5 A");
        }
    }
}
