namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// The exact energy of one LSB of an energy register, as the rational
    /// <see cref="Numerator"/>/<see cref="Denominator"/> watt-hours (var-hours, VA-hours).
    /// <para>
    /// The DSP adds the instantaneous power code to an accumulator at fs = 1.024 MHz and adds one
    /// LSB to the energy register each time the accumulator passes THR × 2^27, where THR is
    /// WTHR/VARTHR/VATHR; full-scale inputs give the power code PMAX = 27,059,678
    /// (ADE7880 data sheet Rev. A, section "Active Energy Calculation", the WTHR equation there:
    /// WTHR = PMAX × fs × 3600 × 10^n / (UFS × IFS × 2^27); the same scheme holds for
    /// fundamental reactive and apparent energy). So one LSB is
    /// THR × 2^27 × Vfs × Ifs / (PMAX × fs × 3600) Wh, with Vfs and Ifs the rms mains voltage
    /// and current that drive the ADC inputs to full scale (0.5 V peak at the pin).
    /// </para>
    /// <para>
    /// PMAX × fs × 3600 = 2^18 × 13,529,839 × 28,125, so 2^18 cancels against 2^27 and the
    /// fraction stays within 64 bits: numerator = THR × 2^9 × Vfs[mV] × Ifs[mA],
    /// denominator = 13,529,839 × 28,125 × 10^6 (mV·mA → W), then reduced.
    /// With Vfs and Ifs in whole volts and amps, 10^6 always cancels: the reduced numerator is at
    /// most THR × 512 × V × I and the denominator at most 13,529,839 × 28,125 ≈ 3.81 × 10^11
    /// (13,529,839 = 167 × 81,017 never cancels), within 10^12 up to 1000 V and 1000 A.
    /// The phase gains (xPGAIN) are calibration corrections that make the real front end match
    /// the nominal Vfs/Ifs, so they do not enter the constant.
    /// </para>
    /// </summary>
    public sealed class EnergyScale
    {
        /// <summary>Power code for full-scale in-phase voltage and current inputs.</summary>
        public const long FullScalePowerCode = 27059678;

        /// <summary>Energy accumulation rate, Hz.</summary>
        public const long AccumulationRateHz = 1024000;

        /// <summary>The accumulator threshold is THR × 2^27 (ThresholdShift = 27).</summary>
        public const int ThresholdShift = 27;

        private readonly long _numerator;
        private readonly long _denominator;

        /// <summary>Creates the scale for a threshold register value and the full-scale rms inputs.</summary>
        /// <param name="threshold">WTHR, VARTHR or VATHR (1..255).</param>
        /// <param name="fullScaleVoltageMillivolts">Rms mains voltage at ADC full scale, mV.</param>
        /// <param name="fullScaleCurrentMilliamps">Rms mains current at ADC full scale, mA.</param>
        public EnergyScale(int threshold, int fullScaleVoltageMillivolts, int fullScaleCurrentMilliamps)
        {
            if (threshold < 1 || threshold > 255) throw new System.ArgumentException("ADE7880 energy threshold must be 1..255");
            if (fullScaleVoltageMillivolts <= 0) throw new System.ArgumentException("ADE7880 full-scale voltage must be positive");
            if (fullScaleCurrentMilliamps <= 0) throw new System.ArgumentException("ADE7880 full-scale current must be positive");
            long numerator = (long)threshold * 512L * fullScaleVoltageMillivolts * fullScaleCurrentMilliamps;
            long denominator = 13529839L * 28125L * 1000000L;
            long divisor = GreatestCommonDivisor(numerator, denominator);
            _numerator = numerator / divisor;
            _denominator = denominator / divisor;
        }

        /// <summary>Numerator of watt-hours per LSB.</summary>
        public long Numerator { get { return _numerator; } }

        /// <summary>Denominator of watt-hours per LSB.</summary>
        public long Denominator { get { return _denominator; } }

        private static long GreatestCommonDivisor(long a, long b)
        {
            while (b != 0)
            {
                long r = a % b;
                a = b;
                b = r;
            }
            return a;
        }
    }
}
