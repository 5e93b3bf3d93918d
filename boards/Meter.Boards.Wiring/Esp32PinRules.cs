using Meter.Boards;

namespace Meter.Boards.Wiring
{
    /// <summary>
    /// Checks a board's ESP32 pins against the chip's rules (ESP32 Series Datasheet v4.x,
    /// "Strapping Pins" and "Pin Description"; ESP32-WROVER-E datasheet, "Pin Definitions"):
    /// <list type="bullet">
    /// <item>GPIO6–11 belong to the module's SPI flash; GPIO1/3 are UART0, which nanoFramework
    /// uses for deployment and debugging; on PSRAM (WROVER) modules GPIO16/17 belong to the PSRAM.</item>
    /// <item>GPIO34–39 are input only and have no internal pull resistors.</item>
    /// <item>Strapping pins are sampled at reset: GPIO0 must be high (low = download mode),
    /// GPIO2 low or floating, GPIO5 and GPIO15 high by default, GPIO12 (MTDI) low or the flash
    /// is powered at 1.8 V. Such a pin may only carry a signal whose level at reset is the
    /// strapping default: GPIO0 an input pulled up (a button that enters the download mode if
    /// held at power-up), GPIO2 an output low at reset, GPIO5/15 an output high at reset
    /// (a chip select). GPIO12 is not used.</item>
    /// </list>
    /// Expander pins are checked for range and duplicates only. Then the breaker's rows (<see cref="BreakerPinRules"/>).
    /// </summary>
    public static class Esp32PinRules
    {
        /// <summary>Highest ESP32 GPIO number.</summary>
        public const int MaxGpio = 39;

        /// <summary>
        /// The first broken rule, as a sentence naming the signal and the pin, or null when the
        /// board respects every rule.
        /// </summary>
        public static string FirstProblem(BoardDefinition board)
        {
            if (board == null) throw new System.ArgumentNullException("board");
            for (int i = 0; i < board.PinCount; i++)
            {
                PinAssignment pin = board.PinAt(i);
                string problem = Check(pin, board.ModuleHasPsram);
                if (problem != null) return problem;
                for (int j = 0; j < i; j++)
                {
                    PinAssignment other = board.PinAt(j);
                    if (other.Host == pin.Host && other.Number == pin.Number && pin.Host != PinHost.None)
                        return Describe(pin) + " is already used by " + SignalName(other.Signal);
                    if (other.Signal == pin.Signal)
                        return SignalName(pin.Signal) + " is assigned twice";
                }
            }
            if (board.Expander == null)
                for (int i = 0; i < board.PinCount; i++)
                    if (board.PinAt(i).Host == PinHost.Expander)
                        return Describe(board.PinAt(i)) + " is on an expander the board does not fit";
            return BreakerPinRules.FirstProblem(board);
        }

        /// <summary><c>true</c> for pins sampled at reset (GPIO0, 2, 5, 12, 15).</summary>
        public static bool IsStrapping(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
        }

        /// <summary><c>true</c> for GPIO34–39 (input only, no pull resistors).</summary>
        public static bool IsInputOnly(int gpio)
        {
            return gpio >= 34 && gpio <= MaxGpio;
        }

        private static string Check(PinAssignment pin, bool psram)
        {
            if (pin.Host == PinHost.Expander)
            {
                if (pin.Number < 0 || pin.Number > 15) return Describe(pin) + ": MCP23S17 pins are 0..15";
                if (pin.Use == PinUse.Peripheral) return Describe(pin) + ": the expander has no peripherals";
                return null;
            }
            if (pin.Host != PinHost.Esp32Gpio) return null;
            int gpio = pin.Number;
            // ESP32 GPIOs: 0-19, 21-23, 25-27, 32-39.
            if (gpio < 0 || gpio > MaxGpio || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31))
                return Describe(pin) + ": the ESP32 has no such GPIO";
            if (gpio >= 6 && gpio <= 11) return Describe(pin) + ": GPIO6-11 are the module's SPI flash";
            if (gpio == 1 || gpio == 3) return Describe(pin) + ": GPIO1/3 are UART0, used by nanoFramework for deployment and debugging";
            if (psram && (gpio == 16 || gpio == 17)) return Describe(pin) + ": GPIO16/17 are the PSRAM on WROVER modules";
            if (IsInputOnly(gpio))
            {
                if (pin.IsOutput) return Describe(pin) + ": GPIO34-39 are input only";
                if (pin.Use == PinUse.InputInternalPullUp) return Describe(pin) + ": GPIO34-39 have no internal pull-up; fit a resistor (InputExternalPull)";
                if (pin.Use == PinUse.Peripheral && pin.Signal != BoardSignal.SpiMiso && pin.Signal != BoardSignal.OpticalRx
                    && pin.Signal != BoardSignal.ModuleRx)
                    return Describe(pin) + ": GPIO34-39 can only carry a peripheral input";
            }
            if (IsStrapping(gpio))
            {
                bool bootSafe =
                    (gpio == 0 && (pin.Use == PinUse.InputInternalPullUp || pin.Use == PinUse.InputExternalPull) && pin.ActiveLow) ||
                    (gpio == 2 && pin.Use == PinUse.OutputLowAtReset) ||
                    ((gpio == 5 || gpio == 15) && pin.Use == PinUse.OutputHighAtReset);
                if (!bootSafe) return Describe(pin) + ": strapping pin used with a level at reset that would change how the ESP32 boots";
            }
            return null;
        }

