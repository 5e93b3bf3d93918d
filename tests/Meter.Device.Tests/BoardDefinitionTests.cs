using Meter.Boards;
using Meter.Boards.Wiring;
using Meter.Deploy;

namespace Meter.Device.Tests;

public class BoardDefinitionTests
{
    public static TheoryData<string> BoardNames() => new(BoardCatalog.Names);

    [Theory]
    [MemberData(nameof(BoardNames))]
    public void Catalog_boards_respect_the_esp32_pin_rules(string name)
    {
        var board = BoardCatalog.ByName(name);
        Assert.Equal(name, board.Name);
        Assert.Null(Esp32PinRules.FirstProblem(board));
    }

    [Theory]
    [MemberData(nameof(BoardNames))]
    public void Every_board_fits_what_the_ade7880_driver_and_the_optical_port_need(string name)
    {
        var board = BoardCatalog.ByName(name);
        foreach (var s in new[] { BoardSignal.SpiClock, BoardSignal.SpiMiso, BoardSignal.SpiMosi, BoardSignal.Ade7880ChipSelect,
                     BoardSignal.Ade7880Irq0, BoardSignal.Ade7880Irq1, BoardSignal.Ade7880Reset, BoardSignal.Ade7880Pm0, BoardSignal.Ade7880Pm1,
                     BoardSignal.S0Output, BoardSignal.OpticalTx, BoardSignal.OpticalRx })
            Assert.NotNull(board.Find(s));
        // The SPI chip selects in the pin map are the ones the SPI settings use.
        Assert.Equal(board.Ade7880.ChipSelectGpio, board.Require(BoardSignal.Ade7880ChipSelect).Number);
        if (board.Fram != null) Assert.Equal(board.Fram.ChipSelectGpio, board.Require(BoardSignal.FramChipSelect).Number);
        if (board.Rtc != null) Assert.Equal(board.Rtc.ChipSelectGpio, board.Require(BoardSignal.RtcChipSelect).Number);
        if (board.Expander != null) Assert.Equal(board.Expander.ChipSelectGpio, board.Require(BoardSignal.ExpanderChipSelect).Number);
        // A module UART comes with both its pins, on ESP32 GPIOs; a board without one has neither.
        Assert.Equal(board.ModuleUart != null, board.Find(BoardSignal.ModuleTx) != null);
        Assert.Equal(board.ModuleUart != null, board.Find(BoardSignal.ModuleRx) != null);
        if (board.ModuleUart != null)
            Assert.All(new[] { BoardSignal.ModuleTx, BoardSignal.ModuleRx }, s => Assert.Equal(PinHost.Esp32Gpio, board.Require(s).Host));
    }

    [Fact]
    public void A_module_uart_rx_may_use_an_input_only_gpio_its_tx_may_not()
    {
        Assert.Null(Esp32PinRules.FirstProblem(WithPins(false, false, Gpio(BoardSignal.ModuleRx, 36, PinUse.Peripheral))));
        Assert.Contains("only carry a peripheral input", Esp32PinRules.FirstProblem(WithPins(false, false, Gpio(BoardSignal.ModuleTx, 36, PinUse.Peripheral))));
    }

    [Fact]
    public void Reference_board_fits_every_signal_of_the_issue()
    {
        var board = BoardCatalog.Reference();
        // Every signal but the character LCD's: the reference board carries the segment glass.
        foreach (BoardSignal s in Enum.GetValues<BoardSignal>())
            if (s < BoardSignal.LcdRegisterSelect)
                Assert.True(board.Find(s) != null, s + " is missing on the reference board");
            else
                Assert.Null(board.Find(s));
        Assert.True(board.ModuleHasPsram);
    }

    [Fact]
    public void Every_signal_has_its_name_for_error_messages()
    {
        foreach (BoardSignal s in Enum.GetValues<BoardSignal>())
            Assert.Equal(s.ToString(), Esp32PinRules.SignalName(s));
    }

    [Fact]
    public void Board_and_preset_names_match_what_the_deploy_helper_accepts_in_nf_config()
    {
        Assert.Equal(NfConfig.Boards, BoardCatalog.Names);
        Assert.Equal(NfConfig.Presets, MeterPresets.Names);
        // The reader refuses PSRAM images exactly for the boards whose module has no PSRAM.
        Assert.Equal(NfConfig.BoardsWithoutPsram, BoardCatalog.Names.Where(n => !BoardCatalog.ByName(n).ModuleHasPsram).ToArray());
        foreach (var name in NfConfig.Presets) Assert.Equal(name, MeterPresets.ByName(name).Name);
        Assert.Throws<ArgumentException>(() => BoardCatalog.ByName("esp32-cam"));
        Assert.Throws<ArgumentException>(() => MeterPresets.ByName("ct-1-2a"));
    }

