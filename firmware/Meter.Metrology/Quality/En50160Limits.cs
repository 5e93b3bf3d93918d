namespace Meter.Metrology.Quality
{
    /// <summary>
    /// EN 50160:2010 limits for low-voltage supply (clause 4.2), in the units of the quality values:
    /// per-mille of the nominal for voltage and frequency bands, hundredths of a percent for THD,
    /// harmonics and unbalance, and the shares (per-mille) of a week's values that must meet them.
    /// </summary>
    public static class En50160Limits
    {
        /// <summary>§4.2.2: 95 % of the week's 10-min mean rms voltages within Un ± 10 % (per-mille of Un).</summary>
        public const int VoltageNarrowPerMille = 100;
        /// <summary>§4.2.2: all 10-min mean rms voltages within Un + 10 %.</summary>
        public const int VoltageWideAbovePerMille = 100;
        /// <summary>§4.2.2: all 10-min mean rms voltages within Un − 15 %.</summary>
        public const int VoltageWideBelowPerMille = 150;
        /// <summary>§4.2.1 (synchronous connection): 99.5 % of the 10-s frequency values within 50 Hz ± 1 %.</summary>
        public const int FrequencyNarrowPerMille = 10;
        /// <summary>§4.2.1: all 10-s values within +4 % …</summary>
        public const int FrequencyWideAbovePerMille = 40;
        /// <summary>… and −6 %.</summary>
        public const int FrequencyWideBelowPerMille = 60;
        /// <summary>§4.2.5: THD (to the 40th; measured here to the 25th) ≤ 8 %.</summary>
        public const int ThdLimit = 800;
        /// <summary>§4.2.4: the negative-sequence component within 0–2 % of the positive one.</summary>
        public const int UnbalanceLimit = 200;
        /// <summary>Share of the week's values that must meet the voltage, THD, harmonic and unbalance limits: 95 %.</summary>
        public const int WeeklySharePerMille = 950;
        /// <summary>Share of the 10-s frequency values within ±1 %: 99.5 %.</summary>
        public const int FrequencySharePerMille = 995;

        // EN 50160 Table 1: individual harmonic voltages up to the 25th, % of the fundamental, in hundredths.
        private static readonly int[] HarmonicLimits =
        {
            0, 0,
            200, 500, 100, 600, 50, 500, 50, 150, 50, 350, 50, 300, 50, 50,   // 2 .. 15
            50, 200, 50, 150, 50, 50, 50, 150, 50, 150,                      // 16 .. 25
        };

        /// <summary>EN 50160 Table 1 limit of harmonic <paramref name="order"/> (2..25), hundredths of a percent.</summary>
        public static int HarmonicLimit(int order)
        {
            if (order < 2 || order > 25) throw new System.ArgumentOutOfRangeException("order", "EN 50160 Table 1 covers harmonic orders 2..25");
            return HarmonicLimits[order];
        }

        /// <summary>True when <paramref name="value"/> lies within nominal − below‰ … nominal + above‰ (inclusive).</summary>
        public static bool Within(long value, long nominal, int belowPerMille, int abovePerMille)
        {
            // value·1000 against nominal·(1000 ± x): exact, no rounding.
            return value * 1000 >= nominal * (1000 - belowPerMille) && value * 1000 <= nominal * (1000 + abovePerMille);
        }
    }
}
