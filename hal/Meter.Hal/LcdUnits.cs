namespace Meter.Hal
{
    /// <summary>
    /// The unit symbols of the meter glass's unit field, as flags of <see cref="LcdFrame.Units"/>.
    /// A unit is shown by lighting a combination: kWh = <see cref="Kilo"/> | <see cref="Watt"/> |
    /// <see cref="Hour"/>, kvarh = Kilo | Var | Hour, V = <see cref="Volt"/>.
    /// </summary>
    public static class LcdUnits
    {
        /// <summary>No unit (a count, a date, an error code).</summary>
        public const int None = 0;
        /// <summary>Prefix "k".</summary>
        public const int Kilo = 1;
        /// <summary>Prefix "M".</summary>
        public const int Mega = 2;
        /// <summary>"W" (active).</summary>
        public const int Watt = 4;
        /// <summary>"var" (reactive).</summary>
        public const int Var = 8;
        /// <summary>"VA" (apparent).</summary>
        public const int VoltAmpere = 16;
        /// <summary>Suffix "h" (energy).</summary>
        public const int Hour = 32;
        /// <summary>"V" (voltage).</summary>
        public const int Volt = 64;
        /// <summary>"A" (current).</summary>
        public const int Ampere = 128;
        /// <summary>"Hz" (frequency).</summary>
        public const int Hertz = 256;
        /// <summary>"%" (power-quality ratios: THD, unbalance).</summary>
        public const int Percent = 512;
        /// <summary>"m³" (a pulse input counting gas or water volume, order code Z12).</summary>
        public const int CubicMetre = 1024;
        /// <summary>"L" (a pulse input counting litres, order code Z12).</summary>
        public const int Litre = 2048;
        /// <summary>Number of unit symbols (bits 0..Count−1).</summary>
        public const int Count = 12;
        /// <summary>The symbols of the first glass layout (bits 0..8); later ones sit after the status symbols so that no older segment moved.</summary>
        public const int FirstLayoutCount = 9;
    }
}
