using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary>
    /// An S0 output whose pulses end on the ESP32's microsecond timer (HighResTimer one-shot)
    /// instead of the meter thread's next tick, so the width is the set width plus the event
    /// dispatch latency, not plus a tick. Write(true) starts a pulse; the timer drives the pin low
    /// after <see cref="WidthMicroseconds"/>; Write(false) before that is ignored (the pulse
    /// is never cut short below the IEC 62053-31 minimum).
    /// </summary>
    public sealed class HighResPulsePin : IOutputPin
    {
        private readonly IOutputPin _pin;
        private readonly HighResTimer _timer;
        private readonly ulong _widthMicroseconds;
        private bool _inPulse;

        /// <summary>Pulses of <paramref name="widthMilliseconds"/> ms on <paramref name="pin"/>.</summary>
        public HighResPulsePin(IOutputPin pin, int widthMilliseconds)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            if (widthMilliseconds <= 0) throw new System.ArgumentOutOfRangeException("widthMilliseconds", "pulse width must be positive");
            _pin = pin;
            _widthMicroseconds = (ulong)widthMilliseconds * 1000;
            _timer = new HighResTimer();
            _timer.OnHighResTimerExpired += OnExpired;
            _pin.Write(false);
        }

        /// <summary>Pulse width, µs.</summary>
        public ulong WidthMicroseconds { get { return _widthMicroseconds; } }

        /// <inheritdoc />
        public void Write(bool high)
        {
            if (high && !_inPulse)
            {
                _inPulse = true;
                _pin.Write(true);
                _timer.StartOneShot(_widthMicroseconds);
            }
        }

        private void OnExpired(HighResTimer sender, object e)
        {
            _pin.Write(false);
            _inPulse = false;
        }
    }
}
