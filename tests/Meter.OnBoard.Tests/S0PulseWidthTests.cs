using System.Threading;
using Meter.Boards;
using Meter.Hal;
using Meter.Hal.Device;
using Meter.Hal.Esp32;
using nanoFramework.Hardware.Esp32;
using nanoFramework.TestFramework;

namespace Meter.OnBoard.Tests
{
    /// <summary>S0 pulses measured on a loop-back wire from the S0 output to <see cref="TestBoard.S0LoopbackGpio"/>.</summary>
    [TestClass]
    public class S0PulseWidthTests
    {
        private static ulong s_rise;
        private static ulong s_fall;

        [TestMethod]
        public void Pulse_is_at_least_30_ms_and_at_most_40_ms()
        {
            // IEC 62053-31 class A: pulse width ≥ 30 ms. The low level is asked for at once, so the
            // width comes from the µs timer alone. GPIO events are dispatched late by a similar
            // amount on both edges, so the measured width is the real one ± a few ms.
            IOutputPin s0 = new MinimumWidthPulsePin(TestBoard.Hardware.Output(BoardSignal.S0Output), new Esp32MicrosecondTimer(), 30);
            GpioInputPin loopback = new GpioInputPin(TestBoard.Gpio, TestBoard.S0LoopbackGpio, false);
            loopback.Changed += OnLoopback;
            for (int pulse = 0; pulse < 5; pulse++)
            {
                s_rise = 0;
                s_fall = 0;
                s0.Write(true);
                s0.Write(false);
                Thread.Sleep(100);
                Assert.AreEqual(true, s_rise != 0 && s_fall > s_rise, "both edges seen on the loop-back pin");
                long widthUs = (long)(s_fall - s_rise);
                OutputHelper.WriteLine("S0 pulse width: " + widthUs.ToString() + " us");
                Assert.AreEqual(true, widthUs >= 30000 && widthUs <= 40000, "S0 pulse width 30..40 ms");
                Thread.Sleep(100);
            }
            loopback.StopEvents();
        }

        private static void OnLoopback(IInputPin pin, bool isHigh)
        {
            if (isHigh) s_rise = HighResTimer.GetCurrent();
            else s_fall = HighResTimer.GetCurrent();
        }
    }
}
