using System;
using System.Threading;
using Meter.Hal.Device;

namespace Meter.Hal.Fram.Sample
{
    /// <summary>
    /// SPI FRAM sample: checks the device ID, writes a 64-byte block at the end of the memory,
    /// reads it back and compares, then restores what was there and releases the SPI device.
    /// Wiring: README.md of hal/Meter.Hal.Fram.
    /// </summary>
    public static class Program
    {
        // The reference board (boards/README.md): SPI1, chip select on GPIO15, 10 MHz, an MB85RS2MT (256 KiB).
        // On an ESP32 route SPI1 to SCLK GPIO18, MISO GPIO19, MOSI GPIO23 before opening the bus
        // (nanoFramework.Hardware.Esp32 Configuration.SetPinFunction, as hal/Meter.Hal.Esp32 does).
        private const int SpiBus = 1;
        private const int ChipSelectGpio = 15;
        private const int ClockHz = 10000000;
        private const int SizeBytes = 262144;
        private const int BlockBytes = 64;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            using (SpiFram fram = new SpiFram(SpiBusDevice.Open(SpiBus, ChipSelectGpio, ClockHz), SizeBytes))
            {
                byte[] id = new byte[4];
                fram.ReadDeviceId(id); // throws when the chip does not answer as an MB85RS FRAM
                Console.WriteLine("FRAM: Fujitsu ID, product " + ((int)id[2]).ToString() + " " + ((int)id[3]).ToString());

                int address = SizeBytes - BlockBytes;
                byte[] saved = new byte[BlockBytes];
                byte[] pattern = new byte[BlockBytes];
                byte[] back = new byte[BlockBytes];
                fram.Read(address, saved, 0, BlockBytes);
                for (int i = 0; i < BlockBytes; i++) pattern[i] = (byte)(0xA5 ^ i);
                fram.Write(address, pattern, 0, BlockBytes);
                fram.Read(address, back, 0, BlockBytes);
                int mismatches = 0;
                for (int i = 0; i < BlockBytes; i++) if (back[i] != pattern[i]) mismatches++;
                fram.Write(address, saved, 0, BlockBytes);
                Console.WriteLine(mismatches == 0 ? "FRAM: block written and read back" : "FRAM: " + mismatches.ToString() + " bytes differ");
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
