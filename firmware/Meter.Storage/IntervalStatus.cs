namespace Meter.Storage
{
    /// <summary>
    /// Status flags of one load-profile interval, modelled on the interval status of the COSEM
    /// profile generic used by the seed meters (IEC 62056-62): power failure, clock set, daylight
    /// saving active, incomplete (shortened or lengthened) interval.
    /// </summary>
    public static class IntervalStatus
    {
        /// <summary>No special condition.</summary>
        public const int None = 0;

        /// <summary>A power failure occurred during the interval.</summary>
        public const int PowerFailure = 1;

        /// <summary>The clock was set during the interval.</summary>
        public const int ClockSet = 2;

        /// <summary>The interval is shorter or longer than the integration period.</summary>
        public const int Incomplete = 4;

        /// <summary>Daylight-saving (summer) time was active at the end of the interval.</summary>
        public const int DaylightSaving = 8;

        /// <summary>All defined flags.</summary>
        public const int All = PowerFailure | ClockSet | Incomplete | DaylightSaving;
    }
}
