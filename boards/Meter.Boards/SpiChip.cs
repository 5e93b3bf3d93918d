namespace Meter.Boards
{
    /// <summary>One chip on the board's SPI bus: its chip-select GPIO and clock.</summary>
    public sealed class SpiChip
    {
        /// <summary>A chip selected by <paramref name="chipSelectGpio"/>, clocked at <paramref name="clockHz"/>.</summary>
        public SpiChip(int chipSelectGpio, int clockHz, int maxClockHz)
        {
            if (clockHz <= 0 || clockHz > maxClockHz)
                throw new System.ArgumentOutOfRangeException("clockHz", "SPI clock above the chip's maximum");
            ChipSelectGpio = chipSelectGpio;
            ClockHz = clockHz;
            MaxClockHz = maxClockHz;
        }

        /// <summary>Chip-select GPIO (also the ChipSelectLine of System.Device.Spi's settings).</summary>
        public int ChipSelectGpio { get; }
        /// <summary>SCLK used for this chip, Hz.</summary>
        public int ClockHz { get; }
        /// <summary>The chip's maximum SCLK, Hz (from its data sheet).</summary>
        public int MaxClockHz { get; }
    }
}