    private static BoardDefinition WithPins(bool psram, bool expander, params PinAssignment[] pins) =>
        new("t", "m", psram, 1, new SpiChip(5, 1_000_000, 2_500_000), null!, null!, expander ? new SpiChip(13, 1_000_000, 10_000_000) : null!,
            "COM2", null!, LcdKind.None, pins);

    private static PinAssignment Gpio(BoardSignal s, int gpio, PinUse use, bool activeLow = false) => new(s, PinHost.Esp32Gpio, gpio, use, activeLow, "");

    private static PinAssignment OnExpander(BoardSignal s, int pin, PinUse use, bool activeLow = false) => new(s, PinHost.Expander, pin, use, activeLow, "");

    private static BoardDefinition WithBreaker(int pulseMs, params PinAssignment[] pins)
    {
        var board = WithPins(false, true, pins);
        board.BreakerPulseMilliseconds = pulseMs;
        return board;
    }

    private static readonly PinAssignment OpenCoil = OnExpander(BoardSignal.BreakerOpenCoil, 5, PinUse.OutputLowAtReset);
    private static readonly PinAssignment CloseCoil = OnExpander(BoardSignal.BreakerCloseCoil, 6, PinUse.OutputLowAtReset);
    private static readonly PinAssignment Feedback = OnExpander(BoardSignal.BreakerFeedback, 13, PinUse.InputInternalPullUp, true);

    [Fact]
    public void The_reference_breaker_has_both_coils_low_at_reset_its_feedback_and_a_pulse_width()
    {
        var board = BoardCatalog.Reference();
        Assert.Equal(PinUse.OutputLowAtReset, board.Require(BoardSignal.BreakerOpenCoil).Use);
        Assert.Equal(PinUse.OutputLowAtReset, board.Require(BoardSignal.BreakerCloseCoil).Use);
        Assert.True(board.Require(BoardSignal.BreakerFeedback).ActiveLow);
        Assert.Equal(BoardCatalog.ReferenceBreakerPulseMilliseconds, board.BreakerPulseMilliseconds);
        Assert.Null(Esp32PinRules.FirstProblem(WithBreaker(50, OpenCoil, CloseCoil, Feedback)));
        Assert.Null(Esp32PinRules.FirstProblem(WithBreaker(50, OpenCoil, CloseCoil))); // the feedback is optional
        Assert.Null(Esp32PinRules.FirstProblem(WithBreaker(0)));                      // no breaker
    }

    public static TheoryData<string, int, PinAssignment[]> BadBreakers() => new()
    {
        { "needs both coils", 50, new[] { OpenCoil } },
        { "needs both coils", 50, new[] { CloseCoil, Feedback } },
        { "BreakerFeedback without the breaker's coils", 0, new[] { Feedback } },
        { "pulse width without the breaker's coils", 50, new PinAssignment[0] },
        { "coil pulse must be 1..1000 ms", 0, new[] { OpenCoil, CloseCoil } },
        { "coil pulse must be 1..1000 ms", 1001, new[] { OpenCoil, CloseCoil } },
        { "BreakerOpenCoil must be an output low at reset", 50, new[] { OnExpander(BoardSignal.BreakerOpenCoil, 5, PinUse.OutputHighAtReset), CloseCoil } },
        { "BreakerCloseCoil must be an output low at reset", 50, new[] { OpenCoil, OnExpander(BoardSignal.BreakerCloseCoil, 6, PinUse.OutputLowAtReset, activeLow: true) } },
        { "BreakerFeedback must be an input read active low", 50, new[] { OpenCoil, CloseCoil, OnExpander(BoardSignal.BreakerFeedback, 13, PinUse.InputInternalPullUp) } },
        { "BreakerCloseCoil on expander pin 5 is already used by BreakerOpenCoil", 50, new[] { OpenCoil, OnExpander(BoardSignal.BreakerCloseCoil, 5, PinUse.OutputLowAtReset) } },
    };

    [Theory]
    [MemberData(nameof(BadBreakers))]
    public void A_breaker_that_breaks_a_rule_is_named(string problem, int pulseMs, PinAssignment[] pins)
    {
        Assert.Contains(problem, Esp32PinRules.FirstProblem(WithBreaker(pulseMs, pins)));
    }

