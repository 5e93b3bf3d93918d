using Meter.Hal.Ade7880;
using Meter.Hal.Simulation.Ade7880;

namespace Meter.Hal.Tests.Ade7880;

/// <summary>The simulated chip refuses what the chip refuses and starts from the data sheet's reset state.</summary>
public class SimulatedChipTests
{
    private static (SimulatedAde7880 Chip, RegisterBus Bus) SelectedChip()
    {
        var chip = new SimulatedAde7880(460, 20);
        chip.Advance(SimulatedAde7880.ResetDurationUs);
        var bus = new RegisterBus(chip);
        for (int i = 0; i < 3; i++) bus.WriteRaw(Register.SpiSelectDummy, 1, 1); // three SS toggles
        return (chip, bus);
    }

    [Fact]
    public void After_power_up_the_registers_read_the_data_sheet_defaults_over_spi()
    {
        var (_, bus) = SelectedChip();
        Assert.Equal(0xAFFA63B9u, bus.ReadRaw(Register.CHECKSUM)); // Table 33 / "Checksum Register"
        Assert.Equal(0x0EA0u, bus.ReadRaw(Register.CFMODE));
        Assert.Equal(0x01FFu, bus.ReadRaw(Register.COMPMODE));
        Assert.Equal(0x78u, bus.ReadRaw(Register.LCYCMODE));
        Assert.Equal(0xFFFFu, bus.ReadRaw(Register.LINECYC));
        Assert.Equal(0x03u, bus.ReadRaw(Register.WTHR));
        Assert.Equal(0x08u, bus.ReadRaw(Register.Reserved_E7E4));
        Assert.Equal(0xFFFFFFu, bus.ReadRaw(Register.OVLVL));
        Assert.Equal(0u, bus.ReadRaw(Register.RUN));
        Assert.NotEqual(0u, bus.ReadRaw(Register.STATUS1) & StatusBits.RSTDONE);
    }

    [Fact]
    public void Frames_before_spi_is_selected_are_ignored()
    {
        var chip = new SimulatedAde7880(460, 20);
        chip.Advance(SimulatedAde7880.ResetDurationUs);
        var bus = new RegisterBus(chip);
        bus.WriteRaw(Register.WTHR, 1, 9);                  // toggle 1: ignored
        Assert.Equal(0xFFFFu, bus.ReadRaw(Register.CFMODE)); // toggle 2: MISO not driven
        bus.WriteRaw(Register.WTHR, 1, 9);                  // toggle 3: SPI now selected, frame ignored
        Assert.Equal(3u, bus.ReadRaw(Register.WTHR));
        Assert.Equal(3, chip.IgnoredFrames);
    }

    [Fact]
    public void Writes_to_read_only_and_reserved_registers_and_wrong_length_frames_are_refused()
    {
        var (chip, bus) = SelectedChip();
        bus.WriteRaw(Register.CHECKSUM, 4, 0x12345678);
        bus.WriteRaw((Register)0xE406, 4, 1);                // reserved on the ADE7880
        Assert.Equal(2, chip.RefusedWrites);
        Assert.Equal(0xAFFA63B9u, bus.ReadRaw(Register.CHECKSUM));
        // WTHR is 8-bit: a 16-bit frame is an aborted transfer.
        bus.WriteRaw(Register.WTHR, 2, 0x0009);
        Assert.Equal(3u, bus.ReadRaw(Register.WTHR));
        // LAST_OP/LAST_ADD record the last successful access.
        bus.ReadRaw(Register.LINECYC);
        Assert.Equal(0x35u, bus.ReadRaw(Register.LAST_OP));
        Assert.Equal((uint)Register.LINECYC, bus.ReadRaw(Register.LAST_ADD));
        Assert.Equal(0xFFFFu, bus.ReadRaw(Register.LAST_RWDATA16));
    }

