namespace Meter.Clock
{
    /// <summary>What <see cref="MeterClock.Boot"/> found in the RTC.</summary>
    public enum ClockBootOutcome
    {
        /// <summary>The RTC kept time: its time is used.</summary>
        RtcKeptTime = 0,

        /// <summary>The RTC's oscillator stopped (backup lost): the last stored time was restored and marked invalid.</summary>
        RestoredAfterBackupLoss = 1,

        /// <summary>The RTC's registers held no valid date: the last stored time was restored and marked invalid.</summary>
        RestoredAfterUnreadableRtc = 2,

        /// <summary>The RTC was earlier than the last stored time (it cannot have run backwards): restored and marked invalid.</summary>
        RestoredAfterRtcBehindStoredTime = 3,
    }
}
