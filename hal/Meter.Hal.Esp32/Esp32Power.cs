using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary>
    /// Why the ESP32 started. The meter never enters deep sleep itself: after a mains failure it
    /// saves its registers and keeps running on the backup supply (the display's battery list),
    /// so a wake-up cause other than <c>Undefined</c> means something outside the firmware did.
    /// </summary>
    public static class Esp32Power
    {
        /// <summary><c>true</c> when this start is a wake-up from deep sleep rather than a power-on or reset.</summary>
        public static bool WokeFromDeepSleep()
        {
            return Sleep.GetWakeupCause() != Sleep.WakeupCause.Undefined;
        }
    }
}
