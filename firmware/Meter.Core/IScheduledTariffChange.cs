namespace Meter.Core
{
    /// <summary>A change of the tariff timetable due at a time (the activity calendar's passive calendar), made by
    /// <see cref="TariffSelection"/> in the first metering cycle at or after it.</summary>
    public interface IScheduledTariffChange
    {
        /// <summary>The time has come (<paramref name="utcSeconds"/> = the cycle's time): make the change.</summary>
        void ApplyScheduled(long utcSeconds);
    }
}