        private static string Describe(PinAssignment pin)
        {
            string where = pin.Host == PinHost.Expander ? "expander pin " : "GPIO";
            return SignalName(pin.Signal) + " on " + where + NumberText(pin.Number);
        }

        /// <summary>The signal's enum name (nanoFramework's enum ToString gives the number, so names are spelled out here for messages).</summary>
        public static string SignalName(BoardSignal signal)
        {
            switch (signal)
            {
                case BoardSignal.SpiClock: return "SpiClock";
                case BoardSignal.SpiMiso: return "SpiMiso";
                case BoardSignal.SpiMosi: return "SpiMosi";
                case BoardSignal.Ade7880ChipSelect: return "Ade7880ChipSelect";
                case BoardSignal.FramChipSelect: return "FramChipSelect";
                case BoardSignal.RtcChipSelect: return "RtcChipSelect";
                case BoardSignal.ExpanderChipSelect: return "ExpanderChipSelect";
                case BoardSignal.Ade7880Irq0: return "Ade7880Irq0";
                case BoardSignal.Ade7880Irq1: return "Ade7880Irq1";
                case BoardSignal.Ade7880Reset: return "Ade7880Reset";
                case BoardSignal.Ade7880Pm0: return "Ade7880Pm0";
                case BoardSignal.Ade7880Pm1: return "Ade7880Pm1";
                case BoardSignal.S0Output: return "S0Output";
                case BoardSignal.StatusLed: return "StatusLed";
                case BoardSignal.PushButton: return "PushButton";
                case BoardSignal.SealSwitch: return "SealSwitch";
                case BoardSignal.TerminalCoverSwitch: return "TerminalCoverSwitch";
                case BoardSignal.MagneticSensor: return "MagneticSensor";
                case BoardSignal.MainsFail: return "MainsFail";
                case BoardSignal.TariffInput1: return "TariffInput1";
                case BoardSignal.TariffInput2: return "TariffInput2";
                case BoardSignal.Relay1: return "Relay1";
                case BoardSignal.Relay2: return "Relay2";
                case BoardSignal.BreakerOpenCoil: return "BreakerOpenCoil";
                case BoardSignal.BreakerCloseCoil: return "BreakerCloseCoil";
                case BoardSignal.BreakerFeedback: return "BreakerFeedback";
                case BoardSignal.OpticalTx: return "OpticalTx";
                case BoardSignal.OpticalRx: return "OpticalRx";
                case BoardSignal.ModuleTx: return "ModuleTx";
                case BoardSignal.ModuleRx: return "ModuleRx";
                case BoardSignal.LcdChipSelect: return "LcdChipSelect";
                case BoardSignal.LcdWrite: return "LcdWrite";
                case BoardSignal.LcdData: return "LcdData";
                case BoardSignal.LcdChipSelect2: return "LcdChipSelect2";
                case BoardSignal.LcdRegisterSelect: return "LcdRegisterSelect";
                case BoardSignal.LcdEnable: return "LcdEnable";
                case BoardSignal.LcdData4: return "LcdData4";
                case BoardSignal.LcdData5: return "LcdData5";
                case BoardSignal.LcdData6: return "LcdData6";
                case BoardSignal.LcdData7: return "LcdData7";
                default: return "signal";
            }
        }

        private static string NumberText(int value)
        {
            // Small non-negative numbers only (pins); avoids Int32.ToString for the device build.
            if (value < 0) return "-" + NumberText(-value);
            if (value < 10) return DigitText(value);
            return NumberText(value / 10) + DigitText(value % 10);
        }

        private static string DigitText(int digit)
        {
            return "0123456789".Substring(digit, 1);
        }
    }
}
