namespace Meter.Metrology
{
    /// <summary>
    /// The exact energy of one count of a metering-IC energy register, as a reduced fraction
    /// of a watt-hour (var-hour, VA-hour): <c>Numerator / Denominator</c> Wh per count.
    /// Example: Tasmota's Shelly calibration, 0.24576 W·s per count, is 24576 / 360 000 000 Wh,
    /// reduced to 512 / 7 500 000.
    /// </summary>
    public sealed class EnergyConstant
    {
        /// <summary>Largest accepted numerator or denominator (after reduction), 10^12: keeps every
        /// derived product (× CT ratio × 10^6 × imp/kWh) inside the 128-bit helpers' range.</summary>
        public const long MaximumTerm = 1000000000000L;

        /// <summary>Creates the constant <paramref name="numerator"/>/<paramref name="denominator"/> Wh per count.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A term ≤ 0, or above <see cref="MaximumTerm"/> after reduction.</exception>
        public EnergyConstant(long numerator, long denominator)
        {
            if (numerator <= 0) throw new System.ArgumentOutOfRangeException("numerator", "energy per count must be positive");
            if (denominator <= 0) throw new System.ArgumentOutOfRangeException("denominator", "energy per count must have a positive denominator");
            long gcd = WideArithmetic.GreatestCommonDivisor(numerator, denominator);
            Numerator = numerator / gcd;
            Denominator = denominator / gcd;
            if (Numerator > MaximumTerm || Denominator > MaximumTerm)
                throw new System.ArgumentOutOfRangeException("denominator", "energy per count fraction too large: reduced terms must be at most 10^12");
        }

        /// <summary>Numerator of the reduced fraction (Wh).</summary>
        public long Numerator { get; }

        /// <summary>Denominator of the reduced fraction (counts).</summary>
        public long Denominator { get; }

        /// <summary>
        /// Converts <paramref name="counts"/> to energy expressed in units of 10^<paramref name="scaler"/> Wh,
        /// multiplied by the ratio <paramref name="ratioNumerator"/>/<paramref name="ratioDenominator"/>
        /// (the CT ratio for primary values, 1/1 for secondary), rounded down (the remainder stays in the counts).
        /// </summary>
        /// <param name="counts">Non-negative register content in counts.</param>
        /// <param name="ratioNumerator">Positive multiplier numerator (e.g. CT primary amps).</param>
        /// <param name="ratioDenominator">Positive multiplier denominator (e.g. CT secondary amps).</param>
        /// <param name="scaler">Decimal scaler −6 … 6 (OBIS convention: value × 10^scaler Wh; −3 = mWh, 3 = kWh).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">Negative counts, bad ratio or scaler, or a result beyond 64 bits.</exception>
        public long ToScaledEnergy(long counts, long ratioNumerator, long ratioDenominator, int scaler)
        {
            if (counts < 0) throw new System.ArgumentOutOfRangeException("counts", "register content must not be negative");
            if (ratioNumerator <= 0 || ratioDenominator <= 0) throw new System.ArgumentOutOfRangeException("ratioNumerator", "ratio terms must be positive");
            if (scaler < -6 || scaler > 6) throw new System.ArgumentOutOfRangeException("scaler", "scaler must be −6 … 6");
            long numerator = WideArithmetic.CheckedMultiply(Numerator, ratioNumerator);
            long denominator = WideArithmetic.CheckedMultiply(Denominator, ratioDenominator);
            if (scaler < 0) numerator = WideArithmetic.CheckedMultiply(numerator, WideArithmetic.PowerOfTen(-scaler));
            else denominator = WideArithmetic.CheckedMultiply(denominator, WideArithmetic.PowerOfTen(scaler));
            return WideArithmetic.MultiplyDivide(counts, numerator, denominator);
        }
    }
}
