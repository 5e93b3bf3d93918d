using Meter.Hal;
using Meter.Hal.Ade7880;
using Meter.Hal.Device;
using Meter.Hal.Ds3234;
using Meter.Hal.Fram;
using Meter.Hal.Lcd;
using Meter.Hal.Mcp23xxx;

namespace Meter.Boards.Wiring
{
    /// <summary>
    /// Opens everything a <see cref="BoardDefinition"/> describes, in a safe order, and builds the
    /// chip drivers on it: the metering chip (ADE7880), the RTC, the NV memory, the optical link, the HT1621,
    /// the I/O expander and the bistable breaker; the LCD the board's <see cref="LcdKind"/> names. The board's pins are checked
    /// against the ESP32's rules (<see cref="Esp32PinRules"/>) first. The app (firmware/Meter.App) and the
    /// device tests use it on the board; host tests drive it through a recording <see cref="IBoardIo"/>.
    /// </summary>
    public sealed class BoardHardware
    {
        /// <summary>Optical port rate at start-up: IEC 62056-21:2002 clause 6, initial 300 Bd.</summary>
        public const int OpticalInitialBaud = 300;
        /// <summary>The module UART's rate until the meter sets its own (Meter.Core MeterSettings.ModuleBaud, 9600 by default).</summary>
        public const int ModuleInitialBaud = 9600;

        /// <summary>HT1621 WR half period, µs (its data sheet: WR clock ≥ 3.34 µs period at 3 V).</summary>
        public const int LcdHalfPeriodMicroseconds = 2;

        private readonly BoardDefinition _board;
        private readonly IOutputPin[] _outputs;
        private readonly IInputPin[] _inputs;
        private readonly Mcp23s17 _expander;
        private readonly ISpiDevice _ade7880Spi;
        private readonly Ade7880Driver _meteringChip;
        private readonly IDelay _delay;
        private readonly IRtc _rtc;
        private readonly SpiFram _fram;
        private readonly ISerialLink _optical;
        private readonly ISerialLink _module;
        private readonly Ht1621[] _lcdChips;
        private readonly ILcdPanel _lcd;
        private readonly IBreaker _breaker;

        /// <summary>
        /// Opens <paramref name="board"/> through <paramref name="io"/>: the expander first (it
        /// carries the ADE7880's PM pins on the reference board), then the pins, the SPI chips and
        /// the UART. Chip selects idle high through their pull-ups until the SPI driver owns them. Throws <see cref="System.InvalidOperationException"/>
        /// naming the rule when the board breaks the ESP32's pin rules.
        /// </summary>
        public BoardHardware(BoardDefinition board, IBoardIo io, IDelay delay)
            : this(board, io, delay, delay)
        {
        }

