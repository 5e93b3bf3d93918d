namespace Meter.Hal
{
    /// <summary>
    /// The calibration values every metering chip of the class has per phase, by meaning, not by register
    /// (the numbers are the meter's OBIS calibration kinds 1-0:128.kind.phase). Values are in the chip's
    /// own register units; <see cref="IMeteringChip.CheckCalibration"/> tells whether one fits.
    /// </summary>
    public static class CalibrationKind
    {
        /// <summary>Voltage gain (ADE7880: xVGAIN).</summary>
        public const int VoltageGain = 1;
        /// <summary>Current gain (ADE7880: xIGAIN).</summary>
        public const int CurrentGain = 2;
        /// <summary>Active power gain (ADE7880: xPGAIN).</summary>
        public const int PowerGain = 3;
        /// <summary>Phase (angle) calibration between voltage and current (ADE7880: xPHCAL).</summary>
        public const int PhaseCalibration = 4;
        /// <summary>Voltage rms offset (ADE7880: xVRMSOS).</summary>
        public const int VoltageRmsOffset = 5;
        /// <summary>Current rms offset (ADE7880: xIRMSOS).</summary>
        public const int CurrentRmsOffset = 6;
        /// <summary>Number of kinds (1 … Count).</summary>
        public const int Count = 6;

        /// <summary>True for 1 … <see cref="Count"/>.</summary>
        public static bool IsDefined(int kind)
        {
            return kind >= 1 && kind <= Count;
        }
    }
}
