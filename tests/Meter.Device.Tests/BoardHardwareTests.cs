using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Device.Tests.Fakes;
using Meter.Hal;
using Meter.Hal.Device;

namespace Meter.Device.Tests;

public class BoardHardwareTests
{
    private sealed class NoDelay : IDelay
    {
        public void Wait(int microseconds) { }
    }

    [Fact]
    public void Reference_board_opens_every_pin_at_its_reset_level_and_every_chip_on_spi1()
    {
        var io = new RecordingBoardIo();
        var expander = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        io.ChipAt[13] = expander;
        var hw = new BoardHardware(BoardCatalog.Reference(), io, new NoDelay());

        // Direct outputs: ADE7880 reset 25 high (not in reset), S0 32 low, LED 2 low, HT1621 #1 CS 21 high, WR 22 high, DATA 33 low.
        Assert.Equal(new Dictionary<int, bool> { [25] = true, [32] = false, [2] = false, [21] = true, [22] = true, [33] = false }, io.Outputs);
        // Direct inputs: IRQ0 34, IRQ1 35, button 0, mains fail 39 with board resistors (the seal switch is on the expander).
        Assert.Equal(new Dictionary<int, bool> { [34] = false, [35] = false, [0] = false, [39] = false }, io.Inputs);
        // Chip selects are never opened as GPIOs: the SPI driver owns them.
        foreach (var cs in new[] { 5, 15, 4, 13 }) Assert.False(io.Outputs.ContainsKey(cs));
        Assert.Equal(new[] { (1, 13, 2_000_000), (1, 5, 2_000_000), (1, 4, 2_000_000), (1, 15, 10_000_000) }, io.Spi);
        Assert.Equal("spi13", io.Order[0]); // the expander first: it carries PM0/PM1
        // The optical port at 300 Bd, the module UART (COM3) at 9600 Bd until the meter sets its rate.
        Assert.Equal(new[] { ("COM2", 300), ("COM3", 9600) }, io.Uarts);

        // Expander: PM0 (GPA0) high, PM1 (GPA1) low, relays (GPA2/3) low, HT1621 #2 CS (GPA4) high, breaker coils
        // (GPA5/6) low, all outputs; GPB0..5 inputs with pull-ups (tariff inputs, tamper switches, seal switch, breaker feedback).
        Assert.Equal(0x0011, expander.Latch & 0x007F);
        Assert.Equal(0xFFFF & ~0x007F, expander.Directions);
        Assert.Equal(0x3F00, expander.PullUps);

        Assert.NotNull(hw.Ade7880Spi);
        // The metering chip's driver is built here, over the ADE7880's bus and pins, and sends nothing before its Start.
        IMeteringChip chip = hw.MeteringChip;
        Assert.False(chip.IsRunning);
        Assert.NotNull(hw.Output(BoardSignal.Ade7880Pm0));
        Assert.NotNull(hw.Input(BoardSignal.Ade7880Irq1));
        Assert.NotNull(hw.Rtc);
        Assert.Equal(262144, hw.NvMemory.Size);
        Assert.NotNull(hw.Optical);
        Assert.Equal(SerialCharacterFormat.EightNoneOne, ((ISerialCharacterFormat)hw.Module).CharacterFormat);
        Assert.NotNull(hw.Input(BoardSignal.SealSwitch));
        Assert.NotNull(hw.Lcd);
        Assert.Equal(2, hw.LcdChips.Length);
        Assert.NotNull(hw.Input(BoardSignal.TerminalCoverSwitch));
        Assert.NotNull(hw.Output(BoardSignal.Relay2));
        Assert.NotNull(hw.Input(BoardSignal.TariffInput1));
        Assert.Null(hw.Output(BoardSignal.Ade7880ChipSelect));
    }

    private sealed class CountingDelay : IDelay
    {
        public int Waits;
        public void Wait(int microseconds) => Waits++;
    }

    [Fact]
    public void The_reference_breaker_pulses_one_coil_for_the_board_pulse_width_and_reads_its_feedback_from_the_slow_poll()
    {
        var io = new RecordingBoardIo();
        var expander = new ExpanderChipModel { ExternalLevels = 0xFFFF & ~(1 << 13) }; // GPB5 low: contacts closed
        io.ChipAt[13] = expander;
        var hw = new BoardHardware(BoardCatalog.Reference(), io, new NoDelay());
        IBreaker breaker = hw.Breaker!;
        Assert.True(breaker.HasFeedback);
        hw.PollSlowInputs();
        Assert.Equal(BreakerPosition.Closed, breaker.Position);
        breaker.Open(1000);
        Assert.Equal(1 << 5, expander.Latch & 0x0060); // the open coil (GPA5) on, the close coil (GPA6) off
        breaker.Poll(1000 + BoardCatalog.ReferenceBreakerPulseMilliseconds - 1);
        Assert.Equal(1 << 5, expander.Latch & 0x0060);
        breaker.Poll(1000 + BoardCatalog.ReferenceBreakerPulseMilliseconds);
        Assert.Equal(0, expander.Latch & 0x0060); // released after the pulse width
        expander.ExternalLevels |= 1 << 13;      // the auxiliary contact opens
        hw.PollSlowInputs();
        Assert.Equal(BreakerPosition.Open, breaker.Position);
    }

