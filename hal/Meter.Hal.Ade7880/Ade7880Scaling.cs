namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The ADE7880's measurement codes against its full-scale inputs: <see cref="Measurement"/> converts
    /// them to units in integer arithmetic. Display and diagnostics only: energy uses <see cref="EnergyScale"/>.
    /// </summary>
    public static class Ade7880Scaling
    {
        /// <summary>
        /// Rms code of a full-scale sine: 5,326,737 / √2 (ADE7880 data sheet Rev. A,
        /// "Current RMS Calculation" and "Voltage RMS Calculation"; integrator off).
        /// </summary>
        public const long FullScaleRmsCode = 3766572;

        /// <summary>Waveform code of a full-scale peak: <see cref="FullScaleRmsCode"/> × √2 (data sheet Rev. A, "Voltage RMS Calculation").</summary>
        public const long FullScalePeakCode = 5326737;

        /// <summary>Clock of the period and angle measurements, Hz (data sheet Rev. A, "Period Measurement").</summary>
        public const long PeriodClockHz = 256000;

        /// <summary>
        /// The instantaneous power registers (xWATT, xVAR, xVA) read PMAX/16 at full-scale inputs
        /// ("AWATT multiplier is 16", docs/ade7880-notes.md §7; the simulated chip models it).
        /// </summary>
        public const long PowerCodeMultiplier = 16;

        /// <summary>The conversions of <see cref="PhaseMeasurements"/> codes to units.</summary>
        public static readonly MeasurementScale Measurement = new MeasurementScale(FullScaleRmsCode, EnergyScale.FullScalePowerCode, PowerCodeMultiplier, PeriodClockHz);
    }
}
