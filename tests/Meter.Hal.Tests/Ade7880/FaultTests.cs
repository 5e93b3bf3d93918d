using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// Every injected fault is detected and recovered. The energy identity checked after each:
/// counts the driver returned + counts still unread in the chip + counts the chip lost in its
/// own registers when it reset = every count the chip produced. The lost part is bounded by
/// what the chip accumulated since the last cycle (one cycle interval at the present load).
/// </summary>
public class FaultTests
{
    private const long Second = 1_000_000;
    private const double K = 126_842_240_625.0 / 512; // counts per hour at full scale, see EnergyTests

    private static AdeRig RunningRig(Action<Ade7880Configuration>? configure = null, int seed = 1)
    {
        var rig = new AdeRig(configure, seed);
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(220, 3, 60), new PhaseLoad(240, 7, -60));
        rig.Start();
        return rig;
    }

    private static void AssertConserved(AdeRig rig)
    {
        for (int q = 0; q < 4; q++)
            for (int p = 0; p < 3; p++)
                Assert.Equal(rig.Chip.TotalCounts[q, p], rig.DriverCounts[q, p] + rig.Unread(q, p) + rig.Chip.LostCounts[q, p]);
    }

    [Fact]
    public void Miso_bit_errors_are_caught_by_last_rwdata_and_lose_nothing()
    {
        var rig = RunningRig(seed: 7);
        rig.Chip.MisoBitErrorRate = 0.003; // per data byte
        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        Assert.True(rig.Driver.Bus.VerificationRetries > 10, $"only {rig.Driver.Bus.VerificationRetries} retries");
        Assert.Equal(0, rig.Driver.ResetsRecovered);
        Assert.Equal(0, rig.Chip.LostCounts[Active, 0]);
        AssertConserved(rig);
        // And the energy still matches the physics: phase A 600 s = 30,967,343.90 / 6 = 5,161,223.98 counts.
        Assert.InRange(rig.DriverCounts[Active, 0], 5_161_223, 5_161_224);
    }

    [Fact]
    public void A_spontaneous_reset_is_detected_reinitialised_and_loses_only_the_unread_counts()
    {
        var rig = RunningRig();
        for (int i = 0; i < 30; i++) rig.Cycle(60 * Second);
        rig.Chip.Advance(25 * Second);
        rig.Chip.SpontaneousReset(); // brown-out 25 s after the last reading
        rig.Cycle(35 * Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.True((rig.Reading.Events & MeterEvents.ResetDone) != 0);
        Assert.Equal(1, rig.Driver.ResetsRecovered);
        Assert.True(rig.Chip.IsRunning);
        for (int i = 0; i < 29; i++) rig.Cycle(60 * Second);
        Assert.False(rig.Reading.ChipWasReset);

        AssertConserved(rig);
        // The bound: phase A lost exactly the 25 s it had not yet reported: 30,967,343.90 × 25 / 3600 = 215,050.99.
        Assert.InRange(rig.Chip.LostCounts[Active, 0], 215_050, 215_051);
        // Phase C reactive (negative) likewise: −39,178,339.94 × 25 / 3600 = −272,071.81.
        Assert.InRange(rig.Chip.LostCounts[Reactive, 2], -272_072, -272_071);
        // Versus the physical hour, the meter missed the unread 25 s plus the 35 s the DSP was
        // stopped until the next cycle re-initialised it: 60 s of phase A = 516,122.40 counts.
        double missed = 30_967_343.90 - rig.DriverCounts[Active, 0];
        Assert.InRange(missed, 516_121, 516_124);
    }

    [Theory]
    [InlineData((byte)0xFF)] // MISO pulled up: the unanswered STATUS1 read shows RSTDONE
    [InlineData((byte)0x00)] // MISO pulled down: it shows nothing; IRQ1 low + CONFIG2.I2C_LOCK clear tell
    public void A_reset_that_drops_the_chip_back_to_i2c_is_caught_in_the_very_next_cycle(byte misoIdleLevel)
    {
        // After a power-on/brown-out reset the chip's serial port is I2C again until three SS toggles
        // (data sheet Rev. A, "Serial Interfaces"), so the first frames of the next cycle go unanswered.
        var rig = RunningRig();
        rig.Chip.MissingMisoLevel = misoIdleLevel;
        rig.Cycle(10 * Second);
        rig.Chip.Advance(4 * Second);
        rig.Chip.SpontaneousReset();
        rig.Cycle(6 * Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.Equal(1, rig.Driver.ResetsRecovered);
        Assert.Equal(0, rig.Driver.IrqFaults);
        rig.Cycle(10 * Second);
        Assert.False(rig.Reading.ChipWasReset);
        // Back to full rate at once: phase B 10 s = 8,886,281.29 × 10 / 3600 = 24,684.11 counts.
        Assert.InRange(rig.Reading.Active[1], 24_683, 24_685);
        AssertConserved(rig);
        // Lost: the 4 s phase A had not reported = 30,967,343.90 × 4 / 3600 = 34,408.16 counts.
        Assert.InRange(rig.Chip.LostCounts[Active, 0], 34_408, 34_409);
    }

    [Fact]
    public void A_stuck_low_irq1_is_counted_and_not_taken_for_a_reset()
    {
        var rig = RunningRig();
        rig.Chip.Irq1StuckLevel = false;
        for (int i = 0; i < 5; i++) rig.Cycle(Second);
        Assert.Equal(0, rig.Driver.ResetsRecovered);
        Assert.Equal(5, rig.Driver.IrqFaults);
        AssertConserved(rig);
        Assert.InRange(rig.DriverCounts[Active, 2], 31_415, 31_417); // 22,619,625.11 × 5 / 3600 = 31,416.15
    }

    [Fact]
    public void A_stuck_irq0_is_noticed_and_metering_continues_by_polling()
    {
        var rig = RunningRig();
        rig.Chip.Irq0StuckLevel = false; // held low
        for (int i = 0; i < 10; i++) rig.Cycle(Second);
        Assert.True(rig.Driver.IrqFaults >= 10);
        AssertConserved(rig);
        Assert.InRange(rig.DriverCounts[Active, 1], 24_683, 24_684); // 8,886,281.29 × 10 / 3600 = 24,684.11
    }

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0xFF)]
    public void A_missing_chip_is_reported_and_a_restart_recovers_when_it_is_back(byte misoLevel)
    {
        var rig = RunningRig();
        for (int i = 0; i < 5; i++) rig.Cycle(Second);
        rig.Chip.Missing = true;
        rig.Chip.MissingMisoLevel = misoLevel;
        Assert.Throws<Ade7880NotRespondingException>(() => rig.Cycle(Second));
        Assert.False(rig.Driver.IsRunning);
        Assert.Throws<Ade7880Exception>(() => rig.Driver.TakeEnergy(rig.Reading));
        rig.Chip.Missing = false;
        rig.Start(); // the metering loop's recovery: start again
        for (int i = 0; i < 5; i++) rig.Cycle(Second);
        Assert.False(rig.Reading.ChipWasReset);
        AssertConserved(rig);
    }

    [Fact]
    public void A_configuration_upset_raises_crc_and_the_chip_is_reconfigured()
    {
        var rig = RunningRig(c => c.SetDspRegister(Register.APGAIN, 1000));
        uint gainBefore = rig.Chip.Peek(Register.APGAIN);
        rig.Cycle(Second);
        rig.Chip.CorruptRegister(Register.APGAIN, 0x00012345);
        rig.Chip.Advance(Second);
        Assert.NotEqual(0u, rig.Chip.Peek(Register.STATUS1) & StatusBits.CRC);
        rig.Cycle(Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.True((rig.Reading.Events & MeterEvents.ChecksumChanged) != 0);
        Assert.Equal(0, rig.Reading.Events & MeterEvents.ResetDone); // a configuration change, not a reset (RSTDONE clear)
        Assert.Equal(gainBefore, rig.Chip.Peek(Register.APGAIN));
        rig.Cycle(Second);
        Assert.False(rig.Reading.ChipWasReset);
        AssertConserved(rig);
    }

    [Fact]
    public void Sag_and_zero_crossing_timeout_reach_the_reading_and_irq1()
    {
        // SAGLVL: 80 % of the 230 V peak code: 230/460 × 5,326,737 × 0.8 = 2,130,694.8; SAGCYC 4 half cycles.
        // ZXTOUT 1600 × 62.5 µs = 100 ms.
        var rig = RunningRig(c =>
        {
            c.SagLevel = 2_130_695;
            c.SagCycles = 4;
            c.ZeroCrossingTimeout = 1600;
            c.Mask1 = StatusBits.SAG;
        });
        rig.Chip.Advance(Second);
        rig.Driver.TakeEnergy(rig.Reading);
        rig.Chip.Phases[1].SagAt(rig.Chip.NowUs + 100_000, 300_000, 0.5); // phase B to 50 % for 300 ms
        rig.Chip.Advance(200_000);
        Assert.False(rig.Chip.Irq1Pin.Read()); // IRQ1 low: sag
        rig.Driver.TakeEnergy(rig.Reading);
        Assert.True((rig.Reading.Events & MeterEvents.Sag) != 0);
        Assert.NotEqual(0u, rig.Chip.Peek(Register.PHSTATUS) & (1u << 13)); // VSPHASE[1]: phase B in sag

        rig.Chip.Phases[2].OutageAt(rig.Chip.NowUs + 500_000, 500_000);   // phase C out for 500 ms
        rig.Chip.Advance(2 * Second);
        rig.Driver.TakeEnergy(rig.Reading);
        Assert.True((rig.Reading.Events & MeterEvents.ZeroCrossingTimeout) != 0);
        Assert.NotEqual(0u, rig.Reading.Status1 & (1u << 5)); // ZXTOVC
    }

    [Fact]
    public void Over_voltage_and_over_current_reach_the_reading_from_the_phase_that_caused_them()
    {
        // Peak codes (full-scale peak 5,326,737 at 460 V / 20 A rms): voltage A 230 V → 2,663,368.5,
        // B 220 V → 2,547,570.4, C 240 V → 2,779,167.1; current A 5 A → 1,331,684.3, B 3 A → 799,010.6,
        // C 7 A → 1,864,358.0. OVLVL 2,700,000 and OILVL 1,500,000 are crossed by phase C only.
        var rig = RunningRig(c =>
        {
            c.OverVoltageLevel = 2_700_000;
            c.OverCurrentLevel = 1_500_000;
            c.Mask1 = StatusBits.OV | StatusBits.OI;
        });
        rig.Chip.Advance(Second);
        Assert.False(rig.Chip.Irq1Pin.Read());
        uint phstatus = rig.Chip.Peek(Register.PHSTATUS);
        rig.Driver.TakeEnergy(rig.Reading);
        Assert.Equal(MeterEvents.OverVoltage | MeterEvents.OverCurrent, rig.Reading.Events & (MeterEvents.OverVoltage | MeterEvents.OverCurrent));
        Assert.Equal(0, rig.Reading.Events & (MeterEvents.Sag | MeterEvents.ResetDone | MeterEvents.ZeroCrossingTimeout));
        // PHSTATUS (Table 40): OVPHASE[2] = bit 11, OIPHASE[2] = bit 5; nothing for A or B.
        Assert.Equal((1u << 11) | (1u << 5), phstatus & ((7u << 9) | (7u << 3)));
    }

    private sealed class FlakyRecordSpi : ISpiDevice
    {
        private readonly ISpiDevice _inner;
        private int _flipsLeft;
        public FlakyRecordSpi(ISpiDevice inner) => _inner = inner;
        public bool Armed { get; set; }

        public void TransferFullDuplex(byte[] w, byte[] r)
        {
            _inner.TransferFullDuplex(w, r);
            bool read = (w[0] & 1) == 1;
            ushort address = (ushort)((w[1] << 8) | w[2]);
            if (Armed && read && address == (ushort)Register.BWATTHR) { _flipsLeft = 6; Armed = false; }
            else if (_flipsLeft > 0 && read && address == (ushort)Register.LAST_RWDATA32)
                r[6] ^= (byte)(1 << (_flipsLeft-- % 8)); // every record read disagrees with the one before
        }
    }

    [Fact]
    public void An_energy_read_that_cannot_be_verified_counts_zero_and_the_cycle_goes_on()
    {
        var chip = new SimulatedAde7880(460, 20);
        chip.Phases[0].Set(new PhaseLoad(230, 5, 0));
        chip.Phases[1].Set(new PhaseLoad(220, 3, 60));
        chip.Phases[2].Set(new PhaseLoad(240, 7, -60));
        var spi = new FlakyRecordSpi(chip);
        var driver = new Ade7880Driver(spi, chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new VirtualDelay(chip));
        driver.Start(new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000 });
        var reading = new EnergyReading();
        chip.Advance(60 * Second);
        long lostB = (int)chip.Peek(Register.BWATTHR); // 8,886,281.29 / 60 = 148,104.69 counts
        uint expectedA = chip.Peek(Register.AWATTHR);
        spi.Armed = true;
        driver.TakeEnergy(reading);
        Assert.Equal(1, reading.FailedReads);
        Assert.Equal(0, reading.Active[1]);
        Assert.InRange(lostB, 148_104, 148_105);
        Assert.Equal((int)expectedA, reading.Active[0]);       // the other registers of the cycle are kept
        Assert.True(reading.Reactive[1] > 0);
        Assert.Equal(0u, chip.Peek(Register.BWATTHR));         // the chip had cleared it: that cycle's B counts are gone
        chip.Advance(60 * Second);
        driver.TakeEnergy(reading);
        Assert.Equal(0, reading.FailedReads);
        Assert.InRange(reading.Active[1], 148_104, 148_105);
    }
}
