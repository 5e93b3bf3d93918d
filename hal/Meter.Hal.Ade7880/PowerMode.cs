namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Power modes selected by the PM1/PM0 pins (ADE7880 data sheet Rev. A, "Power Management":
    /// PSM0 PM1=0 PM0=1, PSM1 0/0, PSM2 1/0, PSM3 1/1).
    /// </summary>
    public enum PowerMode
    {
        /// <summary>PSM0, normal: full metering.</summary>
        Normal = 0,
        /// <summary>PSM1, reduced power: mean absolute current (xIMAV) only.</summary>
        ReducedPower = 1,
        /// <summary>PSM2, low power: current peak comparison against LPOILVL; no serial port.</summary>
        LowPower = 2,
        /// <summary>PSM3, sleep: no serial port.</summary>
        Sleep = 3,
    }
}
