using Meter.Clock;
using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// UTC seconds ↔ the local wall-clock time the OBIS objects show and the optical port writes
    /// (GMT code and summer time of the <see cref="LocalTimeRule"/>).
    /// </summary>
    public sealed class ObisLocalTime
    {
        private readonly LocalTimeRule _rule;

        /// <summary>Converts with <paramref name="rule"/>.</summary>
        public ObisLocalTime(LocalTimeRule rule)
        {
            _rule = rule;
        }

        /// <summary>The local time of <paramref name="utcSeconds"/> as an OBIS date-time.</summary>
        public ObisDateTime ToLocal(long utcSeconds)
        {
            LocalDateTime local = _rule.ToLocal(utcSeconds);
            return new ObisDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second);
        }

        /// <summary>
        /// UTC seconds of the local wall-clock time <paramref name="value"/>; a repeated autumn hour
        /// means its first (summer-time) occurrence (Meter.Clock LocalTimeRule.FirstUtcAtOrAfterLocal).
        /// </summary>
        public long ToUtc(ObisDateTime value)
        {
            long localSeconds = CivilCalendar.DayNumber(value.Year, value.Month, value.Day) * UnixTime.SecondsPerDay
                + value.Hour * 3600L + value.Minute * 60L + value.Second;
            return _rule.FirstUtcAtOrAfterLocal(localSeconds);
        }
    }
}
