namespace Meter.Clock
{
    /// <summary>
    /// The record of one clock setting, returned by <see cref="MeterClock.SetTime"/> for the
    /// event log, and telling the load profile whether to close and mark its running interval.
    /// Times are UTC seconds since 1970.
    /// </summary>
    public sealed class ClockSetEvent
    {
        /// <summary>Creates the record.</summary>
        public ClockSetEvent(ClockSetKind kind, ClockSetSource source, long oldUtcSeconds, long newUtcSeconds, TimeQuality qualityBefore, long closedIntervalStartUtcSeconds)
        {
            Kind = kind;
            Source = source;
            OldUtcSeconds = oldUtcSeconds;
            NewUtcSeconds = newUtcSeconds;
            QualityBefore = qualityBefore;
            ClosedIntervalStartUtcSeconds = closedIntervalStartUtcSeconds;
        }

        /// <summary>Adjusted (interval carries on) or jumped (interval closed and marked).</summary>
        public ClockSetKind Kind { get; }

        /// <summary>Who set the clock.</summary>
        public ClockSetSource Source { get; }

        /// <summary>The meter's time just before the setting.</summary>
        public long OldUtcSeconds { get; }

        /// <summary>The time set.</summary>
        public long NewUtcSeconds { get; }

        /// <summary>New minus old, in seconds (positive = clock moved forward).</summary>
        public long DeltaSeconds => NewUtcSeconds - OldUtcSeconds;

        /// <summary>The time quality before the setting (after it, the time is valid).</summary>
        public TimeQuality QualityBefore { get; }

        /// <summary><c>true</c> when the load profile must close and mark the interval that was running.</summary>
        public bool IntervalClosed => Kind == ClockSetKind.Jumped;

        /// <summary>Start (UTC seconds) of the interval that was running at the old time; the one to close when <see cref="IntervalClosed"/>.</summary>
        public long ClosedIntervalStartUtcSeconds { get; }
    }
}
