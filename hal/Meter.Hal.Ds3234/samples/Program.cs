using System;
using System.Threading;
using Meter.Hal.Device;

namespace Meter.Hal.Ds3234.Sample
{
    /// <summary>
    /// DS3234 sample: sets the clock when its backup was lost, then prints the time once a second
    /// for ten seconds and releases the SPI device. Wiring: README.md of hal/Meter.Hal.Ds3234.
    /// </summary>
    public static class Program
    {
        // The reference board (boards/README.md): SPI1, chip select on GPIO4, 2 MHz (DS3234 max 4 MHz).
        // On an ESP32 route SPI1 to SCLK GPIO18, MISO GPIO19, MOSI GPIO23 before opening the bus
        // (nanoFramework.Hardware.Esp32 Configuration.SetPinFunction, as hal/Meter.Hal.Esp32 does).
        private const int SpiBus = 1;
        private const int ChipSelectGpio = 4;
        private const int ClockHz = 2000000;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            using (Ds3234Rtc rtc = new Ds3234Rtc(SpiBusDevice.Open(SpiBus, ChipSelectGpio, ClockHz)))
            {
                if (rtc.HasLostTime())
                {
                    Console.WriteLine("DS3234: backup was lost, setting 2025-01-01 00:00:00 UTC");
                    rtc.WriteUtc(new DateTime(2025, 1, 1, 0, 0, 0));
                }

                Console.WriteLine("DS3234: trim " + rtc.TrimTenthsPpm.ToString() + " x 0.1 ppm");
                for (int i = 0; i < 10; i++)
                {
                    DateTime utc;
                    Console.WriteLine(rtc.TryReadUtc(out utc) ? "DS3234: " + Text(utc) + " UTC" : "DS3234: the time registers hold no valid time");
                    Thread.Sleep(1000);
                }
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static string Text(DateTime t)
        {
            string date = string.Concat(t.Year.ToString(), "-", TwoDigits(t.Month), "-" + TwoDigits(t.Day));
            return string.Concat(date, " ", TwoDigits(t.Hour), ":" + TwoDigits(t.Minute) + ":" + TwoDigits(t.Second));
        }

        private static string TwoDigits(int value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }
    }
}
