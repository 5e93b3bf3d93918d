namespace Meter.Boards
{
    /// <summary>How a pin is used electrically; the ESP32 pin rules check it against the pin.</summary>
    public enum PinUse
    {
        /// <summary>Push-pull output that is low from reset until the firmware drives it.</summary>
        OutputLowAtReset,
        /// <summary>Push-pull output that is high from reset (external pull-up), e.g. a chip select.</summary>
        OutputHighAtReset,
        /// <summary>Input with the chip's internal pull-up.</summary>
        InputInternalPullUp,
        /// <summary>Input with a resistor on the board (or driven by a push-pull source).</summary>
        InputExternalPull,
        /// <summary>Pin driven by a peripheral (SPI, UART) through the ESP32 GPIO matrix.</summary>
        Peripheral,
    }
}
