namespace Meter.Boards
{
    /// <summary>Where a signal's pin is.</summary>
    public enum PinHost
    {
        /// <summary>The signal is not fitted on this board.</summary>
        None,
        /// <summary>An ESP32 GPIO (number = GPIO number).</summary>
        Esp32Gpio,
        /// <summary>An MCP23S17 expander pin on the SPI bus (number 0..7 = GPA0..7, 8..15 = GPB0..7).</summary>
        Expander,
    }
}
