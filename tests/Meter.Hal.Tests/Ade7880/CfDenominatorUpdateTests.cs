using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// CF1DEN changed on the running chip (verification mode's faster test LED): no reset, no energy lost,
/// the CRC reference re-armed and the new CHECKSUM the one a later re-initialisation must show.
/// </summary>
public class CfDenominatorUpdateTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void Cf1den_written_in_place_changes_the_pulse_rate_and_loses_no_energy()
    {
        // CF1 on (CFMODE.CF1DIS cleared, CF1SEL = total active), CF1DEN 1000 at first.
        var rig = new AdeRig(c =>
        {
            c.CfMode = Ade7880Driver.CfModeResetValue & ~0x0200;
            c.CfDenominators[0] = 1000;
        });
        rig.SetLoads(new PhaseLoad(230, 5, 0), PhaseLoad.Off(), PhaseLoad.Off());
        rig.Start();
        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        // Phase A 230 V × 5 A for 600 s = 30 967 343.90 counts/h / 6 = 5 161 223.98 counts (FaultTests): 5161 pulses, 223 left.
        Assert.Equal(5161, rig.Chip.CfPulses[0]);
        long checksum = rig.Driver.Checksum;

        rig.Configuration.CfDenominators[0] = 100;
        rig.Driver.ApplyCfDenominators();
        Assert.Equal(100u, rig.Chip.Peek(Register.CF1DEN));
        Assert.Equal((long)rig.Chip.Peek(Register.CHECKSUM), rig.Driver.Checksum);
        Assert.NotEqual(checksum, rig.Driver.Checksum);

        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        Assert.False(rig.Reading.ChipWasReset); // STATUS1.CRC was re-armed: no "configuration changed" recovery
        Assert.Equal(0, rig.Driver.ResetsRecovered);
        Assert.Equal(0, rig.Chip.LostCounts[Active, 0]);
        // (223 left over + 5 161 224 new counts) / 100 = 51 614.47 → 51 614 more pulses (± 1 for the count rounding).
        Assert.InRange(rig.Chip.CfPulses[0] - 5161, 51_613, 51_615);
        // Every count the chip produced reached the driver: 2 × 5 161 223.98.
        Assert.InRange(rig.DriverCounts[Active, 0] + rig.Unread(Active, 0), 10_322_447, 10_322_449);

        // A chip reset now is re-initialised with CF1DEN 100 and checked against the new checksum (it throws otherwise).
        long adopted = rig.Driver.Checksum;
        rig.Chip.SpontaneousReset();
        rig.Cycle(Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.Equal(100u, rig.Chip.Peek(Register.CF1DEN));
        Assert.Equal(adopted, rig.Driver.Checksum);
    }

    [Fact]
    public void Applying_before_start_is_refused()
    {
        var rig = new AdeRig();
        Assert.Throws<Ade7880Exception>(() => rig.Driver.ApplyCfDenominators());
    }
}
