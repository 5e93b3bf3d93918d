namespace Meter.Clock
{
    /// <summary>
    /// Whether the meter's time can be trusted (the seeds' "RTC w/Quality info"). Anything but
    /// <see cref="Valid"/> is shown on the display and flagged in the readout until the clock is set.
    /// </summary>
    public enum TimeQuality
    {
        /// <summary>The clock was set and has run on mains or backup since.</summary>
        Valid = 0,

        /// <summary>The clock has never been set (new meter).</summary>
        InvalidNeverSet = 1,

        /// <summary>The backup failed while the meter was off; the time was restored from the last stored time.</summary>
        InvalidBackupLost = 2,
    }
}
