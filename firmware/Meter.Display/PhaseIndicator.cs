namespace Meter.Display
{
    /// <summary>
    /// What a phase (mains) indicator shows. Kamstrup 382 data sheet, "Mains voltage reading":
    /// on when voltage and current are above cut-off, flashing when the voltage is above
    /// cut-off but the current is below, off without voltage.
    /// </summary>
    public enum PhaseIndicator
    {
        /// <summary>No voltage on the phase.</summary>
        Off,
        /// <summary>Voltage present, current below the cut-off: the indicator flashes.</summary>
        Flashing,
        /// <summary>Voltage present and current above the cut-off.</summary>
        On,
    }
}
