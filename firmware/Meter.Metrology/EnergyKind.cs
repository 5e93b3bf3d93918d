namespace Meter.Metrology
{
    /// <summary>The three energy quantities a metering cycle delivers per phase.</summary>
    public enum EnergyKind
    {
        /// <summary>Total (fundamental + harmonics) active energy, Wh (ADE7880 xWATTHR).</summary>
        Active = 0,

        /// <summary>
        /// Fundamental reactive energy, varh (ADE7880 xFVARHR). The ADE7880 has no total
        /// (fundamental + harmonic) var-hour register (ADE7880 data sheet, energy register map 0xE400–0xE40E:
        /// 0xE406–0xE408 reserved), so every reactive register of this meter is fundamental only.
        /// </summary>
        Reactive = 1,

        /// <summary>Apparent energy, VAh (ADE7880 xVAHR), never negative.</summary>
        Apparent = 2,
    }
}
