namespace Meter.Clock
{
    /// <summary>
    /// The clock's quality state as storage persists it and the readout shows it: quality, who
    /// set the clock last and when (UTC seconds since 1970).
    /// </summary>
    public sealed class ClockStatus
    {
        /// <summary>A new meter: never set, time invalid.</summary>
        public ClockStatus()
            : this(TimeQuality.InvalidNeverSet, ClockSetSource.None, 0)
        {
        }

        /// <summary>A status as stored.</summary>
        public ClockStatus(TimeQuality quality, ClockSetSource lastSetSource, long lastSetUtcSeconds)
        {
            Quality = quality;
            LastSetSource = lastSetSource;
            LastSetUtcSeconds = lastSetUtcSeconds;
        }

        /// <summary>Whether the time can be trusted.</summary>
        public TimeQuality Quality { get; }

        /// <summary>Who set the clock last (<see cref="ClockSetSource.None"/> if never).</summary>
        public ClockSetSource LastSetSource { get; }

        /// <summary>When the clock was set last (UTC seconds; meaningless when never set).</summary>
        public long LastSetUtcSeconds { get; }

        /// <summary><c>true</c> when <see cref="Quality"/> is <see cref="TimeQuality.Valid"/>.</summary>
        public bool IsValid => Quality == TimeQuality.Valid;

        /// <summary>
        /// The COSEM clock_status byte for the readout (IEC 62056-62 Clock class, attribute
        /// clock_status; DLMS Blue Book): bit 0 invalid value, bit 7 daylight saving active.
        /// </summary>
        public int CosemClockStatus(bool isSummerTime)
        {
            return (IsValid ? 0 : 0x01) | (isSummerTime ? 0x80 : 0);
        }
    }
}
