namespace Meter.Metrology
{
    /// <summary>
    /// Computes CFxDEN for the ADE7880 calibration-frequency outputs (CF1 … CF3), which drive the
    /// calibration LED exactly in hardware (the path a test rig needs).
    /// <para>
    /// ADE7880 data sheet, "Energy-to-frequency conversion" and Equation 49 (CFxDEN = 10^3 /
    /// (MC × 10^n) for an LSB of 10^n Wh): the CF chain re-uses the energy accumulation's first
    /// stage (one step per energy-register LSB) and divides it by the 16-bit CFxDEN, so one CF
    /// pulse = CFxDEN counts. Generalised to E_LSB = num/den Wh per count and a meter constant MC
    /// imp/kWh: CFxDEN = (1000 / MC) / E_LSB = 1000 × den / (MC × num), rounded to the nearest
    /// integer (the divider takes no fractions). CFxDEN = 1 gives 1 µs pulses and 0 acts as 1, so
    /// 2 … 65535 is accepted. When the quotient is not an integer the LED constant is
    /// MC' = 1000 × den / (CFxDEN × num) and the error (MC' − MC) / MC is reported.
    /// </para>
    /// </summary>
    public static class CfDenominatorCalculator
    {
        /// <summary>Smallest accepted CFxDEN.</summary>
        public const int MinimumCfDen = 2;

        /// <summary>Largest CFxDEN (16-bit register).</summary>
        public const int MaximumCfDen = 65535;

        /// <summary>CFxDEN and its error for <paramref name="impulsesPerKilowattHour"/> at <paramref name="energyPerCount"/>.</summary>
        /// <exception cref="System.ArgumentNullException">No constant.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">Meter constant outside 1 … 100 000, or CFxDEN outside 2 … 65535 (the chip cannot produce that constant from this LSB).</exception>
        public static CfDenominatorSetting Compute(EnergyConstant energyPerCount, int impulsesPerKilowattHour)
        {
            if (energyPerCount == null) throw new System.ArgumentNullException("energyPerCount");
            if (impulsesPerKilowattHour < PulseOutputSettings.MinimumImpulsesPerKilowattHour || impulsesPerKilowattHour > PulseOutputSettings.MaximumImpulsesPerKilowattHour)
                throw new System.ArgumentOutOfRangeException("impulsesPerKilowattHour", "meter constant must be 1 … 100000 imp/kWh");

            long numerator = WideArithmetic.CheckedMultiply(1000, energyPerCount.Denominator);            // 1000 × den
            long denominator = WideArithmetic.CheckedMultiply(impulsesPerKilowattHour, energyPerCount.Numerator); // MC × num
            // Round to nearest: floor((2n + d) / 2d).
            long remainder;
            long quotient = WideArithmetic.MultiplyAddDivide(numerator, 2, denominator, WideArithmetic.CheckedMultiply(denominator, 2), out remainder);
            if (quotient < MinimumCfDen || quotient > MaximumCfDen)
                throw new System.ArgumentOutOfRangeException("impulsesPerKilowattHour", "CFxDEN for this meter constant falls outside 2 … 65535: change WTHR or the energy-register LSB");
            int cfDen = (int)quotient;

            // Actual constant MC' = 1000 × den / (CFxDEN × num); error = (1000·den − CFxDEN·MC·num) / (CFxDEN·MC·num).
            long actualDenominator = WideArithmetic.CheckedMultiply(cfDen, energyPerCount.Numerator);
            long errorDenominator = WideArithmetic.CheckedMultiply(cfDen, denominator);
            long difference = numerator - errorDenominator;
            long magnitude = difference < 0 ? -difference : difference;
            // ppb rounded to nearest: floor((2·|diff|·10^9 + d) / 2d).
            long ppb = WideArithmetic.MultiplyAddDivide(magnitude, 2000000000L, errorDenominator, WideArithmetic.CheckedMultiply(errorDenominator, 2), out remainder);
            if (difference < 0) ppb = -ppb;
            long gcd = WideArithmetic.GreatestCommonDivisor(numerator, actualDenominator);
            return new CfDenominatorSetting(cfDen, numerator / gcd, actualDenominator / gcd, ppb);
        }
    }
}
