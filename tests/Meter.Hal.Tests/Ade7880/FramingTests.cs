using Meter.Hal.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>SPI frames as the data sheet draws them: [command][address MSB][address LSB][data MSB … LSB].</summary>
public class FramingTests
{
    private sealed class RecordingSpi : ISpiDevice
    {
        public List<byte[]> Sent { get; } = new();
        public byte[] Answer { get; set; } = Array.Empty<byte>();

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            Sent.Add((byte[])writeBuffer.Clone());
            Array.Clear(readBuffer);
            for (int i = 0; i < Answer.Length && i < readBuffer.Length; i++) readBuffer[i] = Answer[i];
        }
    }

    [Fact]
    public void A_32_bit_read_is_seven_bytes_with_the_read_bit_set_and_data_msb_first()
    {
        var spi = new RecordingSpi { Answer = new byte[] { 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFE } };
        var bus = new RegisterBus(spi);
        int value = bus.Read(Register.BWATTHR);
        Assert.Equal(new byte[] { 0x01, 0xE4, 0x01, 0, 0, 0, 0 }, spi.Sent[0]);
        Assert.Equal(-2, value); // 0xFFFFFFFE, 32-bit signed (Table 32)
    }

    [Fact]
    public void Writes_have_the_register_width_and_a_clear_read_bit()
    {
        var spi = new RecordingSpi();
        var bus = new RegisterBus(spi);
        bus.Write(Register.CONFIG2, 0x02);    // 8-bit
        bus.Write(Register.LINECYC, 100);     // 16-bit
        bus.Write(Register.AIGAIN, -1);       // 32 ZPSE: 0x0FFFFFFF
        Assert.Equal(new byte[] { 0x00, 0xEC, 0x01, 0x02 }, spi.Sent[0]);
        Assert.Equal(new byte[] { 0x00, 0xE6, 0x0C, 0x00, 0x64 }, spi.Sent[1]);
        Assert.Equal(new byte[] { 0x00, 0x43, 0x80, 0x0F, 0xFF, 0xFF, 0xFF }, spi.Sent[2]);
        Assert.Equal(3, bus.Transactions);
        Assert.Equal(4 + 5 + 7, bus.Bytes);
    }

    [Fact]
    public void A_verified_read_costs_one_more_frame_and_recovers_a_corrupted_value_from_last_rwdata()
    {
        var rig = new AdeRig();
        rig.Start();
        var bus = rig.Driver.Bus;
        long before = bus.Transactions;
        rig.Chip.CorruptNextReads(1); // the CFMODE data byte comes back with bit 4 flipped
        uint value = bus.ReadRawVerified(Register.CFMODE, 2);
        Assert.Equal(0x0EA0u, value);
        // read CFMODE (corrupted) + LAST_RWDATA16 (disagrees) + LAST_RWDATA16 again (agrees with the previous record)
        Assert.Equal(3, bus.Transactions - before);
        Assert.Equal(1, bus.VerificationRetries);
    }

    /// <summary>Flips one data bit of the next read of <see cref="Target"/> once armed.</summary>
    private sealed class DamageOneRead(ISpiDevice inner) : ISpiDevice
    {
        public Register Target { get; set; }
        public bool Armed { get; set; }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            inner.TransferFullDuplex(writeBuffer, readBuffer);
            if (Armed && (writeBuffer[0] & 1) == 1 && ((writeBuffer[1] << 8) | writeBuffer[2]) == (int)Target)
            {
                readBuffer[readBuffer.Length - 1] ^= 0x01;
                Armed = false;
            }
        }
    }

    [Fact]
    public void A_damaged_last_rwdata_read_is_outvoted_by_the_register_read_and_the_next_record()
    {
        var chip = new Meter.Hal.Simulation.Ade7880.SimulatedAde7880(460, 20);
        var spi = new DamageOneRead(chip);
        var driver = new Ade7880Driver(spi, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new Meter.Hal.Simulation.Ade7880.VirtualDelay(chip));
        driver.Start(new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000 });
        long before = chip.Frames;
        spi.Target = Register.LAST_RWDATA16;
        spi.Armed = true;
        Assert.Equal(0x0EA0u, driver.Bus.ReadRawVerified(Register.CFMODE, 2));
        // CFMODE (right) + LAST_RWDATA16 (damaged: 0x0EA1) + LAST_RWDATA16 (right, agrees with the CFMODE read)
        Assert.Equal(3, chip.Frames - before);
    }

    /// <summary>Passes frames to the chip and records each frame's address and length (and what was written).</summary>
    private sealed class AddressLog(ISpiDevice inner) : ISpiDevice
    {
        public List<(ushort Address, int Length)> Frames { get; } = new();
        public List<string> Writes { get; } = new();
        public List<string> All { get; } = new();

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer)
        {
            ushort address = (ushort)((writeBuffer[1] << 8) | writeBuffer[2]);
            Frames.Add((address, writeBuffer.Length));
            string text = $"{((writeBuffer[0] & 1) == 1 ? "R" : "W")} {address:X4}" + ((writeBuffer[0] & 1) == 1 ? "" : " " + Convert.ToHexString(writeBuffer, 3, writeBuffer.Length - 3));
            All.Add(text);
            if ((writeBuffer[0] & 1) == 0) Writes.Add(text);
            inner.TransferFullDuplex(writeBuffer, readBuffer);
        }
    }

    [Fact]
    public void The_start_up_follows_the_data_sheet_order_on_the_wire()
    {
        var chip = new Meter.Hal.Simulation.Ade7880.SimulatedAde7880(460, 20);
        var log = new AddressLog(chip);
        var driver = new Ade7880Driver(log, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new Meter.Hal.Simulation.Ade7880.VirtualDelay(chip));
        var config = new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000 };
        config.SetDspRegister(Register.HZVRMSOS, 0x123);
        driver.Start(config);
        var w = log.Writes;
        // SPI selection: three SS toggles (writes to an unallocated address), then CONFIG2.I2C_LOCK.
        Assert.Equal(new[] { "W EBFF 01", "W EBFF 01", "W EBFF 01", "W EC01 02" }, w.Take(4));
        // The last DSP RAM register written three times in a row (ADI no-OS ade7880_setup: "write the last
        // register in the queue three times"), then protection 0xAD → 0xE7FE, 0x80 → 0xE7E3.
        int protect = w.IndexOf("W E7FE AD");
        Assert.True(protect >= 3);
        Assert.Equal(new[] { "W 43B9 00000123", "W 43B9 00000123", "W 43B9 00000123", "W E7FE AD", "W E7E3 80" }, w.Skip(protect - 3).Take(5));
        // RUN = 1 only after the protection, and no DSP RAM write after it.
        int run = w.IndexOf("W E228 0001");
        Assert.True(run > protect + 1);
        Assert.DoesNotContain(w.Skip(protect + 2), x => x.StartsWith("W 43"));
        // Every DSP RAM register is read back (verified) before RUN; CHECKSUM is read after it.
        int runFrame = log.All.IndexOf("W E228 0001");
        Assert.Contains("R 4380", log.All.Take(runFrame));
        Assert.Contains("R 43B9", log.All.Take(runFrame));
        Assert.Contains("R E51F", log.All.Skip(runFrame));
        Assert.True(chip.IsRunning);
    }

    [Fact]
    public void Every_frame_the_driver_sends_names_an_allocated_register_with_its_width_and_never_0xE406_to_0xE408()
    {
        var chip = new Meter.Hal.Simulation.Ade7880.SimulatedAde7880(460, 20);
        chip.Phases[0].Set(new(230, 5, 0));
        chip.Phases[1].Set(new(220, 3, 60));
        chip.Phases[2].Set(new(240, 7, -60));
        var log = new AddressLog(chip);
        var driver = new Ade7880Driver(log, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new Meter.Hal.Simulation.Ade7880.VirtualDelay(chip));
        driver.Start(new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000, ReadFundamentalActive = true });
        var reading = new EnergyReading();
        var measurements = new PhaseMeasurements();
        for (int i = 0; i < 3; i++)
        {
            chip.Advance(1_000_000);
            driver.TakeEnergy(reading);
            driver.ReadMeasurements(measurements);
        }
        Assert.True(log.Frames.Count > 100);
        foreach (var (address, length) in log.Frames)
        {
            // 0xE406–0xE408 are reserved on the ADE7880 (Table 32); AVARHR.. exist only on the ADE7878.
            Assert.False(address >= 0xE406 && address <= 0xE408, $"frame to reserved 0x{address:X4}");
            if (address == (ushort)Register.SpiSelectDummy) { Assert.Equal(4, length); continue; } // the SS toggles
            var format = RegisterMap.FormatOf((Register)address);
            Assert.NotEqual(WireFormat.None, format);
            Assert.Equal(3 + RegisterMap.WireBytes(format), length);
        }
        Assert.Equal(3, chip.IgnoredFrames); // only the three SPI-selecting toggles after the reset were ignored
        Assert.Equal(0, chip.RefusedWrites);
    }

    [Fact]
    public void A_metering_cycle_is_23_frames_plus_one_per_status_register_to_clear()
    {
        var rig = new AdeRig(c => c.ReadFundamentalActive = false);
        rig.SetLoads(new(230, 5, 0), new(220, 3, 60), new(240, 7, 30)); // all reactive positive: no FREHF
        rig.Start();
        rig.Cycle(1_000_000);
        long frames = rig.Chip.Frames;
        rig.Cycle(1_000_000);
        // STATUS1 + LAST_RWDATA32, STATUS0 + LAST_RWDATA32, 9 energy registers + LAST_RWDATA32, LAST_ADD
        Assert.Equal(2 + 2 + 18 + 1, rig.Chip.Frames - frames);
        // Nothing to clear: HREADY (harmonic engine settled) is seen but left for ReadMeasurements.
        Assert.Equal(StatusBits.HREADY, rig.Reading.Status0);
        Assert.Equal(0u, rig.Reading.Status1);
    }
}
