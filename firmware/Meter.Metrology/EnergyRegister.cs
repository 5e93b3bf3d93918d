namespace Meter.Metrology
{
    /// <summary>
    /// The directional energy registers kept per phase and in total. Reactive registers hold
    /// <b>fundamental</b> reactive energy only: the ADE7880 measures no total var-hours
    /// (ADE7880 data sheet, energy register map 0xE400–0xE40E: only xFVARHR exists).
    /// Quadrants follow the IEC 62053-23 four-quadrant diagram (IEC 62056-61 OBIS C = 5…8):
    /// I = import active + import reactive (inductive), II = export active + import reactive,
    /// III = export active + export reactive, IV = import active + export reactive.
    /// </summary>
    public enum EnergyRegister
    {
        /// <summary>A+ active energy import (OBIS C = 1).</summary>
        ActiveImport = 0,

        /// <summary>A− active energy export (OBIS C = 2).</summary>
        ActiveExport = 1,

        /// <summary>R+ fundamental reactive energy import = R1 + R2 (OBIS C = 3).</summary>
        ReactiveImport = 2,

        /// <summary>R− fundamental reactive energy export = R3 + R4 (OBIS C = 4).</summary>
        ReactiveExport = 3,

        /// <summary>R1 fundamental reactive energy in quadrant I (OBIS C = 5).</summary>
        ReactiveQuadrant1 = 4,

        /// <summary>R2 fundamental reactive energy in quadrant II (OBIS C = 6).</summary>
        ReactiveQuadrant2 = 5,

        /// <summary>R3 fundamental reactive energy in quadrant III (OBIS C = 7).</summary>
        ReactiveQuadrant3 = 6,

        /// <summary>R4 fundamental reactive energy in quadrant IV (OBIS C = 8).</summary>
        ReactiveQuadrant4 = 7,

        /// <summary>E+ apparent energy while active power is imported (OBIS C = 9).</summary>
        ApparentImport = 8,

        /// <summary>E− apparent energy while active power is exported (OBIS C = 10).</summary>
        ApparentExport = 9,
    }
}
