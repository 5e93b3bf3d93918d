namespace Meter.Storage
{
    /// <summary>One load-profile interval read back by a <see cref="LoadProfileReader"/>; allocate once, reuse.</summary>
    public sealed class ProfileEntry
    {
        /// <summary>Creates an entry for <paramref name="channelCount"/> channels.</summary>
        public ProfileEntry(int channelCount)
        {
            if (channelCount < 1)
            {
                throw new System.ArgumentException("a profile entry needs at least one channel");
            }
            ChannelCount = channelCount;
            Deltas = new long[channelCount];
            Values = new long[channelCount];
        }

        /// <summary>Local time at the end of the interval.</summary>
        public System.DateTime EndTime { get; set; }

        /// <summary>Minutes since 2000-01-01 00:00 of <see cref="EndTime"/>.</summary>
        public long EndMinute { get; set; }

        /// <summary>
        /// Integration period (minutes) of the block the entry was read from: the period in force
        /// when it was written. An entry flagged <see cref="IntervalStatus.Incomplete"/> is shorter
        /// (or longer) than this; its length is the time since the previous entry.
        /// </summary>
        public int PeriodMinutes { get; set; }

        /// <summary>Channels of the block the entry was read from (the base, or with the extra channel); slots beyond read 0.</summary>
        public int ChannelCount { get; set; }

        /// <summary><see cref="IntervalStatus"/> flags.</summary>
        public int Status { get; set; }

        /// <summary>Energy of each channel during the interval (register units).</summary>
        public long[] Deltas { get; private set; }

        /// <summary>Register value of each channel at the end of the interval.</summary>
        public long[] Values { get; private set; }
    }
}
