using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

public class StartupTests
{
    [Fact]
    public void Start_up_ends_running_with_a_verified_checksum_and_protected_dsp_ram()
    {
        var rig = new AdeRig(c =>
        {
            c.ActiveThreshold = 3;
            c.LineCycles = 100;
            c.Mask0 = StatusBits.LENERGY;
            c.CfDenominators[0] = 27; // 26,928 counts/Wh ⇒ CF1 ≈ 997 imp/kWh
            c.CfMode = 0x0CA0;        // CF1 enabled (CF1DIS = 0), CF2/CF3 disabled
            c.SetDspRegister(Register.APGAIN, -12345);
            c.SetDspRegister(Register.BPGAIN, 2222);
            c.SetDspRegister(Register.CPGAIN, 333);
        });
        rig.Start();

        Assert.True(rig.Driver.IsRunning);
        Assert.True(rig.Chip.IsRunning);
        // The checksum the driver verified is the chip's, and it differs from the reset value
        // because the configuration differs from the defaults.
        Assert.Equal(rig.Chip.Peek(Register.CHECKSUM), (uint)rig.Driver.Checksum);
        Assert.NotEqual(0xAFFA63B9u, (uint)rig.Driver.Checksum);
        // Every written register holds its value (ZPSE for the DSP RAM).
        Assert.Equal(RegisterMap.Encode(WireFormat.Zpse24, -12345), rig.Chip.Peek(Register.APGAIN));
        Assert.Equal(2222u, rig.Chip.Peek(Register.BPGAIN));
        Assert.Equal(100u, rig.Chip.Peek(Register.LINECYC));
        Assert.Equal(0x0CA0u, rig.Chip.Peek(Register.CFMODE));
        Assert.Equal(0x02u, rig.Chip.Peek(Register.CONFIG2) & 0x02); // SPI locked
        // RSTDONE cleared, IRQ1 released.
        Assert.Equal(0u, rig.Chip.Peek(Register.STATUS1) & StatusBits.RSTDONE);
        Assert.True(rig.Chip.Irq1Pin.Read());
        // DSP RAM is write-protected: a later write is refused.
        long refused = rig.Chip.RefusedWrites;
        rig.Driver.Bus.Write(Register.APGAIN, 1);
        Assert.Equal(refused + 1, rig.Chip.RefusedWrites);
        Assert.Equal(RegisterMap.Encode(WireFormat.Zpse24, -12345), rig.Chip.Peek(Register.APGAIN));
    }

    [Fact]
    public void Vlevel_is_written_from_the_full_scale_and_nominal_voltages_unless_set_explicitly()
    {
        // Ufs / Un × 491,520 = 460 V / 230 V × 491,520 = 983,040 (0x000F0000).
        var rig = new AdeRig();
        rig.Start();
        Assert.Equal(983_040u, rig.Chip.Peek(Register.VLEVEL));
        // 400 V / 240 V × 491,520 = 819,200.
        var other = new AdeRig(c => { c.FullScaleVoltageMillivolts = 400_000; c.NominalPhaseVoltageMillivolts = 240_000; });
        other.Start();
        Assert.Equal(819_200u, other.Chip.Peek(Register.VLEVEL));
        // An explicit value (calibration record) wins; 0 as nominal voltage leaves VLEVEL at 0.
        var set = new AdeRig(c => c.SetDspRegister(Register.VLEVEL, 0x38000));
        set.Start();
        Assert.Equal(0x38000u, set.Chip.Peek(Register.VLEVEL));
        var none = new AdeRig(c => c.NominalPhaseVoltageMillivolts = 0);
        none.Start();
        Assert.Equal(0u, none.Chip.Peek(Register.VLEVEL));
    }

    [Fact]
    public void The_same_configuration_gives_the_same_checksum_after_a_restart()
    {
        var rig = new AdeRig(c => c.SetDspRegister(Register.AVGAIN, 777));
        rig.Start();
        long first = rig.Driver.Checksum;
        rig.Configuration.ExpectedChecksum = first;
        rig.Start();
        Assert.Equal(first, rig.Driver.Checksum);
    }

    [Fact]
    public void A_wrong_expected_checksum_is_a_verification_error()
    {
        var rig = new AdeRig(c => c.ExpectedChecksum = 0x12345678);
        var e = Assert.Throws<Ade7880VerificationException>(rig.Start);
        Assert.Equal(Register.CHECKSUM, e.Register);
        Assert.Equal(0x12345678u, e.Expected);
    }

