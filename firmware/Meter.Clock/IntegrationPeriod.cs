using System;

namespace Meter.Clock
{
    /// <summary>
    /// The integration (demand / load-profile) period: 5, 15, 30 or 60 minutes (seeds' code E:
    /// 1 = 5 min, 2 = 15 min, 3 = 30 min, 4 = 60 min). Intervals are aligned on local time, so
    /// with the seeds' whole-hour offsets every boundary is also a whole multiple in UTC and the
    /// summer-time changes never split an interval. The length can change at run time
    /// (<see cref="Change"/>, the optical port's W1 of 1-0:0.8.0): the clock, the profile closing
    /// and demand share one instance, so they all follow it at the same instant.
    /// </summary>
    public sealed class IntegrationPeriod
    {
        private int _minutes;
        private readonly LocalTimeRule _rule;

        /// <summary>Creates a period of <paramref name="minutes"/> (5, 15, 30 or 60) aligned on <paramref name="rule"/>'s local time.</summary>
        public IntegrationPeriod(int minutes, LocalTimeRule rule)
        {
            if (minutes != 5 && minutes != 15 && minutes != 30 && minutes != 60)
            {
                throw new ArgumentOutOfRangeException("minutes", "integration period must be 5, 15, 30 or 60 minutes");
            }

            if (rule == null)
            {
                throw new ArgumentNullException("rule");
            }

            _minutes = minutes;
            _rule = rule;
        }

        /// <summary>
        /// Sets the length to <paramref name="minutes"/> (5, 15, 30 or 60; Kamstrup 351 B / 382 J:
        /// "the integration period ... can be changed" with METERTOOL). Boundaries are computed
        /// with the new length from now on; the caller closes what ran under the old one.
        /// </summary>
        public void Change(int minutes)
        {
            if (minutes != 5 && minutes != 15 && minutes != 30 && minutes != 60)
            {
                throw new ArgumentOutOfRangeException("minutes", "integration period must be 5, 15, 30 or 60 minutes");
            }

            _minutes = minutes;
        }

        /// <summary>Creates the period from the seeds' configuration code E (1–4).</summary>
        public static IntegrationPeriod FromConfigurationCode(int code, LocalTimeRule rule)
        {
            switch (code)
            {
                case 1: return new IntegrationPeriod(5, rule);
                case 2: return new IntegrationPeriod(15, rule);
                case 3: return new IntegrationPeriod(30, rule);
                case 4: return new IntegrationPeriod(60, rule);
                default: throw new ArgumentOutOfRangeException("code", "integration period code E must be 1..4");
            }
        }

        /// <summary>Length in minutes.</summary>
        public int Minutes => _minutes;

        /// <summary>Length in seconds.</summary>
        public int Seconds => _minutes * 60;

        /// <summary>UTC seconds at which the interval containing <paramref name="utcSeconds"/> began.</summary>
        public long IntervalStart(long utcSeconds)
        {
            long local = utcSeconds + _rule.UtcOffsetSeconds(utcSeconds);
            return utcSeconds - UnixTime.FloorMod(local, Seconds);
        }

        /// <summary>UTC seconds at which the interval containing <paramref name="utcSeconds"/> ends (the next boundary).</summary>
        public long IntervalEnd(long utcSeconds)
        {
            return IntervalStart(utcSeconds) + Seconds;
        }

        /// <summary><c>true</c> when <paramref name="utcSeconds"/> is exactly on an interval boundary.</summary>
        public bool IsBoundary(long utcSeconds)
        {
            return IntervalStart(utcSeconds) == utcSeconds;
        }
    }
}
