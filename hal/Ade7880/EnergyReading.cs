namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The result of one metering cycle, allocated once and refilled by
    /// <see cref="Ade7880Driver.ReadEnergy"/>. Arrays have length 3: index 0 = phase A,
    /// 1 = B, 2 = C. Values are signed register counts read since the previous cycle
    /// (read-with-reset) or over the last line-cycle period; one count is
    /// <see cref="Ade7880Driver.ActiveScale"/> (<see cref="Ade7880Driver.ReactiveScale"/>,
    /// <see cref="Ade7880Driver.ApparentScale"/>) watt-hours.
    /// </summary>
    public sealed class EnergyReading
    {
        /// <summary>Total active energy counts (xWATTHR).</summary>
        public readonly int[] Active = new int[3];

        /// <summary>Fundamental active energy counts (xFWATTHR); zero unless enabled in the configuration.</summary>
        public readonly int[] FundamentalActive = new int[3];

        /// <summary>Fundamental reactive energy counts (xFVARHR); the ADE7880 has no total reactive energy.</summary>
        public readonly int[] Reactive = new int[3];

        /// <summary>Apparent energy counts (xVAHR).</summary>
        public readonly int[] Apparent = new int[3];

        /// <summary>STATUS0 as read in this cycle (then cleared on the chip).</summary>
        public uint Status0;

        /// <summary>STATUS1 as read in this cycle (then cleared on the chip).</summary>
        public uint Status1;

        /// <summary><see cref="MeterEvents"/> bits decoded from the status registers.</summary>
        public int Events;

        /// <summary>
        /// True when this cycle found the chip reset (or its configuration changed) and
        /// re-initialised it. The counts are then zero: what the chip had accumulated since the
        /// previous cycle was lost with its registers.
        /// </summary>
        public bool ChipWasReset;

        /// <summary>
        /// Energy registers whose read could not be verified in this cycle (counted as zero; the
        /// chip had already cleared them). Non-zero only on a badly disturbed SPI link.
        /// </summary>
        public int FailedReads;

        /// <summary>Sets every count and flag to zero.</summary>
        public void Clear()
        {
            for (int i = 0; i < 3; i++)
            {
                Active[i] = 0;
                FundamentalActive[i] = 0;
                Reactive[i] = 0;
                Apparent[i] = 0;
            }
            Status0 = 0;
            Status1 = 0;
            Events = 0;
            ChipWasReset = false;
            FailedReads = 0;
        }
    }
}
