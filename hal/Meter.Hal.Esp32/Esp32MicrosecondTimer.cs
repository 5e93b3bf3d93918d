using Meter.Hal.Device;
using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary><see cref="IMicrosecondTimer"/> on the ESP32's esp_timer through nanoFramework's HighResTimer (at most 10 per app).</summary>
    public sealed class Esp32MicrosecondTimer : IMicrosecondTimer
    {
        private readonly HighResTimer _timer = new HighResTimer();

        /// <summary>Creates the timer.</summary>
        public Esp32MicrosecondTimer()
        {
            _timer.OnHighResTimerExpired += OnHighResTimerExpired;
        }

        /// <inheritdoc />
        public long NowMicroseconds
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }

        /// <inheritdoc />
        public event TimerExpiredHandler Expired;

        /// <inheritdoc />
        public void StartOneShot(long microseconds)
        {
            _timer.Stop();
            _timer.StartOneShot((ulong)microseconds);
        }

        /// <inheritdoc />
        public void Stop()
        {
            _timer.Stop();
        }

        private void OnHighResTimerExpired(HighResTimer sender, object e)
        {
            TimerExpiredHandler handler = Expired;
            if (handler != null) handler();
        }
    }
}
