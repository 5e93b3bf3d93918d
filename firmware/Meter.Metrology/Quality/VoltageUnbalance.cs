namespace Meter.Metrology.Quality
{
    /// <summary>
    /// Voltage unbalance u2 = |negative-sequence| / |positive-sequence| (IEC 61000-4-30 §5.7.1, the
    /// symmetrical components method), from the three phase-voltage magnitudes and their angles:
    /// with a = 1∠120°, U1 = (Ua + a·Ub + a²·Uc)/3 and U2 = (Ua + a²·Ub + a·Uc)/3 (the 1/3 cancels in
    /// the ratio). Magnitudes are the fundamental voltages where the chip gives them (§5.7.1 uses the
    /// fundamental components); integer arithmetic throughout.
    /// </summary>
    public static class VoltageUnbalance
    {
        /// <summary>
        /// u2 in hundredths of a percent. <paramref name="millivolts"/>: |Ua|, |Ub|, |Uc|;
        /// <paramref name="centidegrees"/>: their angles (A normally 0, B −12000, C −24000 or +12000).
        /// 0 when the positive sequence is zero (no voltage).
        /// </summary>
        public static int NegativeSequenceRatio(long[] millivolts, int[] centidegrees)
        {
            if (millivolts == null || millivolts.Length != 3) throw new System.ArgumentException("three phase voltages are needed");
            if (centidegrees == null || centidegrees.Length != 3) throw new System.ArgumentException("three phase angles are needed");
            long positiveRe = 0, positiveIm = 0, negativeRe = 0, negativeIm = 0;
            for (int p = 0; p < 3; p++)
            {
                if (millivolts[p] < 0) throw new System.ArgumentOutOfRangeException("millivolts", "a voltage magnitude is never negative");
                // Positive sequence rotates phase p by +120°·p, negative by −120°·p (= +240°·p).
                int positiveAngle = centidegrees[p] + 12000 * p, negativeAngle = centidegrees[p] + 24000 * p;
                positiveRe += millivolts[p] * FixedPoint.CosQ16(positiveAngle);
                positiveIm += millivolts[p] * FixedPoint.SinQ16(positiveAngle);
                negativeRe += millivolts[p] * FixedPoint.CosQ16(negativeAngle);
                negativeIm += millivolts[p] * FixedPoint.SinQ16(negativeAngle);
            }
            // Back from Q16 to mV before squaring (a 1 mV step is 4 × 10⁻⁶ of 230 V).
            long positive = Magnitude(positiveRe >> 16, positiveIm >> 16);
            long negative = Magnitude(negativeRe >> 16, negativeIm >> 16);
            if (positive <= 0) return 0;
            return (int)FixedPoint.DivideRounded(negative * 10000, positive);
        }

        private static long Magnitude(long re, long im)
        {
            return FixedPoint.Sqrt(re * re + im * im);
        }
    }
}