    [Fact]
    public void The_dsp_ram_commits_the_last_write_only_when_written_three_times()
    {
        // Drive the simulated chip by hand: select SPI, write AIGAIN..HZVRMSOS once.
        var chip = new SimulatedAde7880(460, 20);
        chip.Advance(SimulatedAde7880.ResetDurationUs);
        var bus = new RegisterBus(chip);
        for (int i = 0; i < 3; i++) bus.WriteRaw(Register.SpiSelectDummy, 1, 1);
        bus.Write(Register.CVRMSOS, 5);   // 0x4394
        bus.Write(Register.NIRMSOS, 6);   // 0x4395
        bus.Write(Register.HPGAIN, 7);    // 0x4398, last of this sequence
        Assert.Equal(5, bus.Read(Register.CVRMSOS));  // committed by the two writes after it
        Assert.Equal(0, bus.Read(Register.NIRMSOS));  // still in the pipeline
        Assert.Equal(0, bus.Read(Register.HPGAIN));
        bus.Write(Register.HPGAIN, 7);
        bus.Write(Register.HPGAIN, 7);
        Assert.Equal(6, bus.Read(Register.NIRMSOS));
        Assert.Equal(7, bus.Read(Register.HPGAIN));
    }

    private sealed class AlteringSpi : ISpiDevice
    {
        private readonly ISpiDevice _inner;
        public AlteringSpi(ISpiDevice inner) => _inner = inner;
        public void TransferFullDuplex(byte[] w, byte[] r)
        {
            // A write to WTHR (0xEA02) arrives damaged: 0x03 becomes 0x07.
            if (w.Length == 4 && w[0] == 0 && w[1] == 0xEA && w[2] == 0x02) w = new byte[] { 0, 0xEA, 0x02, (byte)(w[3] | 4) };
            _inner.TransferFullDuplex(w, r);
        }
    }

    [Fact]
    public void A_register_that_does_not_read_back_stops_the_start_with_a_specific_exception()
    {
        var chip = new SimulatedAde7880(460, 20);
        var driver = new Ade7880Driver(new AlteringSpi(chip), chip.ResetPin, chip.Pm0Pin, chip.Pm1Pin, chip.Irq0Pin, chip.Irq1Pin, new VirtualDelay(chip));
        var config = new Ade7880Configuration { FullScaleVoltageMillivolts = 460_000, FullScaleCurrentMilliamps = 20_000 };
        var e = Assert.Throws<Ade7880VerificationException>(() => driver.Start(config));
        Assert.Equal(Register.WTHR, e.Register);
        Assert.Equal(3u, e.Expected);
        Assert.Equal(7u, e.Actual);
        Assert.False(driver.IsRunning);
    }

    [Theory]
    [InlineData((byte)0xFF)]
    [InlineData((byte)0x00)]
    public void A_missing_chip_is_reported_as_not_responding(byte misoLevel)
    {
        var rig = new AdeRig();
        rig.Chip.Missing = true;
        rig.Chip.MissingMisoLevel = misoLevel;
        Assert.Throws<Ade7880NotRespondingException>(rig.Start);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_stuck_irq1_does_not_fool_the_reset_wait(bool stuckLevel)
    {
        var rig = new AdeRig();
        rig.Chip.Irq1StuckLevel = stuckLevel;
        rig.Start();
        Assert.True(rig.Chip.IsRunning);
        if (stuckLevel) Assert.Equal(1, rig.Driver.IrqFaults); // never fell: noticed, chip confirmed by its registers
    }

    [Fact]
    public void Bad_configuration_values_are_refused_before_anything_is_sent()
    {
        var rig = new AdeRig(c => c.ActiveThreshold = 0);
        long frames = rig.Chip.Frames;
        var e = Assert.Throws<ArgumentException>(rig.Start);
        Assert.Contains("WTHR", e.Message);
        Assert.Equal(frames, rig.Chip.Frames);
        Assert.Throws<ArgumentException>(() => rig.Configuration.SetDspRegister(Register.AIGAIN, 0x800000)); // > 2^23 − 1
        Assert.Throws<ArgumentException>(() => rig.Configuration.SetDspRegister(Register.AIRMS, 1));          // not writable DSP RAM
    }
}
