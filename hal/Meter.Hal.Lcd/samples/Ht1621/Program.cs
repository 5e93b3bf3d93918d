using System.Threading;
using Meter.Hal.Device;

namespace Meter.Hal.Lcd.Ht1621Sample
{
    /// <summary>
    /// HT1621 sample: counts 0..9 on every digit of the project's reference glass (two HT1621
    /// sharing WR and DATA), one digit value a second, then releases the pins.
    /// Wiring: README.md of hal/Meter.Hal.Lcd.
    /// </summary>
    public static class Program
    {
        // The reference board (boards/README.md): CS of the two chips on GPIO21 and GPIO27, WR on GPIO22, DATA on GPIO33.
        private const int ChipSelect1Gpio = 21;
        private const int ChipSelect2Gpio = 27;
        private const int WriteGpio = 22;
        private const int DataGpio = 33;
        private const int HalfPeriodMicroseconds = 4;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            System.Device.Gpio.GpioController gpio = new System.Device.Gpio.GpioController();
            GpioOutputPin write = new GpioOutputPin(gpio, WriteGpio, true);
            GpioOutputPin data = new GpioOutputPin(gpio, DataGpio, false);
            SleepDelay delay = new SleepDelay();
            Ht1621[] chips = new Ht1621[]
            {
                new Ht1621(new GpioOutputPin(gpio, ChipSelect1Gpio, true), write, data, delay, HalfPeriodMicroseconds),
                new Ht1621(new GpioOutputPin(gpio, ChipSelect2Gpio, true), write, data, delay, HalfPeriodMicroseconds),
            };
            using (SegmentLcdPanel glass = new SegmentLcdPanel(chips, SegmentGlass.Reference()))
            {
                LcdFrame frame = new LcdFrame();
                for (int digit = 0; digit <= 9; digit++)
                {
                    frame.Clear();
                    for (int i = 0; i < LcdFrame.ValueLength; i++) frame.Value[i] = (char)('0' + digit);
                    for (int i = 0; i < LcdFrame.IdLength; i++) frame.Id[i] = (char)('0' + digit);
                    glass.Show(frame); // sends only the RAM addresses that changed
                    Thread.Sleep(1000);
                }
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