    [Fact]
    public void A_breaker_coil_on_a_gpio_is_checked_against_the_strapping_rules_too()
    {
        // GPIO2 is low at reset (boot-safe for an output low) and may drive a coil; GPIO5 must be high at reset.
        Assert.Null(Esp32PinRules.FirstProblem(WithBreaker(50, Gpio(BoardSignal.BreakerOpenCoil, 2, PinUse.OutputLowAtReset), CloseCoil)));
        Assert.Contains("strapping pin", Esp32PinRules.FirstProblem(WithBreaker(50, Gpio(BoardSignal.BreakerOpenCoil, 5, PinUse.OutputLowAtReset), CloseCoil)));
    }

    [Theory]
    [InlineData(12, PinUse.InputInternalPullUp, false, "strapping pin")]          // MTDI high at reset → 1.8 V flash
    [InlineData(12, PinUse.OutputLowAtReset, false, "strapping pin")]             // GPIO12 is never used
    [InlineData(0, PinUse.OutputLowAtReset, false, "strapping pin")]              // GPIO0 low at reset → download mode
    [InlineData(2, PinUse.InputInternalPullUp, true, "strapping pin")]            // GPIO2 pulled up at reset
    [InlineData(5, PinUse.OutputLowAtReset, false, "strapping pin")]
    [InlineData(15, PinUse.InputExternalPull, false, "strapping pin")]
    [InlineData(34, PinUse.OutputLowAtReset, false, "input only")]
    [InlineData(36, PinUse.InputInternalPullUp, true, "no internal pull-up")]
    [InlineData(7, PinUse.InputExternalPull, false, "SPI flash")]
    [InlineData(1, PinUse.OutputLowAtReset, false, "UART0")]
    [InlineData(16, PinUse.OutputLowAtReset, false, "PSRAM")]
    [InlineData(24, PinUse.OutputLowAtReset, false, "no such GPIO")]
    public void Pins_that_break_a_rule_are_named(int gpio, PinUse use, bool activeLow, string reason)
    {
        var problem = Esp32PinRules.FirstProblem(WithPins(true, false, Gpio(BoardSignal.StatusLed, gpio, use, activeLow)));
        Assert.NotNull(problem);
        Assert.Contains("StatusLed on GPIO" + gpio, problem);
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData(0, PinUse.InputExternalPull, true)]   // BOOT button, pulled up
    [InlineData(2, PinUse.OutputLowAtReset, false)]   // LED off at reset
    [InlineData(5, PinUse.OutputHighAtReset, true)]   // chip select idle
    [InlineData(15, PinUse.OutputHighAtReset, true)]
    [InlineData(36, PinUse.InputExternalPull, true)]
    [InlineData(16, PinUse.OutputLowAtReset, false)]  // free on a module without PSRAM
    public void Boot_safe_uses_pass(int gpio, PinUse use, bool activeLow)
    {
        Assert.Null(Esp32PinRules.FirstProblem(WithPins(false, false, Gpio(BoardSignal.StatusLed, gpio, use, activeLow))));
    }

    [Fact]
    public void A_gpio_used_twice_is_named_with_both_signals()
    {
        var problem = Esp32PinRules.FirstProblem(WithPins(false, false,
            Gpio(BoardSignal.S0Output, 32, PinUse.OutputLowAtReset), Gpio(BoardSignal.Relay1, 32, PinUse.OutputLowAtReset)));
        Assert.Equal("Relay1 on GPIO32 is already used by S0Output", problem);
    }

    [Fact]
    public void Expander_pins_need_an_expander_and_a_pin_0_to_15()
    {
        var onExpander = new PinAssignment(BoardSignal.Relay1, PinHost.Expander, 3, PinUse.OutputLowAtReset, false, "");
        Assert.Contains("expander the board does not fit", Esp32PinRules.FirstProblem(WithPins(false, false, onExpander)));
        Assert.Null(Esp32PinRules.FirstProblem(WithPins(false, true, onExpander)));
        var beyond = new PinAssignment(BoardSignal.Relay1, PinHost.Expander, 16, PinUse.OutputLowAtReset, false, "");
        Assert.Contains("0..15", Esp32PinRules.FirstProblem(WithPins(false, true, beyond)));
    }

    [Fact]
    public void Spi_clocks_above_a_chips_maximum_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpiChip(5, 3_000_000, BoardCatalog.Ade7880MaxClockHz));
    }
}
