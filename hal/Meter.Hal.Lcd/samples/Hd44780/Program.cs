using System.Threading;
using Meter.Hal.Device;

namespace Meter.Hal.Lcd.Hd44780Sample
{
    /// <summary>
    /// HD44780 sample: writes two lines of text on a character module in 4-bit mode, then
    /// releases the six pins. Wiring: README.md of hal/Meter.Hal.Lcd.
    /// </summary>
    public static class Program
    {
        // The devkitc-eval-ade7880-lcd board (boards/README.md): RS GPIO4, E GPIO2, DB4..DB7 GPIO13, 14, 15, 33.
        private const int RegisterSelectGpio = 4;
        private const int EnableGpio = 2;
        private const int Data4Gpio = 13;
        private const int Data5Gpio = 14;
        private const int Data6Gpio = 15;
        private const int Data7Gpio = 33;
        private const int SecondRowAddress = 0x40; // HD44780U data sheet, 2-line DDRAM addressing

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            System.Device.Gpio.GpioController gpio = new System.Device.Gpio.GpioController();
            using (Hd44780 lcd = new Hd44780(
                new GpioOutputPin(gpio, RegisterSelectGpio, false), new GpioOutputPin(gpio, EnableGpio, false),
                new GpioOutputPin(gpio, Data4Gpio, false), new GpioOutputPin(gpio, Data5Gpio, false),
                new GpioOutputPin(gpio, Data6Gpio, false), new GpioOutputPin(gpio, Data7Gpio, false),
                new SleepDelay()))
            {
                lcd.Initialize();
                Write(lcd, 0, "Open meter");
                Write(lcd, SecondRowAddress, "nanoFramework");
                Thread.Sleep(10000);
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static void Write(Hd44780 lcd, int address, string text)
        {
            lcd.SetDdramAddress(address);
            for (int i = 0; i < text.Length; i++) lcd.WriteData((byte)text[i]);
        }
    }
}
