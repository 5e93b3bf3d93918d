using System;
using System.Threading;
using nanoFramework.TestFramework;

namespace Meter.OnBoard.Tests
{
    /// <summary>The DS3234 keeps time: two reads 2.5 s apart differ by 2 or 3 whole seconds.</summary>
    [TestClass]
    public class RtcTests
    {
        [TestMethod]
        public void Rtc_ticks_one_second_per_second()
        {
            Meter.Hal.IRtc rtc = TestBoard.Hardware.Rtc;
            DateTime first;
            if (rtc.HasLostTime() || !rtc.TryReadUtc(out first))
            {
                rtc.WriteUtc(new DateTime(2026, 1, 1, 12, 0, 0));
                Assert.AreEqual(true, rtc.TryReadUtc(out first), "RTC readable after setting it");
            }
            Thread.Sleep(2500);
            DateTime second;
            Assert.AreEqual(true, rtc.TryReadUtc(out second), "RTC readable");
            long seconds = (second.Ticks - first.Ticks) / TimeSpan.TicksPerSecond;
            OutputHelper.WriteLine("RTC advanced " + seconds.ToString() + " s in 2.5 s");
            Assert.AreEqual(true, seconds == 2 || seconds == 3, "RTC advanced 2 or 3 s");
            Assert.AreEqual(false, rtc.HasLostTime(), "oscillator running");
        }
    }
}
