namespace Meter.Boards
{
    /// <summary>Every signal a meter board may wire, named by what it does.</summary>
    public enum BoardSignal
    {
        /// <summary>SPI clock (shared by the ADE7880, FRAM, RTC and I/O expander).</summary>
        SpiClock,
        /// <summary>SPI data from the chips (MISO).</summary>
        SpiMiso,
        /// <summary>SPI data to the chips (MOSI).</summary>
        SpiMosi,
        /// <summary>ADE7880 chip select (SS, active low).</summary>
        Ade7880ChipSelect,
        /// <summary>FRAM chip select (CS, active low).</summary>
        FramChipSelect,
        /// <summary>DS3234 RTC chip select (SS, active low).</summary>
        RtcChipSelect,
        /// <summary>MCP23S17 I/O expander chip select (CS, active low).</summary>
        ExpanderChipSelect,
        /// <summary>ADE7880 IRQ0 (active low: energy accumulation end, line cycle end …).</summary>
        Ade7880Irq0,
        /// <summary>ADE7880 IRQ1 (active low: RSTDONE, sag, zero-crossing timeout …).</summary>
        Ade7880Irq1,
        /// <summary>ADE7880 RESET (active low).</summary>
        Ade7880Reset,
        /// <summary>ADE7880 PM0 power-mode pin.</summary>
        Ade7880Pm0,
        /// <summary>ADE7880 PM1 power-mode pin.</summary>
        Ade7880Pm1,
        /// <summary>S0 pulse output (IEC 62053-31 class A), drives the optocoupler LED.</summary>
        S0Output,
        /// <summary>Status LED (the metrological LED is the ADE7880's CF1 pin, not a GPIO).</summary>
        StatusLed,
        /// <summary>Push button for the display (active low).</summary>
        PushButton,
        /// <summary>Seal / programming switch behind the sealed cover (active low = programming position: legal data writable).</summary>
        SealSwitch,
        /// <summary>Terminal-cover switch (active low = cover on).</summary>
        TerminalCoverSwitch,
        /// <summary>Magnetic-field sensor (Hall switch, active low = field present).</summary>
        MagneticSensor,
        /// <summary>Mains-fail comparator (active low = supply is failing: save registers now).</summary>
        MainsFail,
        /// <summary>Tariff input 1 (optocoupled, active low = energised).</summary>
        TariffInput1,
        /// <summary>Tariff input 2 (optocoupled, active low = energised).</summary>
        TariffInput2,
        /// <summary>Relay 1 driver (active high = coil on).</summary>
        Relay1,
        /// <summary>Relay 2 driver (active high = coil on).</summary>
        Relay2,
        /// <summary>Bistable breaker: open-coil driver (active high = coil on; off at reset, or the breaker would switch at power-up).</summary>
        BreakerOpenCoil,
        /// <summary>Bistable breaker: close-coil driver (active high = coil on; off at reset).</summary>
        BreakerCloseCoil,
        /// <summary>Bistable breaker position feedback, optional (auxiliary contact to GND, active low = contacts closed).</summary>
        BreakerFeedback,
        /// <summary>Optical port UART TX (IR LED driver).</summary>
        OpticalTx,
        /// <summary>Optical port UART RX (IR phototransistor).</summary>
        OpticalRx,
        /// <summary>Module UART TX (to a communication module: HDLC, IEC 62056-46).</summary>
        ModuleTx,
        /// <summary>Module UART RX (from the communication module).</summary>
        ModuleRx,
        /// <summary>First HT1621 segment LCD controller CS (active low).</summary>
        LcdChipSelect,
        /// <summary>HT1621 WR clock (shared by both controllers).</summary>
        LcdWrite,
        /// <summary>HT1621 DATA (shared by both controllers).</summary>
        LcdData,
        /// <summary>Second HT1621 CS (active low): the reference glass has two controllers sharing WR and DATA.</summary>
        LcdChipSelect2,
        /// <summary>HD44780 character LCD RS (low = instruction, high = data).</summary>
        LcdRegisterSelect,
        /// <summary>HD44780 E: data latched on its falling edge, so it must be low at reset.</summary>
        LcdEnable,
        /// <summary>HD44780 DB4 (4-bit interface; DB0..DB3 unconnected, R/W tied to GND).</summary>
        LcdData4,
        /// <summary>HD44780 DB5.</summary>
        LcdData5,
        /// <summary>HD44780 DB6.</summary>
        LcdData6,
        /// <summary>HD44780 DB7. Keep it the last member: BoardHardware sizes its pin tables by it.</summary>
        LcdData7,
    }
}
