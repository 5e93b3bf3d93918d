using System;
using Meter.Hal;

namespace Meter.Clock
{
    /// <summary>
    /// The meter's clock: UTC from the backed-up RTC plus the time-quality state. On boot it
    /// checks the RTC and, when the backup failed, restores the last stored time and marks the
    /// time invalid; setting the clock returns a <see cref="ClockSetEvent"/> that says whether
    /// it was a small adjustment or a jump that closes the running profile interval.
    /// It reads the RTC only when asked; the caller drives it.
    /// </summary>
    public sealed class MeterClock
    {
        private readonly IRtc _rtc;
        private readonly IntegrationPeriod _period;
        private readonly int _smallCorrectionLimitSeconds;
        private ClockStatus _status = new ClockStatus();
        private long _lastKnownUtcSeconds;
        private ClockSetEvent _lastSetEvent;

        /// <summary>
        /// Creates the clock over <paramref name="rtc"/>. A setting whose size is at most
        /// <paramref name="smallCorrectionLimitSeconds"/> and which stays in the same integration
        /// period of <paramref name="period"/> is an adjustment; anything else is a jump.
        /// </summary>
        public MeterClock(IRtc rtc, IntegrationPeriod period, int smallCorrectionLimitSeconds)
        {
            if (rtc == null)
            {
                throw new ArgumentNullException("rtc");
            }

            if (period == null)
            {
                throw new ArgumentNullException("period");
            }

            if (smallCorrectionLimitSeconds < 0 || smallCorrectionLimitSeconds >= period.Seconds)
            {
                throw new ArgumentOutOfRangeException("smallCorrectionLimitSeconds", "small-correction limit must be 0 .. integration period - 1 s");
            }

            _rtc = rtc;
            _period = period;
            _smallCorrectionLimitSeconds = smallCorrectionLimitSeconds;
        }

        /// <summary>The quality state (persist it on change; show it on the display and in the readout).</summary>
        public ClockStatus Status => _status;

        /// <summary>Shortcut for <see cref="Status"/>.Quality.</summary>
        public TimeQuality Quality => _status.Quality;

        /// <summary>The record of the last clock setting, or <c>null</c> if none since boot.</summary>
        public ClockSetEvent LastSetEvent => _lastSetEvent;

        /// <summary>
        /// Starts the clock after power-up. <paramref name="persisted"/> is the quality state and
        /// <paramref name="lastStoredUtcSeconds"/> the last time storage saved (both from NV memory).
        /// If the RTC lost its backup, holds no valid date, or is behind the stored time, the
        /// stored time is written back to the RTC and the time is marked
        /// <see cref="TimeQuality.InvalidBackupLost"/>; otherwise the persisted quality is kept.
        /// </summary>
        public ClockBootOutcome Boot(ClockStatus persisted, long lastStoredUtcSeconds)
        {
            if (persisted == null)
            {
                throw new ArgumentNullException("persisted");
            }

            ClockBootOutcome outcome;
            DateTime rtcUtc;
            if (_rtc.HasLostTime())
            {
                outcome = ClockBootOutcome.RestoredAfterBackupLoss;
            }
            else if (!_rtc.TryReadUtc(out rtcUtc))
            {
                outcome = ClockBootOutcome.RestoredAfterUnreadableRtc;
            }
            else if (UnixTime.ToSeconds(rtcUtc) < lastStoredUtcSeconds)
            {
                outcome = ClockBootOutcome.RestoredAfterRtcBehindStoredTime;
            }
            else
            {
                _status = persisted;
                _lastKnownUtcSeconds = UnixTime.ToSeconds(rtcUtc);
                return ClockBootOutcome.RtcKeptTime;
            }

            _rtc.WriteUtc(UnixTime.ToDateTime(lastStoredUtcSeconds));
            _lastKnownUtcSeconds = lastStoredUtcSeconds;
            _status = new ClockStatus(TimeQuality.InvalidBackupLost, ClockSetSource.RestoredAfterBackupLoss, lastStoredUtcSeconds);
            return outcome;
        }

