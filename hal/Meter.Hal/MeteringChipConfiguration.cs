namespace Meter.Hal
{
    /// <summary>
    /// What a metering chip is set up with, in terms every chip of the class understands: full-scale
    /// inputs, PGA gains, energy thresholds, voltage sag / over-voltage levels, the test LED and the
    /// per-phase calibration values. The driver maps it to its registers (<see cref="IMeteringChip.Start"/>).
    /// Plain fields and arrays allocated once, so the meter changes it without allocation.
    /// </summary>
    public sealed class MeteringChipConfiguration
    {
        /// <summary>Rms mains voltage that drives the voltage ADC to full scale, mV (board scaling).</summary>
        public int FullScaleVoltageMillivolts;

        /// <summary>Rms mains current that drives the current ADC to full scale, mA (board scaling).</summary>
        public int FullScaleCurrentMilliamps;

        /// <summary>PGA gain of the phase (and neutral) current channels: 1, 2, 4, 8 or 16.</summary>
        public int CurrentPgaGain = 1;

        /// <summary>PGA gain of the voltage channels: 1, 2, 4, 8 or 16.</summary>
        public int VoltagePgaGain = 1;

        /// <summary>Active energy threshold (ADE7880: WTHR): the chip's energy per count grows with it.</summary>
        public int ActiveThreshold = 3;

        /// <summary>Reactive energy threshold (ADE7880: VARTHR).</summary>
        public int ReactiveThreshold = 3;

        /// <summary>Apparent energy threshold (ADE7880: VATHR).</summary>
        public int ApparentThreshold = 3;

        /// <summary>Rms voltage of a sine whose peak is the sag level, mV; 0 = no sag detection level.</summary>
        public int SagLevelMillivolts;

        /// <summary>Half line cycles below the sag level before the chip flags a sag.</summary>
        public int SagHalfCycles;

        /// <summary>Rms voltage of a sine whose peak is the over-voltage level, mV; above full scale (e.g. int.MaxValue) = never.</summary>
        public int OverVoltageLevelMillivolts = int.MaxValue;

        /// <summary>Energy counts per test-LED pulse (ADE7880: CF1DEN, same on CF2/CF3); 0 = not set up.</summary>
        public int LedDivider;

        /// <summary>The test LED pulses with total active energy (false: output off, e.g. in no-load).</summary>
        public bool LedEnabled;

        /// <summary>
        /// Power-quality measurement: the harmonic engine scans voltage harmonics 2–25 on each phase and the
        /// angle registers measure the delays between the phase voltages (for the unbalance) instead of
        /// voltage-to-current. Off: the energy cycle and the measurement reads are those without it.
        /// </summary>
        public bool QualityMeasurement;

        private readonly int[] _calibration = new int[CalibrationKind.Count * 3];

        /// <summary>Calibration <paramref name="kind"/> (<see cref="CalibrationKind"/>) of phase 1..3.</summary>
        public int GetCalibration(int kind, int phase)
        {
            return _calibration[Index(kind, phase)];
        }

        /// <summary>
        /// Sets calibration <paramref name="kind"/> of phase 1..3 here only (check it first with
        /// <see cref="IMeteringChip.CheckCalibration"/>; <see cref="IMeteringChip.ApplyCalibration"/> writes it).
        /// </summary>
        public void SetCalibration(int kind, int phase, int value)
        {
            _calibration[Index(kind, phase)] = value;
        }

        private static int Index(int kind, int phase)
        {
            if (!CalibrationKind.IsDefined(kind)) throw new System.ArgumentOutOfRangeException("kind", "calibration kind is 1..6");
            if (phase < 1 || phase > 3) throw new System.ArgumentOutOfRangeException("phase", "phase is 1..3");
            return (kind - 1) * 3 + phase - 1;
        }
    }
}
