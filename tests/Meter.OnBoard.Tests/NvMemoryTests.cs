using Meter.Hal.Device;
using Meter.Hal.Fram;
using nanoFramework.TestFramework;

namespace Meter.OnBoard.Tests
{
    /// <summary>FRAM identification and a write/read round trip that restores what was there.</summary>
    [TestClass]
    public class NvMemoryTests
    {
        [TestMethod]
        public void Fram_answers_with_the_fujitsu_id()
        {
            byte[] id = new byte[4];
            TestBoard.Hardware.Fram.ReadDeviceId(id);
            Assert.AreEqual((long)SpiFram.FujitsuManufacturerId, (long)id[0], "manufacturer ID");
        }

        [TestMethod]
        public void Round_trip_across_chunk_boundaries_in_the_last_kilobyte()
        {
            SpiFram fram = TestBoard.Hardware.Fram;
            int address = fram.Size - 1024;
            byte[] saved = new byte[1000];
            byte[] pattern = new byte[1000];
            byte[] back = new byte[1000];
            fram.Read(address, saved, 0, saved.Length);
            for (int i = 0; i < pattern.Length; i++) pattern[i] = (byte)(i * 37 + 11);
            try
            {
                fram.Write(address, pattern, 0, pattern.Length);
                fram.Read(address, back, 0, back.Length);
                for (int i = 0; i < back.Length; i++)
                    Assert.AreEqual((long)pattern[i], (long)back[i], "byte read back");
            }
            finally
            {
                fram.Write(address, saved, 0, saved.Length);
            }
        }
    }
}
