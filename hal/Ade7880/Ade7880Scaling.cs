namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Conversions of measurement codes to units, in integer arithmetic. Display and
    /// diagnostics only: energy uses <see cref="EnergyScale"/>.
    /// </summary>
    public static class Ade7880Scaling
    {
        /// <summary>
        /// Rms code of a full-scale sine: 5,326,737 / √2 (ADE7880 data sheet Rev. A,
        /// "Current RMS Calculation" and "Voltage RMS Calculation"; integrator off).
        /// </summary>
        public const long FullScaleRmsCode = 3766572;

        /// <summary>Clock of the period and angle measurements, Hz (data sheet Rev. A, "Period Measurement").</summary>
        public const long PeriodClockHz = 256000;

        /// <summary>Rms code → mV (or mA with the full-scale current).</summary>
        public static long RmsToMilli(int code, int fullScaleMilli)
        {
            return (long)code * fullScaleMilli / FullScaleRmsCode;
        }

        /// <summary>xPERIOD → line frequency in mHz (f = 256 kHz / xPERIOD); 0 for a zero period.</summary>
        public static long PeriodToMillihertz(int period)
        {
            if (period <= 0) return 0;
            return PeriodClockHz * 1000 / period;
        }

        /// <summary>ANGLEx (256 kHz ticks) and xPERIOD → angle in hundredths of a degree.</summary>
        public static long AngleToCentidegrees(int angleTicks, int period)
        {
            if (period <= 0) return 0;
            return (long)angleTicks * 36000 / period;
        }
    }
}
