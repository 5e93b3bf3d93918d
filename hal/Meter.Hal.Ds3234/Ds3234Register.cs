namespace Meter.Hal.Ds3234
{
    /// <summary>
    /// DS3234 register addresses (Maxim DS3234 data sheet, "Timekeeping Registers" figure).
    /// Over SPI the first byte of a frame is the address: bit 7 = 0 reads, bit 7 = 1 writes;
    /// further bytes of the same frame auto-increment the address.
    /// </summary>
    internal enum Ds3234Register : byte
    {
        /// <summary>00h Seconds, BCD 00–59.</summary>
        Seconds = 0x00,

        /// <summary>01h Minutes, BCD 00–59.</summary>
        Minutes = 0x01,

        /// <summary>02h Hours: bit 6 selects 12-hour mode; in 24-hour mode bits 5–0 hold BCD 00–23.</summary>
        Hours = 0x02,

        /// <summary>03h Day of week 1–7 (user-defined sequence; this driver uses 1 = Sunday).</summary>
        DayOfWeek = 0x03,

        /// <summary>04h Date (day of month), BCD 01–31.</summary>
        Date = 0x04,

        /// <summary>05h Month, BCD 01–12 in bits 4–0; bit 7 is the century bit.</summary>
        MonthCentury = 0x05,

        /// <summary>06h Year, BCD 00–99.</summary>
        Year = 0x06,

        /// <summary>0Eh Control: EOSC (bit 7, active low), BBSQW, CONV (bit 5), RS2, RS1, INTCN, A2IE, A1IE.</summary>
        Control = 0x0E,

        /// <summary>0Fh Control/Status: OSF (bit 7), BB32kHz, CRATE1, CRATE0, EN32kHz, BSY (bit 2), A2F, A1F.</summary>
        ControlStatus = 0x0F,

        /// <summary>10h Aging offset, two's complement; positive slows the oscillator.</summary>
        AgingOffset = 0x10,

        /// <summary>11h Temperature, integer part (two's complement).</summary>
        TemperatureMsb = 0x11,

        /// <summary>12h Temperature, fraction in bits 7–6 (0.25 °C steps).</summary>
        TemperatureLsb = 0x12,
    }
}
