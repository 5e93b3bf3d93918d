namespace Meter.Hal
{
    /// <summary>
    /// The result of one metering cycle, allocated once and refilled by
    /// <see cref="IMeteringChip.TakeEnergy"/>. Arrays have length 3: index 0 = phase A (L1),
    /// 1 = B, 2 = C. Values are signed energy counts taken since the previous cycle
    /// (read-with-reset) or over the chip's last accumulation period; one count is
    /// <see cref="IMeteringChip.ActiveEnergyPerCount"/> (reactive, apparent likewise).
    /// </summary>
    public sealed class EnergyReading
    {
        /// <summary>Total active energy counts (ADE7880: xWATTHR).</summary>
        public readonly int[] Active = new int[3];

        /// <summary>Fundamental active energy counts (ADE7880: xFWATTHR); zero unless the chip was configured to read them.</summary>
        public readonly int[] FundamentalActive = new int[3];

        /// <summary>Reactive energy counts (ADE7880: fundamental, xFVARHR; it has no total reactive energy).</summary>
        public readonly int[] Reactive = new int[3];

        /// <summary>Apparent energy counts (ADE7880: xVAHR).</summary>
        public readonly int[] Apparent = new int[3];

        /// <summary>The chip's first status word as read in this cycle (ADE7880: STATUS0), for diagnostics; its bits are the chip's.</summary>
        public uint Status0;

        /// <summary>The chip's second status word as read in this cycle (ADE7880: STATUS1), for diagnostics and fault records.</summary>
        public uint Status1;

        /// <summary>Phases whose voltage zero crossings timed out (voltage gone): bit 0 = A, 1 = B, 2 = C.</summary>
        public int VoltageTimeouts;

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
            VoltageTimeouts = 0;
            Events = 0;
            ChipWasReset = false;
            FailedReads = 0;
        }
    }
}
