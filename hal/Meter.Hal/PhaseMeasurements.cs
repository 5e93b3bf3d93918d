namespace Meter.Hal
{
    /// <summary>
    /// Instantaneous measurements, allocated once and refilled by
    /// <see cref="IMeteringChip.ReadMeasurements"/>. The chip's own codes (index 0 = A, 1 = B,
    /// 2 = C; register names below are the ADE7880's); convert with the chip's
    /// <see cref="IMeteringChip.MeasurementScale"/>.
    /// </summary>
    public sealed class PhaseMeasurements
    {
        /// <summary>xVRMS codes (<see cref="MeasurementScale.FullScaleRmsCode"/> = full-scale sine).</summary>
        public readonly int[] VoltageRms = new int[3];

        /// <summary>xIRMS codes.</summary>
        public readonly int[] CurrentRms = new int[3];

        /// <summary>NIRMS code.</summary>
        public int NeutralCurrentRms;

        /// <summary>xWATT codes (total active power).</summary>
        public readonly int[] ActivePower = new int[3];

        /// <summary>xFVAR codes (fundamental reactive power).</summary>
        public readonly int[] ReactivePower = new int[3];

        /// <summary>xVA codes (apparent power).</summary>
        public readonly int[] ApparentPower = new int[3];

        /// <summary>xPERIOD codes (256 kHz ticks per line period).</summary>
        public readonly int[] Period = new int[3];

        /// <summary>ANGLE0..2 codes (256 kHz ticks; meaning set by COMPMODE.ANGLESEL).</summary>
        public readonly int[] Angle = new int[3];

        /// <summary>xPF codes (signed, 2^-15 per LSB).</summary>
        public readonly int[] PowerFactor = new int[3];

        /// <summary>VPEAK raw (bits 23:0 value, 24–26 phase).</summary>
        public uint VoltagePeak;

        /// <summary>IPEAK raw.</summary>
        public uint CurrentPeak;

        /// <summary>
        /// VTHD per phase, signed 3.21 (2^21 = 100 %). The harmonic engine analyses one phase at a
        /// time (HCONFIG.HPHASE), so each call refreshes at most one phase: see <see cref="ThdPhase"/>
        /// and <see cref="ThdValid"/>.
        /// </summary>
        public readonly int[] VoltageThd = new int[3];

        /// <summary>ITHD per phase, signed 3.21.</summary>
        public readonly int[] CurrentThd = new int[3];

        /// <summary>Whether <see cref="VoltageThd"/>/<see cref="CurrentThd"/> of a phase hold a settled reading.</summary>
        public readonly bool[] ThdValid = new bool[3];

        /// <summary>The phase whose THD this call refreshed, or -1.</summary>
        public int ThdPhase = -1;

        /// <summary>Whether the harmonic engine is on (HCONFIG.HRATE ≠ 111).</summary>
        public bool HarmonicsEnabled;

        /// <summary>Highest harmonic order of <see cref="HarmonicVoltageRms"/> (EN 50160 Table 1 goes to the 25th).</summary>
        public const int MaxHarmonicOrder = 25;

        /// <summary>Harmonic orders refreshed by one call with quality measurement on.</summary>
        public const int HarmonicsPerRead = 3;

        /// <summary>
        /// Quality measurement only (<see cref="MeteringChipConfiguration.QualityMeasurement"/>): fundamental
        /// voltage rms per phase, on the xVRMS scale. Refreshed with <see cref="HarmonicPhase"/>.
        /// </summary>
        public readonly int[] FundamentalVoltageRms = new int[3];

        /// <summary>Fundamental active power per phase (same scale as <see cref="FundamentalApparentPower"/>).</summary>
        public readonly int[] FundamentalActivePower = new int[3];

        /// <summary>Fundamental apparent power per phase: displacement factor cos φ1 = fundamental active / fundamental apparent.</summary>
        public readonly int[] FundamentalApparentPower = new int[3];

        /// <summary>
        /// Rms of voltage harmonic h of phase p at [p × (MaxHarmonicOrder + 1) + h], h = 2..25, on the
        /// scale of <see cref="FundamentalVoltageRms"/>. A call refreshes <see cref="HarmonicsPerRead"/>
        /// consecutive orders from <see cref="HarmonicFirstOrder"/> of <see cref="HarmonicPhase"/>.
        /// </summary>
        public readonly int[] HarmonicVoltageRms = new int[3 * (MaxHarmonicOrder + 1)];

        /// <summary>The phase whose fundamental and harmonics this call refreshed, or -1.</summary>
        public int HarmonicPhase = -1;

        /// <summary>The first of the harmonic orders this call refreshed (valid when <see cref="HarmonicPhase"/> ≥ 0).</summary>
        public int HarmonicFirstOrder;

        /// <summary>
        /// True when <see cref="Angle"/> holds the delays from phase A voltage to C (0), B to C (1) and
        /// A to B (2) (quality measurement) instead of voltage-to-current delays.
        /// </summary>
        public bool AnglesBetweenVoltages;
    }
}