    [Fact]
    public void Status_bits_clear_by_writing_ones_and_rstdone_drives_irq1_unmasked()
    {
        var (chip, bus) = SelectedChip();
        Assert.False(chip.Irq1Pin.Read()); // RSTDONE pending: IRQ1 low although MASK1 = 0
        bus.WriteRaw(Register.STATUS1, 4, 0x00000001); // another bit: RSTDONE stays
        Assert.NotEqual(0u, bus.ReadRaw(Register.STATUS1) & StatusBits.RSTDONE);
        bus.WriteRaw(Register.STATUS1, 4, StatusBits.RSTDONE);
        Assert.Equal(0u, bus.ReadRaw(Register.STATUS1) & StatusBits.RSTDONE);
        Assert.True(chip.Irq1Pin.Read());
    }

    [Fact]
    public void Dsp_ram_protection_needs_the_0xAD_key_and_a_software_reset_keeps_the_spi_lock()
    {
        var (chip, bus) = SelectedChip();
        bus.WriteRaw(Register.DSPWP_SEL, 1, 0x00);
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);            // without the key: no protection
        for (int i = 0; i < 3; i++) bus.Write(Register.AIGAIN, 5);
        Assert.Equal(5, bus.Read(Register.AIGAIN));
        bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);
        for (int i = 0; i < 3; i++) bus.Write(Register.AIGAIN, 6);
        Assert.Equal(5, bus.Read(Register.AIGAIN));

        bus.WriteRaw(Register.CONFIG2, 1, 0x02);
        bus.WriteRaw(Register.CONFIG, 2, 0x0082);              // CONFIG.SWRST
        Assert.Equal(2, chip.Resets);
        chip.Advance(SimulatedAde7880.ResetDurationUs);
        Assert.Equal(0, bus.Read(Register.AIGAIN));            // registers back to reset values
        Assert.Equal(0x02u, bus.ReadRaw(Register.CONFIG2));    // still on SPI, no new toggles needed
    }

    [Fact]
    public void The_protection_changes_only_right_after_its_key_and_lifting_it_lets_a_running_dsp_take_a_gain()
    {
        var (chip, bus) = SelectedChip();
        bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);
        bus.WriteRaw(Register.RUN, 2, 0x0001);                 // the DSP runs from here on
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x00);             // the key was spent by the writes in between
        for (int i = 0; i < 3; i++) bus.Write(Register.AIGAIN, 7);
        Assert.Equal(0, bus.Read(Register.AIGAIN));
        bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
        bus.WriteRaw(Register.CFMODE, 2, 0x0EA0);              // any write between key and DSPWP_SET spends it
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x00);
        for (int i = 0; i < 3; i++) bus.Write(Register.AIGAIN, 7);
        Assert.Equal(0, bus.Read(Register.AIGAIN));

        bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
        bus.WriteRaw(Register.DSPWP_SET, 1, 0x00);             // key, then 0x00: protection off
        bus.Write(Register.AIGAIN, 7);
        bus.Write(Register.AIGAIN, 7);
        Assert.Equal(0, bus.Read(Register.AIGAIN));            // two-stage pipeline: not in the RAM yet
        bus.Write(Register.AIGAIN, 7);
        Assert.Equal(7, bus.Read(Register.AIGAIN));            // the third write commits the first
        Assert.True(chip.IsRunning);                           // without stopping the DSP
        Assert.NotEqual(0u, chip.Peek(Register.STATUS1) & StatusBits.CRC); // the checksum changed while running
    }

    [Fact]
    public void A_software_reset_behind_the_drivers_back_is_recovered_in_the_next_cycle()
    {
        var rig = new AdeRig();
        rig.SetLoads(new PhaseLoad(230, 5, 0), new PhaseLoad(220, 3, 60), new PhaseLoad(240, 7, -60));
        rig.Start();
        rig.Cycle(1_000_000);
        new RegisterBus(rig.Chip).WriteRaw(Register.CONFIG, 2, 0x0082);
        rig.Cycle(1_000_000);
        Assert.True(rig.Reading.ChipWasReset);
        rig.Cycle(1_000_000);
        Assert.InRange(rig.Reading.Active[0], 8601, 8602); // 30,967,343.90 / 3600 counts a second again
    }
}
