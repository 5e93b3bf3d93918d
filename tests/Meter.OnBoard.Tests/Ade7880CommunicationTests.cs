using System.Threading;
using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Hal.Ade7880;
using Meter.Hal.Device;
using nanoFramework.TestFramework;

namespace Meter.OnBoard.Tests
{
    /// <summary>The ADE7880 answers on SPI, starts, keeps its configuration checksum, and raises IRQ0 at the line-cycle rate.</summary>
    [TestClass]
    public class Ade7880CommunicationTests
    {
        private static Ade7880Driver s_driver;

        private static Ade7880Driver Driver()
        {
            if (s_driver != null) return s_driver;
            s_driver = TestBoard.Hardware.MeteringChip;
            return s_driver;
        }

        private static Ade7880Configuration LineCycleConfiguration()
        {
            Ade7880Configuration config = new Ade7880Configuration();
            AnalogFrontEndMapping.ApplyTo(MeterPresets.DirectFiveHundredFiveAmps().FrontEnd, config);
            // LCYCMODE: LWATT, LVAR, LVA (bits 0-2) + ZX on all phases (bits 3-5) + RSTREAD (bit 6);
            // LINECYC = 100 half line cycles = 1 s at 50 Hz; IRQ0 on LENERGY (ADE7880 data sheet Rev. C, "Line Cycle Accumulation Mode").
            config.LcycMode = 0x7F;
            config.LineCycles = 100;
            config.Mask0 = StatusBits.LENERGY;
            return config;
        }

        [TestMethod]
        public void Cfmode_reads_its_reset_value_after_a_hardware_reset()
        {
            Ade7880Driver driver = Driver();
            driver.Start(new Ade7880Configuration());
            // CFMODE reset value 0x0EA0 (ADE7880 data sheet Rev. C, register table): the SPI frames are right.
            Assert.AreEqual((long)Ade7880Driver.CfModeResetValue, (long)driver.Bus.ReadRaw(Register.CFMODE, 2), "CFMODE");
        }

        [TestMethod]
        public void Checksum_is_stable_while_the_configuration_is_unchanged()
        {
            Ade7880Driver driver = Driver();
            driver.Start(LineCycleConfiguration());
            long learned = driver.Checksum;
            Assert.AreEqual(true, learned >= 0, "the driver learned the CHECKSUM at start");
            Thread.Sleep(1000);
            Assert.AreEqual(learned, (long)driver.Bus.ReadRaw(Register.CHECKSUM, 4), "CHECKSUM unchanged after 1 s of running");
        }

        [TestMethod]
        public void Irq0_rate_is_one_per_line_cycle_period()
        {
            // Needs mains (or a 50 Hz test signal) on the voltage inputs. 100 half cycles at 50 Hz = 1 s:
            // 5 s of running gives 5 interrupts, ±1 for where the window falls.
            Ade7880Driver driver = Driver();
            driver.Start(LineCycleConfiguration());
            PendingSignals signals = new PendingSignals();
            FallingEdgeSignal irq = new FallingEdgeSignal(TestBoard.Hardware.Input(BoardSignal.Ade7880Irq0), signals, PendingSignals.EnergyReady);
            EnergyReading reading = new EnergyReading();
            long start = MonotonicClock.NowMilliseconds;
            while (MonotonicClock.NowMilliseconds - start < 5000)
            {
                // Reading the energy clears LENERGY in STATUS0, which releases IRQ0 for the next edge.
                if (signals.TakeAll() != 0) driver.TakeEnergy(reading);
                Thread.Sleep(10);
            }
            OutputHelper.WriteLine("IRQ0 edges in 5 s: " + irq.Edges.ToString());
            Assert.AreEqual(true, irq.Edges >= 4 && irq.Edges <= 6, "IRQ0 edges in 5 s");
        }
    }
}
