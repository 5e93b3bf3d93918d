namespace Meter.Boards
{
    /// <summary>
    /// The boards nf.config names (boards/README.md has their tables). Clocks: ADE7880 SPI at
    /// most 2.5 MHz (ADE7880 data sheet Rev. C, SPI timing, fSCLK), DS3234 4 MHz (DS3234 data
    /// sheet, tCLK ≥ 250 ns), MB85RS2MT 40 MHz, MCP23S17 10 MHz (MCP23S17 data sheet, SPI timing).
    /// </summary>
    public static class BoardCatalog
    {
        /// <summary>Names accepted by <see cref="ByName"/> (same list as tools/Deploy's nf.config reader).</summary>
        public static readonly string[] Names = new string[] { "reference", "devkitc-eval-ade7880", "devkitc-eval-ade7880-lcd" };

        /// <summary>ADE7880 maximum SPI clock, Hz.</summary>
        public const int Ade7880MaxClockHz = 2500000;
        /// <summary>DS3234 maximum SPI clock, Hz.</summary>
        public const int Ds3234MaxClockHz = 4000000;
        /// <summary>MB85RS2MT maximum SPI clock, Hz.</summary>
        public const int FramMaxClockHz = 40000000;
        /// <summary>MCP23S17 maximum SPI clock, Hz.</summary>
        public const int ExpanderMaxClockHz = 10000000;

        /// <summary>Coil pulse of the reference board's latching breaker relay, ms: an assumption until a relay part is
        /// chosen (meter latching relays switch in some ten ms; check the fitted relay's rated pulse).</summary>
        public const int ReferenceBreakerPulseMilliseconds = 50;

        /// <summary>
        /// The project's metering board: ESP32-WROVER-E, ADE7880, MB85RS2MT FRAM, DS3234 RTC,
        /// MCP23S17 for the slow I/O, two HT1621 driving the segment glass, IEC 62056-21 optical head,
        /// a UART for a communication module (COM3). The ESP32 has no GPIO left for the module UART, so two slow
        /// signals moved to the expander's free pins: the seal switch (read each tick like the other switches) to GPB4
        /// and the second HT1621's CS (toggled once per LCD write, not the bit clock) to GPA4; the freed GPIO26 and GPIO27
        /// are plain I/O pins (no strapping, not input-only), RX and TX of the module.
        /// </summary>
        public static BoardDefinition Reference()
        {
            PinAssignment[] pins = new PinAssignment[]
            {
                Gpio(BoardSignal.SpiClock, 18, PinUse.Peripheral, false, "SPI1 SCLK (idles high, mode 3)"),
                Gpio(BoardSignal.SpiMiso, 19, PinUse.Peripheral, false, "SPI1 MISO"),
                Gpio(BoardSignal.SpiMosi, 23, PinUse.Peripheral, false, "SPI1 MOSI"),
                Gpio(BoardSignal.Ade7880ChipSelect, 5, PinUse.OutputHighAtReset, true, "strapping pin, high at reset = CS idle"),
                Gpio(BoardSignal.FramChipSelect, 15, PinUse.OutputHighAtReset, true, "strapping pin, high at reset = CS idle"),
                Gpio(BoardSignal.RtcChipSelect, 4, PinUse.OutputHighAtReset, true, "10 k pull-up"),
                Gpio(BoardSignal.ExpanderChipSelect, 13, PinUse.OutputHighAtReset, true, "10 k pull-up"),
                Gpio(BoardSignal.Ade7880Irq0, 34, PinUse.InputExternalPull, true, "input only, 10 k pull-up"),
                Gpio(BoardSignal.Ade7880Irq1, 35, PinUse.InputExternalPull, true, "input only, 10 k pull-up"),
                Gpio(BoardSignal.Ade7880Reset, 25, PinUse.OutputHighAtReset, true, "10 k pull-up: ADE7880 runs until the firmware resets it"),
                Gpio(BoardSignal.S0Output, 32, PinUse.OutputLowAtReset, false, "optocoupler LED, 10 k pull-down"),
                Gpio(BoardSignal.StatusLed, 2, PinUse.OutputLowAtReset, false, "strapping pin, low at reset = LED off"),
                Gpio(BoardSignal.PushButton, 0, PinUse.InputExternalPull, true, "strapping pin, 10 k pull-up; held at power-up = ROM download mode"),
                Gpio(BoardSignal.MainsFail, 39, PinUse.InputExternalPull, true, "input only; comparator on the DC bus, 10 k pull-up"),
                Gpio(BoardSignal.OpticalTx, 14, PinUse.Peripheral, false, "COM2 TX, IR LED driver"),
                Gpio(BoardSignal.OpticalRx, 36, PinUse.Peripheral, false, "COM2 RX, input only, phototransistor with 10 k pull-up"),
                Gpio(BoardSignal.LcdChipSelect, 21, PinUse.OutputHighAtReset, true, "HT1621 #1 CS, 10 k pull-up"),
                Gpio(BoardSignal.ModuleTx, 27, PinUse.Peripheral, false, "COM3 TX to the communication module"),
                Gpio(BoardSignal.ModuleRx, 26, PinUse.Peripheral, false, "COM3 RX from the communication module"),
                Gpio(BoardSignal.LcdWrite, 22, PinUse.OutputHighAtReset, false, "HT1621 WR, both controllers"),
                Gpio(BoardSignal.LcdData, 33, PinUse.OutputLowAtReset, false, "HT1621 DATA, both controllers"),
                Expander(BoardSignal.Ade7880Pm0, 0, PinUse.OutputHighAtReset, false, "GPA0; 10 k pull-up: PSM0 (normal) from reset"),
                Expander(BoardSignal.Ade7880Pm1, 1, PinUse.OutputLowAtReset, false, "GPA1; 10 k pull-down"),
                Expander(BoardSignal.Relay1, 2, PinUse.OutputLowAtReset, false, "GPA2; ULN2003 input, 10 k pull-down"),
                Expander(BoardSignal.Relay2, 3, PinUse.OutputLowAtReset, false, "GPA3; ULN2003 input, 10 k pull-down"),
                Expander(BoardSignal.LcdChipSelect2, 4, PinUse.OutputHighAtReset, true, "GPA4; HT1621 #2 CS, 10 k pull-up"),
                Expander(BoardSignal.BreakerOpenCoil, 5, PinUse.OutputLowAtReset, false, "GPA5; ULN2003 input, 10 k pull-down: coil off at reset"),
                Expander(BoardSignal.BreakerCloseCoil, 6, PinUse.OutputLowAtReset, false, "GPA6; ULN2003 input, 10 k pull-down: coil off at reset"),
                Expander(BoardSignal.TariffInput1, 8, PinUse.InputInternalPullUp, true, "GPB0; optocoupler to GND"),
                Expander(BoardSignal.TariffInput2, 9, PinUse.InputInternalPullUp, true, "GPB1; optocoupler to GND"),
                Expander(BoardSignal.MagneticSensor, 10, PinUse.InputInternalPullUp, true, "GPB2; open-drain Hall switch"),
                Expander(BoardSignal.TerminalCoverSwitch, 11, PinUse.InputInternalPullUp, true, "GPB3; switch to GND, closed with the cover on"),
                Expander(BoardSignal.SealSwitch, 12, PinUse.InputInternalPullUp, true, "GPB4; switch to GND behind the seal"),
                Expander(BoardSignal.BreakerFeedback, 13, PinUse.InputInternalPullUp, true, "GPB5; breaker auxiliary contact to GND, low = closed"),
            };
            return new BoardDefinition("reference", "ESP32-WROVER-E", true, 1,
                new SpiChip(5, 2000000, Ade7880MaxClockHz),
                new SpiChip(15, 10000000, FramMaxClockHz),
                new SpiChip(4, 2000000, Ds3234MaxClockHz),
                new SpiChip(13, 2000000, ExpanderMaxClockHz),
                "COM2", "COM3", new NvMemoryPart("MB85RS2MT", 262144), LcdKind.Ht1621Segment, pins)
            {
                BreakerPulseMilliseconds = ReferenceBreakerPulseMilliseconds,
            };
        }

        /// <summary>
        /// An ESP32-DevKitC (ESP32-WROOM-32E, no PSRAM) wired to an EVAL-ADE7880 board, with an
        /// MB85RS2MT and a DS3234 breakout on the same SPI bus; no LCD, relays, tariff inputs or tamper switches.
        /// The module UART (COM3): TX on GPIO13 (free, no strapping; GPIO4 is the on-board tests' S0 loop-back wire, GPIO14
        /// pulses at boot), RX on input-only GPIO36 (a UART RX is an input; the module's TX drives it, no pull needed).
        /// </summary>
        public static BoardDefinition DevKitCEvalAde7880()
        {
            PinAssignment[] pins = WithDevKitCEvalAde7880Pins(new PinAssignment[]
            {
                Gpio(BoardSignal.StatusLed, 2, PinUse.OutputLowAtReset, false, "strapping pin; DevKitC clones often have an LED here"),
                Gpio(BoardSignal.SealSwitch, 33, PinUse.InputInternalPullUp, true, "jumper to GND = seal open"),
                Gpio(BoardSignal.ModuleTx, 13, PinUse.Peripheral, false, "COM3 TX to the communication module"),
                Gpio(BoardSignal.ModuleRx, 36, PinUse.Peripheral, false, "COM3 RX from the communication module; input only"),
            });
            return new BoardDefinition("devkitc-eval-ade7880", "ESP32-WROOM-32E", false, 1,
                new SpiChip(5, 1000000, Ade7880MaxClockHz),
                new SpiChip(21, 4000000, FramMaxClockHz),
                new SpiChip(22, 1000000, Ds3234MaxClockHz),
                null, "COM2", "COM3", new NvMemoryPart("MB85RS2MT", 262144), LcdKind.None, pins);
        }

        /// <summary>
        /// <see cref="DevKitCEvalAde7880"/> with a 20×4 HD44780 character LCD (a "2004A" module) on
        /// six GPIOs in 4-bit mode, R/W tied to GND so the LCD never drives the lines (its 5 V
        /// inputs read the ESP32's 3.3 V as high: HD44780U V_IH1 = 2.2 V). Six free GPIOs take two
        /// moves: the status LED's GPIO2 becomes E (low at reset, as the strapping pin needs and as
        /// E must idle), and the seal jumper moves from GPIO33 to input-only GPIO39 with a 10 k
        /// pull-up. GPIO15 (DB6) is high at reset, its strapping default. No module UART: GPIO13 is DB4 here and the
        /// only GPIOs left are GPIO12 (strapping, must stay low at reset) and input-only GPIO36, none for a TX.
        /// </summary>
        public static BoardDefinition DevKitCEvalAde7880Lcd()
        {
            PinAssignment[] pins = WithDevKitCEvalAde7880Pins(new PinAssignment[]
            {
                Gpio(BoardSignal.SealSwitch, 39, PinUse.InputExternalPull, true, "jumper to GND = seal open; input only, 10 k pull-up to 3V3"),
                Gpio(BoardSignal.LcdRegisterSelect, 4, PinUse.OutputLowAtReset, false, "LCD pin 4 RS"),
                Gpio(BoardSignal.LcdEnable, 2, PinUse.OutputLowAtReset, false, "LCD pin 6 E; strapping pin, low at reset"),
                Gpio(BoardSignal.LcdData4, 13, PinUse.OutputLowAtReset, false, "LCD pin 11 DB4"),
                Gpio(BoardSignal.LcdData5, 14, PinUse.OutputLowAtReset, false, "LCD pin 12 DB5"),
                Gpio(BoardSignal.LcdData6, 15, PinUse.OutputHighAtReset, false, "LCD pin 13 DB6; strapping pin, high at reset"),
                Gpio(BoardSignal.LcdData7, 33, PinUse.OutputLowAtReset, false, "LCD pin 14 DB7"),
            });
            return new BoardDefinition("devkitc-eval-ade7880-lcd", "ESP32-WROOM-32E", false, 1,
                new SpiChip(5, 1000000, Ade7880MaxClockHz),
                new SpiChip(21, 4000000, FramMaxClockHz),
                new SpiChip(22, 1000000, Ds3234MaxClockHz),
                null, "COM2", new NvMemoryPart("MB85RS2MT", 262144), LcdKind.Hd44780Character20x4, pins);
        }

        /// <summary>The board called <paramref name="name"/>; throws <see cref="System.ArgumentException"/> naming the known ones otherwise.</summary>
        public static BoardDefinition ByName(string name)
        {
            if (name == "reference") return Reference();
            if (name == "devkitc-eval-ade7880") return DevKitCEvalAde7880();
            if (name == "devkitc-eval-ade7880-lcd") return DevKitCEvalAde7880Lcd();
            throw new System.ArgumentException("unknown board; known: reference, devkitc-eval-ade7880, devkitc-eval-ade7880-lcd", "name");
        }

        /// <summary>The DevKitC ↔ EVAL-ADE7880 rows both DevKitC boards share (SPI, ADE7880, S0, button, optical port), then <paramref name="own"/>.</summary>
        private static PinAssignment[] WithDevKitCEvalAde7880Pins(PinAssignment[] own)
        {
            PinAssignment[] shared = new PinAssignment[]
            {
                Gpio(BoardSignal.SpiClock, 18, PinUse.Peripheral, false, "SPI1 SCLK"),
                Gpio(BoardSignal.SpiMiso, 19, PinUse.Peripheral, false, "SPI1 MISO"),
                Gpio(BoardSignal.SpiMosi, 23, PinUse.Peripheral, false, "SPI1 MOSI"),
                Gpio(BoardSignal.Ade7880ChipSelect, 5, PinUse.OutputHighAtReset, true, "EVAL-ADE7880 SS"),
                Gpio(BoardSignal.FramChipSelect, 21, PinUse.OutputHighAtReset, true, "FRAM breakout CS"),
                Gpio(BoardSignal.RtcChipSelect, 22, PinUse.OutputHighAtReset, true, "DS3234 breakout SS"),
                Gpio(BoardSignal.Ade7880Irq0, 34, PinUse.InputExternalPull, true, "EVAL-ADE7880 IRQ0, 10 k pull-up to 3V3"),
                Gpio(BoardSignal.Ade7880Irq1, 35, PinUse.InputExternalPull, true, "EVAL-ADE7880 IRQ1, 10 k pull-up to 3V3"),
                Gpio(BoardSignal.Ade7880Reset, 25, PinUse.OutputHighAtReset, true, "EVAL-ADE7880 RESET"),
                Gpio(BoardSignal.Ade7880Pm0, 26, PinUse.OutputHighAtReset, false, "EVAL-ADE7880 PM0"),
                Gpio(BoardSignal.Ade7880Pm1, 27, PinUse.OutputLowAtReset, false, "EVAL-ADE7880 PM1"),
                Gpio(BoardSignal.S0Output, 32, PinUse.OutputLowAtReset, false, "LED + 330 Ω, or an optocoupler"),
                Gpio(BoardSignal.PushButton, 0, PinUse.InputExternalPull, true, "the DevKitC BOOT button"),
                Gpio(BoardSignal.OpticalTx, 17, PinUse.Peripheral, false, "COM2 TX to the IR head (or a USB-UART for tests)"),
                Gpio(BoardSignal.OpticalRx, 16, PinUse.Peripheral, false, "COM2 RX from the IR head"),
            };
            PinAssignment[] pins = new PinAssignment[shared.Length + own.Length];
            for (int i = 0; i < shared.Length; i++) pins[i] = shared[i];
            for (int i = 0; i < own.Length; i++) pins[shared.Length + i] = own[i];
            return pins;
        }

        private static PinAssignment Gpio(BoardSignal signal, int gpio, PinUse use, bool activeLow, string note)
        {
            return new PinAssignment(signal, PinHost.Esp32Gpio, gpio, use, activeLow, note);
        }

        private static PinAssignment Expander(BoardSignal signal, int pin, PinUse use, bool activeLow, string note)
        {
            return new PinAssignment(signal, PinHost.Expander, pin, use, activeLow, note);
        }
    }
}
