namespace Meter.Metrology.Quality
{
    /// <summary>
    /// One 10-min aggregated interval (IEC 61000-4-30 §4.5): each quantity the rms of the values in
    /// the interval, the frequency as the count of its 10-s values inside the EN 50160 bands, and the
    /// flag of §4.7. Allocated once by <see cref="TenMinuteAggregator"/> and refilled: copy what you keep.
    /// </summary>
    public sealed class TenMinuteRecord
    {
        private const int Row = HarmonicSpectrum.LastOrder + 1;

        /// <summary>UTC seconds of the interval's end (a multiple of 600: the clock's 10-min tick).</summary>
        public long IntervalEnd;

        /// <summary>A dip, swell or interruption happened in the interval (IEC 61000-4-30 §4.7).</summary>
        public bool Flagged;

        /// <summary>Measurement values aggregated (about one a second).</summary>
        public int Samples;

        /// <summary>Rms of the rms voltages per phase, mV.</summary>
        public readonly long[] VoltageMillivolts = new long[3];

        /// <summary>Rms of the rms currents per phase, mA.</summary>
        public readonly long[] CurrentMilliamps = new long[3];

        /// <summary>Mean of the interval's 10-s frequency values, mHz (0 without values).</summary>
        public long FrequencyMeanMillihertz;

        /// <summary>Mean total power factor ΣP / ΣS, ten-thousandths (signed).</summary>
        public int PowerFactor;

        /// <summary>Mean active power imported and exported (each the mean of max(±P, 0) over the values), mW.</summary>
        public long ImportMilliwatts, ExportMilliwatts;

        /// <summary>Rms of the THD values per phase, hundredths of a percent (valid when <see cref="HarmonicsValid"/>).</summary>
        public readonly int[] Thd = new int[3];

        /// <summary>Rms of harmonic <c>h</c>'s ratio on phase <c>p</c> at [p × 26 + h], h = 2..25, hundredths of a percent.</summary>
        public readonly int[] HarmonicRatio = new int[3 * Row];

        /// <summary>Whether every harmonic of the phase had been measured when the interval's values were taken.</summary>
        public readonly bool[] HarmonicsValid = new bool[3];

        /// <summary>Rms of the unbalance values u2, hundredths of a percent (valid when <see cref="UnbalanceValid"/>).</summary>
        public int Unbalance;

        /// <summary>Whether the interval had unbalance values.</summary>
        public bool UnbalanceValid;

        /// <summary>10-s frequency values in the interval.</summary>
        public int FrequencyValues;

        /// <summary>Of them, within nominal ± 1 % (EN 50160 §4.2.1).</summary>
        public int FrequencyWithinNarrow;

        /// <summary>Of them, within nominal + 4 % / − 6 %.</summary>
        public int FrequencyWithinWide;

        /// <summary>Lowest and highest 10-s frequency value, mHz (0 without values).</summary>
        public long FrequencyMinMillihertz, FrequencyMaxMillihertz;

        /// <summary>Harmonic ratio of <paramref name="order"/> on phase 0..2.</summary>
        public int Harmonic(int phase, int order)
        {
            return HarmonicRatio[phase * Row + order];
        }
    }
}