        /// <summary>
        /// Reads the RTC (UTC seconds since 1970). If the chip reports an oscillator stop or an
        /// invalid date while running, the last known time is written back so the chip counts on
        /// from there, the time is marked invalid, and the last known time is returned.
        /// </summary>
        public long ReadUtcSeconds()
        {
            DateTime utc;
            if (_rtc.HasLostTime() || !_rtc.TryReadUtc(out utc))
            {
                _rtc.WriteUtc(UnixTime.ToDateTime(_lastKnownUtcSeconds));
                MarkInvalid();
                return _lastKnownUtcSeconds;
            }

            _lastKnownUtcSeconds = UnixTime.ToSeconds(utc);
            return _lastKnownUtcSeconds;
        }

        /// <summary>
        /// Sets the clock to <paramref name="newUtcSeconds"/> on behalf of <paramref name="source"/>
        /// and returns the event record. Adjusted: a valid clock corrected by at most the
        /// small-correction limit without leaving its integration period. Jumped: anything else;
        /// the load profile closes and marks the interval given in the record. The time becomes valid.
        /// </summary>
        public ClockSetEvent SetTime(long newUtcSeconds, ClockSetSource source)
        {
            if (source == ClockSetSource.None || source == ClockSetSource.RestoredAfterBackupLoss)
            {
                throw new ArgumentException("clock setting needs a real source (factory, optical port or module)");
            }

            long oldUtcSeconds = ReadUtcSeconds();
            TimeQuality before = _status.Quality;
            long delta = newUtcSeconds - oldUtcSeconds;
            long magnitude = delta < 0 ? -delta : delta;
            long runningIntervalStart = _period.IntervalStart(oldUtcSeconds);
            bool small = before == TimeQuality.Valid
                && magnitude <= _smallCorrectionLimitSeconds
                && _period.IntervalStart(newUtcSeconds) == runningIntervalStart;

            _rtc.WriteUtc(UnixTime.ToDateTime(newUtcSeconds)); // throws before any state changes if out of range
            _lastKnownUtcSeconds = newUtcSeconds;
            _status = new ClockStatus(TimeQuality.Valid, source, newUtcSeconds);
            _lastSetEvent = new ClockSetEvent(small ? ClockSetKind.Adjusted : ClockSetKind.Jumped, source, oldUtcSeconds, newUtcSeconds, before, runningIntervalStart);
            return _lastSetEvent;
        }

        /// <summary>Applies an RTC frequency trim in tenths of ppm (positive = faster), e.g. from a measured drift.</summary>
        public void SetTrimTenthsPpm(int tenthsPpm)
        {
            _rtc.SetTrimTenthsPpm(tenthsPpm);
        }

        /// <summary>
        /// The trim (tenths of ppm, positive = faster) that cancels a measured drift: the clock
        /// gained <paramref name="gainedSeconds"/> (negative if it lost) over
        /// <paramref name="elapsedSeconds"/> of true time. Rounded to the nearest tenth of a ppm.
        /// </summary>
        public static int TrimForDrift(long gainedSeconds, long elapsedSeconds)
        {
            if (elapsedSeconds <= 0)
            {
                throw new ArgumentOutOfRangeException("elapsedSeconds", "elapsed time must be positive");
            }

            // drift [0.1 ppm] = gained / elapsed × 10^7; the trim is its negative.
            long scaled = -gainedSeconds * 10000000;
            long half = elapsedSeconds / 2;
            long rounded = scaled >= 0 ? (scaled + half) / elapsedSeconds : -((-scaled + half) / elapsedSeconds);
            return (int)rounded;
        }

        private void MarkInvalid()
        {
            if (_status.Quality == TimeQuality.Valid)
            {
                _status = new ClockStatus(TimeQuality.InvalidBackupLost, _status.LastSetSource, _status.LastSetUtcSeconds);
            }
        }
    }
}
