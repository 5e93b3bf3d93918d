using Meter.Clock;
using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Setting the clock (optical port W1 of 0-0:1.0.0, factory, module): logs the old and new
    /// time, closes and marks the profile interval when it was a jump, selects the tariff anew and
    /// saves the clock state with the registers. Owner of the clock and its local time / date parts
    /// (reads and writes in local wall-clock time).
    /// </summary>
    public sealed class ClockSetting : ObisValueOwner
    {
        private readonly MeterClock _clock;
        private readonly MeterTime _time;
        private readonly ObisLocalTime _localTime;
        private readonly EventRouting _events;
        private readonly PeriodClosing _periods;
        private readonly TariffSelection _tariffs;
        private readonly RegisterPersistence _registers;

        /// <summary>Sets <paramref name="clock"/> and tells <paramref name="periods"/>, <paramref name="tariffs"/> and <paramref name="registers"/>.</summary>
        public ClockSetting(MeterClock clock, MeterTime time, ObisLocalTime localTime, EventRouting events, PeriodClosing periods,
            TariffSelection tariffs, RegisterPersistence registers)
        {
            _clock = clock;
            _time = time;
            _localTime = localTime;
            _events = events;
            _periods = periods;
            _tariffs = tariffs;
            _registers = registers;
        }

        /// <summary>Sets the clock to <paramref name="newUtcSeconds"/> on behalf of <paramref name="source"/>; false when the RTC cannot hold the date.</summary>
        public bool Set(long newUtcSeconds, ClockSetSource source)
        {
            ClockSetEvent set;
            try
            {
                set = _clock.SetTime(newUtcSeconds, source);
            }
            catch (System.ArgumentException)
            {
                return false; // the RTC cannot hold the date
            }
            _time.SetUtc(newUtcSeconds);
            _events.Log(EventKind.ClockSet, (int)set.Kind, set.OldUtcSeconds, set.NewUtcSeconds);
            _periods.OnClockSet(set.OldUtcSeconds, set.NewUtcSeconds, set.IntervalClosed);
            _tariffs.OnClockSet(newUtcSeconds);
            _registers.SaveRegisters(true);
            return true;
        }

        /// <inheritdoc />
        public override bool TryReadDateTime(ObisCode code, out ObisDateTime value)
        {
            value = new ObisDateTime();
            if (code != StandardObjects.Clock) return false;
            value = _localTime.ToLocal(_time.UtcSeconds);
            return true;
        }

        /// <summary>The optical port gives local wall-clock time (<see cref="ObisLocalTime.ToUtc"/>).</summary>
        public override ObisWriteResult WriteDateTime(ObisCode code, ObisDateTime value)
        {
            if (code != StandardObjects.Clock || !value.IsValid) return ObisWriteResult.InvalidFormat;
            return Set(_localTime.ToUtc(value), ClockSetSource.OpticalPort) ? ObisWriteResult.Accepted : ObisWriteResult.Rejected;
        }
    }
}
