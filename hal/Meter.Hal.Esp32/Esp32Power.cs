using nanoFramework.Hardware.Esp32;

namespace Meter.Hal.Esp32
{
    /// <summary>
    /// Why the ESP32 started, and deep sleep until the mains comes back (for a board whose
    /// backup supply keeps the ESP32 alive after a mains failure; the ADE7880 then sits in PSM3).
    /// </summary>
    public static class Esp32Power
    {
        /// <summary><c>true</c> when this start is a wake-up from deep sleep rather than a power-on or reset.</summary>
        public static bool WokeFromDeepSleep()
        {
            return Sleep.GetWakeupCause() != Sleep.WakeupCause.Undefined;
        }

        /// <summary>
        /// Enters deep sleep until <paramref name="mainsFailGpio"/> goes high again (mains back:
        /// the comparator output is active low). Only RTC GPIOs can wake the chip (0, 2, 4,
        /// 12–15, 25–27, 32–39; ESP32 Technical Reference Manual, "RTC_MUX Pin List"). Does not return:
        /// the app restarts from Main.
        /// </summary>
        public static void SleepUntilMainsReturns(int mainsFailGpio)
        {
            if (!IsRtcGpio(mainsFailGpio)) throw new System.ArgumentOutOfRangeException("mainsFailGpio", "only RTC GPIOs can wake the ESP32 from deep sleep");
            Sleep.EnableWakeupByPin((Sleep.WakeupGpioPin)((ulong)1 << mainsFailGpio), 1);
            Sleep.StartDeepSleep();
        }

        private static bool IsRtcGpio(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 4 || (gpio >= 12 && gpio <= 15) || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);
        }
    }
}