        /// <summary>
        /// As <see cref="BoardHardware(BoardDefinition, IBoardIo, IDelay)"/>, with the HT1621's WR half periods on
        /// <paramref name="lcdDelay"/>: on the device a busy wait (Meter.Hal.Device BusyWaitDelay), since a sleep
        /// rounds each 2 µs half period up to 1 ms (docs/timing-budget.md).
        /// </summary>
        public BoardHardware(BoardDefinition board, IBoardIo io, IDelay delay, IDelay lcdDelay)
        {
            if (lcdDelay == null) throw new System.ArgumentNullException("lcdDelay");
            if (board == null) throw new System.ArgumentNullException("board");
            if (io == null) throw new System.ArgumentNullException("io");
            if (delay == null) throw new System.ArgumentNullException("delay");
            string problem = Esp32PinRules.FirstProblem(board);
            if (problem != null) throw new System.InvalidOperationException(problem);
            _board = board;
            _delay = delay;
            int signals = (int)BoardSignal.LcdData7 + 1; // BoardSignal's last member
            _outputs = new IOutputPin[signals];
            _inputs = new IInputPin[signals];

            // The expander comes first: it carries the ADE7880's PM pins on the reference board.
            if (board.Expander != null)
                _expander = new Mcp23s17(io.OpenSpi(board.SpiBusId, board.Expander.ChipSelectGpio, board.Expander.ClockHz));

            for (int i = 0; i < board.PinCount; i++)
            {
                PinAssignment pin = board.PinAt(i);
                if (pin.Use == PinUse.Peripheral || IsChipSelect(pin.Signal)) continue; // SPI/UART own theirs
                int index = (int)pin.Signal;
                if (pin.IsOutput)
                {
                    bool initialHigh = pin.Use == PinUse.OutputHighAtReset;
                    _outputs[index] = pin.Host == PinHost.Expander
                        ? _expander.OpenOutput(pin.Number, initialHigh)
                        : io.OpenOutput(pin.Number, initialHigh);
                }
                else if (pin.IsInput)
                {
                    bool pullUp = pin.Use == PinUse.InputInternalPullUp;
                    _inputs[index] = pin.Host == PinHost.Expander
                        ? (IInputPin)_expander.OpenInput(pin.Number, pullUp)
                        : io.OpenInput(pin.Number, pullUp);
                }
            }

            // Everything the ADE7880 driver needs must be there before anything else is opened.
            RequireOutput(BoardSignal.Ade7880Reset);
            RequireOutput(BoardSignal.Ade7880Pm0);
            RequireOutput(BoardSignal.Ade7880Pm1);
            RequireInput(BoardSignal.Ade7880Irq0);
            RequireInput(BoardSignal.Ade7880Irq1);
            _ade7880Spi = io.OpenSpi(board.SpiBusId, board.Ade7880.ChipSelectGpio, board.Ade7880.ClockHz);
            _meteringChip = new Ade7880Driver(_ade7880Spi, Output(BoardSignal.Ade7880Reset), Output(BoardSignal.Ade7880Pm0),
                Output(BoardSignal.Ade7880Pm1), Input(BoardSignal.Ade7880Irq0), Input(BoardSignal.Ade7880Irq1), delay);

            if (board.Rtc != null)
                _rtc = new Ds3234Rtc(io.OpenSpi(board.SpiBusId, board.Rtc.ChipSelectGpio, board.Rtc.ClockHz));
            if (board.Fram != null && board.NvMemory != null)
                _fram = new SpiFram(io.OpenSpi(board.SpiBusId, board.Fram.ChipSelectGpio, board.Fram.ClockHz), board.NvMemory.SizeBytes);
            if (board.OpticalUart != null)
                _optical = new SoftwareParitySerialLink(io.OpenUart(board.OpticalUart, OpticalInitialBaud));
            if (board.ModuleUart != null)
            {
                // 8N1 bytes as they are (the same link as the optical port's, in its 8-bit format); the meter sets the rate.
                SoftwareParitySerialLink module = new SoftwareParitySerialLink(io.OpenUart(board.ModuleUart, ModuleInitialBaud));
                module.CharacterFormat = SerialCharacterFormat.EightNoneOne;
                _module = module;
            }
            // The bistable breaker (the rules checked both coils, low at reset); its feedback sampled as the tamper inputs are.
            if (board.Find(BoardSignal.BreakerOpenCoil) != null)
                _breaker = new BistableBreaker(RequireOutput(BoardSignal.BreakerOpenCoil), RequireOutput(BoardSignal.BreakerCloseCoil),
                    SampledInput(BoardSignal.BreakerFeedback), board.BreakerPulseMilliseconds);
            if (board.Lcd == LcdKind.Ht1621Segment)
            {
                // The reference glass: two HT1621 sharing WR and DATA, one CS each (hal/Meter.Hal.Lcd SegmentGlass.Reference).
                IOutputPin write = RequireOutput(BoardSignal.LcdWrite);
                IOutputPin data = RequireOutput(BoardSignal.LcdData);
                _lcdChips = new Ht1621[]
                {
                    new Ht1621(RequireOutput(BoardSignal.LcdChipSelect), write, data, lcdDelay, LcdHalfPeriodMicroseconds),
                    new Ht1621(RequireOutput(BoardSignal.LcdChipSelect2), write, data, lcdDelay, LcdHalfPeriodMicroseconds),
                };
                _lcd = new SegmentLcdPanel(_lcdChips, SegmentGlass.Reference());
            }
            else if (board.Lcd == LcdKind.Hd44780Character16x2 || board.Lcd == LcdKind.Hd44780Character20x4)
            {
                // 4-bit interface; the panel initialises the controller with its first frame.
                Hd44780 controller = new Hd44780(RequireOutput(BoardSignal.LcdRegisterSelect), RequireOutput(BoardSignal.LcdEnable),
                    RequireOutput(BoardSignal.LcdData4), RequireOutput(BoardSignal.LcdData5),
                    RequireOutput(BoardSignal.LcdData6), RequireOutput(BoardSignal.LcdData7), delay);
                _lcd = board.Lcd == LcdKind.Hd44780Character16x2
                    ? new CharacterLcdPanel(controller, 16, 2)
                    : new CharacterLcdPanel(controller, 20, 4);
            }
        }

