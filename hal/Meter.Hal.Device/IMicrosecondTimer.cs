namespace Meter.Hal.Device
{
    /// <summary>Called when a <see cref="IMicrosecondTimer"/> one-shot expires.</summary>
    public delegate void TimerExpiredHandler();

    /// <summary>
    /// A free-running microsecond clock with a one-shot timer: the ESP32's HighResTimer on the
    /// board (Meter.Hal.Esp32), a fake in tests.
    /// </summary>
    public interface IMicrosecondTimer
    {
        /// <summary>Microseconds since start-up.</summary>
        long NowMicroseconds { get; }

        /// <summary>Raises <see cref="Expired"/> once, <paramref name="microseconds"/> from now (restarting a running one-shot).</summary>
        void StartOneShot(long microseconds);

        /// <summary>Cancels a running one-shot.</summary>
        void Stop();

        /// <summary>Raised when a one-shot expires (on the timer's event thread).</summary>
        event TimerExpiredHandler Expired;
    }
}
