namespace Meter.Storage
{
    /// <summary>Areas of the NV memory, as named in storage-repair events and the recovery report.</summary>
    public static class StorageArea
    {
        /// <summary>The format record.</summary>
        public const int Format = 1;

        /// <summary>The energy register record.</summary>
        public const int Registers = 2;

        /// <summary>The billing (debiting) logger.</summary>
        public const int Billing = 3;

        /// <summary>Logger 2 (daily/weekly/monthly values).</summary>
        public const int Logger2 = 4;

        /// <summary>The event log ring.</summary>
        public const int Events = 5;

        /// <summary>The event log's per-kind counters.</summary>
        public const int EventCounters = 6;

        /// <summary>The load profile.</summary>
        public const int Profile = 7;

        /// <summary>The settings record (slots torn, or no valid record so the defaults were used).</summary>
        public const int Settings = 8;

        /// <summary>The demand record (maxima with their times, running integration period).</summary>
        public const int Demand = 9;

        /// <summary>The voltage-quality record (dip and swell counters, layout version 6).</summary>
        public const int VoltageQuality = 10;

        /// <summary>The whole memory: it held data but no readable format record, and was formatted (everything lost; new value 1).</summary>
        public const int Memory = 11;

        /// <summary>The calendar record (passive activity calendar, its activation time, calendar names): slots torn, or a record refused at start-up.</summary>
        public const int Calendar = 12;

        /// <summary>The device-state record (breaker, prepayment credit, pulse and alarm inputs): slots torn.</summary>
        public const int DeviceState = 13;

        /// <summary>The quality area (analysis logger pointer, weekly EN 50160 results): slots torn.</summary>
        public const int Analysis = 14;

        /// <summary>The calibration record (the metering chip's calibration registers set over the optical port): slots torn.</summary>
        public const int Calibration = 15;
    }
}
