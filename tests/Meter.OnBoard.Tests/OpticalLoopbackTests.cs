using System.Threading;
using Meter.Hal;
using Meter.Hal.Device;
using nanoFramework.TestFramework;

namespace Meter.OnBoard.Tests
{
    /// <summary>
    /// The optical port UART with TX looped to RX (a wire, or a mirror in front of the head):
    /// 7E1 characters come back unchanged at 300 Bd and after switching to 9600 Bd.
    /// </summary>
    [TestClass]
    public class OpticalLoopbackTests
    {
        // "/?!" CR LF: the IEC 62056-21 request message.
        private static readonly byte[] Request = new byte[] { 0x2F, 0x3F, 0x21, 0x0D, 0x0A };

        [TestMethod]
        public void Request_comes_back_at_300_baud()
        {
            EchoAt(300, 400); // 5 characters × 10 bits / 300 Bd = 167 ms
        }

        [TestMethod]
        public void Request_comes_back_after_switching_to_9600_baud()
        {
            EchoAt(9600, 100);
        }

        private static void EchoAt(int baud, int waitMilliseconds)
        {
            ISerialLink link = TestBoard.Hardware.Optical;
            link.BaudRate = baud;
            link.DiscardInBuffer();
            link.Write(Request, 0, Request.Length);
            Thread.Sleep(waitMilliseconds);
            byte[] back = new byte[8];
            int n = link.Read(back, 0, back.Length);
            Assert.AreEqual((long)Request.Length, (long)n, "characters echoed");
            for (int i = 0; i < Request.Length; i++) Assert.AreEqual((long)Request[i], (long)back[i], "character echoed");
            Assert.AreEqual(0L, ((SoftwareParitySerialLink)link).ParityErrors, "no parity errors");
            link.BaudRate = 300;
        }
    }
}
