using System;
using System.Threading;
using Meter.Hal.Device;

namespace Meter.Hal.Mcp23xxx.Sample
{
    /// <summary>
    /// MCP23S17 sample: blinks GPA2 (relay 1 on the reference board) five times and reports every
    /// change of GPB0 (tariff input 1, pulled up) for twenty seconds, then releases the pins and
    /// the SPI device. Wiring: README.md of hal/Meter.Hal.Mcp23s17.
    /// </summary>
    public static class Program
    {
        // The reference board (boards/README.md): SPI1, chip select on GPIO13, 2 MHz (MCP23S17 max 10 MHz).
        // On an ESP32 route SPI1 to SCLK GPIO18, MISO GPIO19, MOSI GPIO23 before opening the bus
        // (nanoFramework.Hardware.Esp32 Configuration.SetPinFunction, as hal/Meter.Hal.Esp32 does).
        private const int SpiBus = 1;
        private const int ChipSelectGpio = 13;
        private const int ClockHz = 2000000;
        private const int Gpa2 = 2;
        private const int Gpb0 = 8;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            using (Mcp23s17 expander = new Mcp23s17(SpiBusDevice.Open(SpiBus, ChipSelectGpio, ClockHz)))
            {
                using (ExpanderOutputPin output = expander.OpenOutput(Gpa2, false))
                {
                    for (int i = 0; i < 5; i++)
                    {
                        output.Write(true);
                        Thread.Sleep(500);
                        output.Write(false);
                        Thread.Sleep(500);
                    }
                }

                using (ExpanderInputPin input = expander.OpenInput(Gpb0, true))
                {
                    Console.WriteLine(input.Read() ? "MCP23S17: GPB0 is high" : "MCP23S17: GPB0 is low");
                    input.Changed += OnInputChanged;
                    // The INT pin is not used: Poll reads both ports and raises the events.
                    for (int i = 0; i < 200; i++)
                    {
                        expander.Poll();
                        Thread.Sleep(100);
                    }
                }
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static void OnInputChanged(IInputPin pin, bool isHigh)
        {
            Console.WriteLine(isHigh ? "MCP23S17: GPB0 went high" : "MCP23S17: GPB0 went low");
        }
    }
}
