namespace Meter.Hal.Ds3234
{
    /// <summary>Bit masks of the DS3234 registers the driver uses (DS3234 data sheet, register descriptions).</summary>
    internal static class Ds3234Bits
    {
        /// <summary>First byte of a frame: bit 7 set addresses a write, clear a read.</summary>
        public const byte WriteFlag = 0x80;

        /// <summary>Hours register bit 6: 1 = 12-hour mode, 0 = 24-hour mode.</summary>
        public const byte TwelveHourMode = 0x40;

        /// <summary>Hours register bit 5 in 12-hour mode: 1 = PM.</summary>
        public const byte Pm = 0x20;

        /// <summary>Month register bit 7: century, toggled when the year register overflows 99 → 00.</summary>
        public const byte Century = 0x80;

        /// <summary>Control bit 7, EOSC (active low): 1 stops the oscillator when running on the backup supply.</summary>
        public const byte EnableOscillatorN = 0x80;

        /// <summary>Control bit 5, CONV: starts a temperature conversion, which also applies a new aging offset.</summary>
        public const byte Convert = 0x20;

        /// <summary>Control/Status bit 7, OSF: the oscillator stopped since this bit was last cleared.</summary>
        public const byte OscillatorStopFlag = 0x80;

        /// <summary>Control/Status bit 2, BSY: a temperature conversion is running.</summary>
        public const byte Busy = 0x04;
    }
}
