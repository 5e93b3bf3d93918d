namespace Meter.Storage
{
    /// <summary>One analysis-logger interval read back by an <see cref="AnalysisLogReader"/>; allocate once, reuse.</summary>
    public sealed class AnalysisEntry
    {
        /// <summary>An entry of <paramref name="channelCount"/> values.</summary>
        public AnalysisEntry(int channelCount)
        {
            if (channelCount < 1)
            {
                throw new System.ArgumentException("an analysis entry needs at least one channel");
            }
            Values = new long[channelCount];
        }

        /// <summary>UTC time of the interval's end.</summary>
        public System.DateTime EndTime { get; set; }

        /// <summary>Minutes since 2000-01-01 00:00 of <see cref="EndTime"/>.</summary>
        public long EndMinute { get; set; }

        /// <summary><see cref="IntervalStatus"/> flags | <see cref="AnalysisLog.Flagged"/>.</summary>
        public int Status { get; set; }

        /// <summary>One value a channel, in the owner's units.</summary>
        public long[] Values { get; private set; }
    }
}
