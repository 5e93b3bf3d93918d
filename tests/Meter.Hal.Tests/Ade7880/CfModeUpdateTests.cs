using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;
using static Meter.Hal.Simulation.Ade7880.SimulatedAde7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>
/// CFMODE written on the running chip (the test LED held dark in no-load, Meter.Core MeteringCycle): CF1DIS stops
/// CF1's pulses, the energy registers run on, the CRC reference is re-armed and a re-initialisation keeps the mode.
/// </summary>
public class CfModeUpdateTests
{
    private const long Second = 1_000_000;
    private const int Cf1On = Ade7880Driver.CfModeResetValue & ~0x0200; // 0x0CA0: CF1SEL = 000, CF1DIS cleared
    private const int Cf1Off = Ade7880Driver.CfModeResetValue;         // 0x0EA0: CF1DIS (bit 9) set

    [Fact]
    public void Cf1dis_written_in_place_stops_and_restarts_the_pulses_and_loses_no_energy()
    {
        var rig = new AdeRig(c =>
        {
            c.CfMode = Cf1On;
            c.CfDenominators[0] = 1000;
        });
        rig.SetLoads(new PhaseLoad(230, 5, 0), PhaseLoad.Off(), PhaseLoad.Off());
        rig.Start();
        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        // Phase A 230 V × 5 A for 600 s = 5 161 223.98 counts (CfDenominatorUpdateTests): 5161 pulses at CF1DEN 1000.
        Assert.Equal(5161, rig.Chip.CfPulses[0]);
        long checksumOn = rig.Driver.Checksum;

        rig.Configuration.CfMode = Cf1Off;
        rig.Driver.ApplyCfMode();
        Assert.Equal((uint)Cf1Off, rig.Chip.Peek(Register.CFMODE));
        Assert.Equal((long)rig.Chip.Peek(Register.CHECKSUM), rig.Driver.Checksum);
        Assert.NotEqual(checksumOn, rig.Driver.Checksum); // CHECKSUM covers CFMODE

        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        Assert.Equal(5161, rig.Chip.CfPulses[0]);   // no pulse while CF1DIS is set
        Assert.False(rig.Reading.ChipWasReset);     // STATUS1.CRC re-armed: no "configuration changed" recovery
        Assert.Equal(0, rig.Driver.ResetsRecovered);
        Assert.Equal(0, rig.Chip.LostCounts[Active, 0]);
        // The energy registers ran on: 2 × 5 161 223.98 counts reached the driver (± 1 for the count rounding).
        Assert.InRange(rig.DriverCounts[Active, 0] + rig.Unread(Active, 0), 10_322_447, 10_322_449);

        // A chip reset now comes back with CF1 off and the adopted checksum (the driver throws otherwise).
        rig.Chip.SpontaneousReset();
        rig.Cycle(Second);
        Assert.True(rig.Reading.ChipWasReset);
        Assert.Equal((uint)Cf1Off, rig.Chip.Peek(Register.CFMODE));

        rig.Configuration.CfMode = Cf1On;
        rig.Driver.ApplyCfMode();
        Assert.Equal(checksumOn, rig.Driver.Checksum); // the same configuration gives the same checksum again
        long before = rig.Chip.CfPulses[0];
        for (int i = 0; i < 600; i++) rig.Cycle(Second);
        // 600 s more at 8602.04 counts/s: 5161 pulses (± 1: the divider's remainder).
        Assert.InRange(rig.Chip.CfPulses[0] - before, 5160, 5162);
    }

    [Fact]
    public void Applying_before_start_is_refused()
    {
        var rig = new AdeRig();
        Assert.Throws<Ade7880Exception>(() => rig.Driver.ApplyCfMode());
    }
}
