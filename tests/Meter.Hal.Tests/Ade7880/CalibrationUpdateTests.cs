using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// Calibration registers changed on the running chip (ADE7880 data sheet Rev. A, "Digital Signal
/// Processor": DSP RAM may be written without stopping the DSP): no reset, no energy lost or counted
/// twice, the write protection back on, the CRC reference re-armed.
/// </summary>
public class CalibrationUpdateTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void A_current_gain_written_mid_interval_meters_with_the_old_gain_before_and_the_new_after()
    {
        var rig = new AdeRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), PhaseLoad.Off(), PhaseLoad.Off());
        rig.Start();
        int resets = rig.Chip.Resets;
        long checksum = rig.Driver.Checksum;
        for (int i = 0; i < 600; i++) rig.Cycle(Second);

        // 400 ms into the next 1-s interval: AIGAIN = 2^20, i.e. current gain 1 + 2^20 / 2^23 = 1.125.
        rig.Chip.Advance(400_000);
        rig.Configuration.SetDspRegister(Register.AIGAIN, 1 << 20);
        rig.Driver.ApplyCalibration(Register.AIGAIN);
        Assert.Equal(1u << 20, rig.Chip.Peek(Register.AIGAIN));
        Assert.Equal(resets, rig.Chip.Resets);                              // not reset
        Assert.Equal((long)rig.Chip.Peek(Register.CHECKSUM), rig.Driver.Checksum);
        Assert.NotEqual(checksum, rig.Driver.Checksum);                     // CHECKSUM covers the DSP RAM
        rig.Cycle(600_000);
        for (int i = 0; i < 599; i++) rig.Cycle(Second);

        Assert.False(rig.Reading.ChipWasReset);                             // STATUS1.CRC was re-armed
        Assert.Equal(0, rig.Driver.ResetsRecovered);
        Assert.Equal(0, rig.Chip.LostCounts[Active, 0]);
        // Phase A at half voltage and quarter current scale: PMAX × 0.5 × 0.25 × fs / (WTHR × 2^27)
        // = 27 059 678 × 0.125 × 1 024 000 / (3 × 134 217 728) = 8 602.040 counts/s with gain 1.
        // Old gain for 600.4 s: 5 164 664.80; gain 1.125 for 599.6 s: 9 677.295 × 599.6 = 5 802 506.06;
        // together 10 967 170.86 counts (± 1 for the count rounding). A reset would lose the ~10 ms the
        // chip needs to come back (≈ 86 counts) and the unread fraction of an LSB.
        long counted = rig.DriverCounts[Active, 0] + rig.Unread(Active, 0);
        Assert.InRange(counted, 10_967_170, 10_967_172);
        Assert.Equal(rig.Chip.TotalCounts[Active, 0], counted);              // every count the chip made, once
    }

    [Fact]
    public void The_dsp_ram_is_protected_again_and_a_chip_reset_comes_back_with_the_new_gain()
    {
        var rig = new AdeRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), PhaseLoad.Off(), PhaseLoad.Off());
        rig.Start();
        rig.Cycle(Second);
        rig.Configuration.SetDspRegister(Register.APGAIN, -4096);
        rig.Driver.ApplyCalibration(Register.APGAIN);
        // ZPSE: −4096 sent as 0x0FFFF000 (24-bit signed, sign-extended to 28 bits).
        Assert.Equal(0x0FFFF000u, rig.Chip.Peek(Register.APGAIN));

        long refused = rig.Chip.RefusedWrites;
        for (int i = 0; i < 3; i++) rig.Driver.Bus.Write(Register.APGAIN, 0);
        Assert.Equal(refused + 3, rig.Chip.RefusedWrites);                  // protected: refused
        Assert.Equal(0x0FFFF000u, rig.Chip.Peek(Register.APGAIN));

        long adopted = rig.Driver.Checksum;
        rig.Chip.SpontaneousReset();
        rig.Cycle(Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.Equal(0x0FFFF000u, rig.Chip.Peek(Register.APGAIN));         // re-initialised from the configuration
        Assert.Equal(adopted, rig.Driver.Checksum);                         // and checked against the adopted checksum
    }

    [Fact]
    public void Phase_calibration_is_a_plain_register_outside_the_checksum()
    {
        var rig = new AdeRig();
        rig.Start();
        long checksum = rig.Driver.Checksum;
        rig.Configuration.PhaseCalibration[1] = 150;
        rig.Driver.ApplyCalibration(Register.BPHCAL);
        Assert.Equal(150u, rig.Chip.Peek(Register.BPHCAL));
        Assert.Equal(checksum, rig.Driver.Checksum);
        Assert.Equal(checksum, (long)rig.Chip.Peek(Register.CHECKSUM));
        rig.Cycle(Second);
        Assert.False(rig.Reading.ChipWasReset);
    }

    [Fact]
    public void Other_registers_and_a_stopped_driver_are_refused()
    {
        var rig = new AdeRig();
        Assert.Throws<Ade7880Exception>(() => rig.Driver.ApplyCalibration(Register.AIGAIN));
        rig.Start();
        Assert.Throws<ArgumentException>(() => rig.Driver.ApplyCalibration(Register.CFMODE));
        Assert.Throws<ArgumentException>(() => rig.Driver.ApplyCalibration(Register.AIRMS)); // read-only result, not DSP RAM set-up
    }
}