        /// <summary>The board this hardware was opened from.</summary>
        public BoardDefinition Board { get { return _board; } }
        /// <summary>The metering chip's driver (nothing sent before its Start).</summary>
        public Ade7880Driver MeteringChip { get { return _meteringChip; } }
        /// <summary>The ADE7880's SPI device (mode 3, at most 2.5 MHz), for diagnostics beside <see cref="MeteringChip"/>.</summary>
        public ISpiDevice Ade7880Spi { get { return _ade7880Spi; } }
        /// <summary>The delay the drivers wait with.</summary>
        public IDelay Delay { get { return _delay; } }
        /// <summary>The RTC, or null.</summary>
        public IRtc Rtc { get { return _rtc; } }
        /// <summary>The NV memory, or null.</summary>
        public INvMemory NvMemory { get { return _fram; } }
        /// <summary>The FRAM driver (device ID check), or null.</summary>
        public SpiFram Fram { get { return _fram; } }
        /// <summary>The optical port link (7E1, 300 Bd), or null.</summary>
        public ISerialLink Optical { get { return _optical; } }

        /// <summary>The module UART, 8N1 (null when the board has none).</summary>
        public ISerialLink Module { get { return _module; } }
        /// <summary>The display (segment glass behind two HT1621, or an HD44780 character module), or null.</summary>
        public ILcdPanel Lcd { get { return _lcd; } }
        /// <summary>The HT1621 controllers (initialise them before the first frame), or null.</summary>
        public Ht1621[] LcdChips { get { return _lcdChips; } }
        /// <summary>The bistable breaker over the board's coils and feedback, or null when the board has none.</summary>
        public IBreaker Breaker { get { return _breaker; } }
        /// <summary>The I/O expander, or null; call its Poll from the metering tick.</summary>
        public Mcp23s17 Expander { get { return _expander; } }

        /// <summary>The output pin of <paramref name="signal"/>, or null when the board does not fit it.</summary>
        public IOutputPin Output(BoardSignal signal)
        {
            return _outputs[(int)signal];
        }

        /// <summary>The input pin of <paramref name="signal"/>, or null when the board does not fit it.</summary>
        public IInputPin Input(BoardSignal signal)
        {
            return _inputs[(int)signal];
        }

        /// <summary>
        /// The input of <paramref name="signal"/> for a meter that samples it every tick (tamper and
        /// tariff inputs), or null when the board does not fit it: an expander input as a
        /// <see cref="PolledInputPin"/> (its level from <see cref="PollSlowInputs"/>, no SPI transfer
        /// a read), a GPIO as it is. The meter reads these active low (BoardSignal); a board that
        /// wires one active high is refused here rather than read inverted.
        /// </summary>
        public IInputPin SampledInput(BoardSignal signal)
        {
            IInputPin pin = _inputs[(int)signal];
            if (pin == null) return null;
            PinAssignment assignment = _board.Find(signal);
            if (!assignment.ActiveLow) throw new System.InvalidOperationException("the meter reads this input active low: " + Esp32PinRules.SignalName(signal));
            return assignment.Host == PinHost.Expander ? new PolledInputPin(pin) : pin;
        }

        /// <summary>Reads the expander's inputs and raises their events (no-op without an expander).</summary>
        public void PollSlowInputs()
        {
            if (_expander != null) _expander.Poll();
        }

        private IOutputPin RequireOutput(BoardSignal signal)
        {
            IOutputPin pin = _outputs[(int)signal];
            if (pin == null) throw new System.InvalidOperationException("board definition lacks an output the hardware needs: " + Esp32PinRules.SignalName(signal));
            return pin;
        }

        private IInputPin RequireInput(BoardSignal signal)
        {
            IInputPin pin = _inputs[(int)signal];
            if (pin == null) throw new System.InvalidOperationException("board definition lacks an input the hardware needs: " + Esp32PinRules.SignalName(signal));
            return pin;
        }

        private static bool IsChipSelect(BoardSignal signal)
        {
            // SPI chip selects are driven by the SPI driver (SpiConnectionSettings.ChipSelectLine).
            return signal == BoardSignal.Ade7880ChipSelect || signal == BoardSignal.FramChipSelect ||
                   signal == BoardSignal.RtcChipSelect || signal == BoardSignal.ExpanderChipSelect;
        }
    }
}
