namespace Meter.Obis
{
    /// <summary>
    /// Physical units as enumerated for COSEM scaler_unit (IEC 62056-62:2006 Table 4, the DLMS
    /// UA Blue Book unit list). Only the units an electricity meter uses are named here; the
    /// numeric values are those of the standard so that a DLMS view can reuse them.
    /// </summary>
    public enum ObisUnit : byte
    {
        /// <summary>Year (1).</summary>
        Year = 1,
        /// <summary>Month (2).</summary>
        Month = 2,
        /// <summary>Week (3).</summary>
        Week = 3,
        /// <summary>Day (4).</summary>
        Day = 4,
        /// <summary>Hour (5).</summary>
        Hour = 5,
        /// <summary>Minute (6).</summary>
        Minute = 6,
        /// <summary>Second (7).</summary>
        Second = 7,
        /// <summary>Phase angle in degrees (8).</summary>
        Degree = 8,
        /// <summary>Temperature in degrees Celsius (9).</summary>
        DegreeCelsius = 9,
        /// <summary>Volume, m³ (13; the pulse input's unit m³).</summary>
        CubicMetre = 13,
        /// <summary>Volume, litre (19; the pulse input's unit L).</summary>
        Litre = 19,
        /// <summary>Active power, W (27).</summary>
        Watt = 27,
        /// <summary>Apparent power, VA (28).</summary>
        VoltAmpere = 28,
        /// <summary>Reactive power, var (29).</summary>
        Var = 29,
        /// <summary>Active energy, Wh (30).</summary>
        WattHour = 30,
        /// <summary>Apparent energy, VAh (31).</summary>
        VoltAmpereHour = 31,
        /// <summary>Reactive energy, varh (32).</summary>
        VarHour = 32,
        /// <summary>Current, A (33).</summary>
        Ampere = 33,
        /// <summary>Voltage, V (35).</summary>
        Volt = 35,
        /// <summary>Frequency, Hz (44).</summary>
        Hertz = 44,
        /// <summary>Active meter constant, 1/(Wh) i.e. impulses per Wh (45).</summary>
        PerWattHour = 45,
        /// <summary>Reactive meter constant, 1/(varh) (46).</summary>
        PerVarHour = 46,
        /// <summary>Percentage, % (56).</summary>
        Percent = 56,
        /// <summary>Other unit (254).</summary>
        Other = 254,
        /// <summary>No unit, a count (255).</summary>
        Count = 255,
    }
}