    [Fact]
    public void Boards_without_breaker_rows_have_no_breaker()
    {
        Assert.Null(new BoardHardware(BoardCatalog.DevKitCEvalAde7880(), new RecordingBoardIo(), new NoDelay()).Breaker);
    }

    [Fact]
    public void The_HT1621_half_periods_go_to_the_LCD_delay_and_not_to_the_sleeping_one()
    {
        var io = new RecordingBoardIo();
        io.ChipAt[13] = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        var sleep = new CountingDelay();
        var lcd = new CountingDelay();
        var hw = new BoardHardware(BoardCatalog.Reference(), io, sleep, lcd);
        int sleepsBefore = sleep.Waits;
        foreach (var chip in hw.LcdChips) chip.Initialize();
        // Four command frames a chip, 12 bits each: 1 + 24 + 1 = 26 half-period waits a frame.
        Assert.Equal(2 * 4 * 26, lcd.Waits);
        Assert.Equal(sleepsBefore, sleep.Waits);
    }

    [Fact]
    public void Expander_inputs_raise_their_events_on_the_slow_poll()
    {
        var io = new RecordingBoardIo();
        var expander = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        io.ChipAt[13] = expander;
        var hw = new BoardHardware(BoardCatalog.Reference(), io, new NoDelay());
        var levels = new List<bool>();
        hw.Input(BoardSignal.MagneticSensor).Changed += (_, high) => levels.Add(high);
        expander.ExternalLevels &= ~(1 << 10); // magnet present: GPB2 low
        hw.PollSlowInputs();
        Assert.Equal(new[] { false }, levels);
    }

    [Fact]
    public void Sampled_expander_inputs_read_the_last_polled_level_without_an_spi_transfer()
    {
        var io = new RecordingBoardIo();
        var expander = new ExpanderChipModel { ExternalLevels = 0xFFFF };
        io.ChipAt[13] = expander;
        var hw = new BoardHardware(BoardCatalog.Reference(), io, new NoDelay());
        IInputPin cover = hw.SampledInput(BoardSignal.TerminalCoverSwitch)!; // GPB3 = pin 11
        IInputPin tariff2 = hw.SampledInput(BoardSignal.TariffInput2)!;      // GPB1 = pin 9
        Assert.IsType<PolledInputPin>(cover);
        Assert.True(cover.Read());
        expander.ExternalLevels &= ~((1 << 11) | (1 << 9)); // cover on (switch closed), I/O 2 energised
        Assert.True(cover.Read() && tariff2.Read()); // not polled yet: the last level
        int writes = expander.RegisterWrites.Count;
        hw.PollSlowInputs();
        Assert.False(cover.Read());
        Assert.False(tariff2.Read());
        Assert.Equal(writes, expander.RegisterWrites.Count);
    }

    [Fact]
    public void Sampled_inputs_are_null_where_the_board_has_none_and_gpio_inputs_are_handed_over_as_they_are()
    {
        var hw = new BoardHardware(BoardCatalog.DevKitCEvalAde7880(), new RecordingBoardIo(), new NoDelay());
        Assert.Null(hw.SampledInput(BoardSignal.TerminalCoverSwitch));
        Assert.Null(hw.SampledInput(BoardSignal.MagneticSensor));
        Assert.Null(hw.SampledInput(BoardSignal.TariffInput1));
        Assert.Same(hw.Input(BoardSignal.SealSwitch), hw.SampledInput(BoardSignal.SealSwitch));
    }

    [Fact]
    public void DevKitC_board_has_no_expander_lcd_or_relays()
    {
        var io = new RecordingBoardIo();
        var hw = new BoardHardware(BoardCatalog.DevKitCEvalAde7880(), io, new NoDelay());
        Assert.Null(hw.Expander);
        Assert.Null(hw.Lcd);
        Assert.Null(hw.Output(BoardSignal.Relay1));
        Assert.Equal(new Dictionary<int, bool> { [25] = true, [26] = true, [27] = false, [32] = false, [2] = false }, io.Outputs);
        hw.PollSlowInputs(); // no expander: nothing to do, no failure
    }

    [Fact]
    public void A_board_that_breaks_a_pin_rule_is_refused_before_anything_is_opened()
    {
        var bad = new BoardDefinition("bad", "ESP32-WROVER-E", true, 1, new SpiChip(5, 1_000_000, 2_500_000), null!, null!, null!, null!, null!, LcdKind.None,
            new[] { new PinAssignment(BoardSignal.Ade7880Reset, PinHost.Esp32Gpio, 12, PinUse.OutputHighAtReset, true, "") });
        var io = new RecordingBoardIo();
        var e = Assert.Throws<InvalidOperationException>(() => new BoardHardware(bad, io, new NoDelay()));
        Assert.Contains("GPIO12", e.Message);
        Assert.Empty(io.Order);
    }

    [Fact]
    public void A_board_without_the_ade7880_pins_is_refused_naming_the_missing_signal()
    {
        var bare = new BoardDefinition("bare", "ESP32-WROOM-32E", false, 1, new SpiChip(5, 1_000_000, 2_500_000), null!, null!, null!, null!, null!, LcdKind.None,
            new PinAssignment[0]);
        var e = Assert.Throws<InvalidOperationException>(() => new BoardHardware(bare, new RecordingBoardIo(), new NoDelay()));
        Assert.Contains("Ade7880Reset", e.Message);
    }
}
