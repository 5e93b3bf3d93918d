namespace Meter.Metrology
{
    /// <summary>
    /// An ADE7880 CFxDEN value for a calibration-LED meter constant, with the constant it really
    /// gives and the resulting error. Computed by <see cref="CfDenominatorCalculator"/>.
    /// </summary>
    public sealed class CfDenominatorSetting
    {
        /// <summary>Creates a result (see <see cref="CfDenominatorCalculator.Compute"/>).</summary>
        public CfDenominatorSetting(int cfDen, long actualNumerator, long actualDenominator, long errorPartsPerBillion)
        {
            CfDen = cfDen;
            ActualImpulsesPerKilowattHourNumerator = actualNumerator;
            ActualImpulsesPerKilowattHourDenominator = actualDenominator;
            ErrorPartsPerBillion = errorPartsPerBillion;
        }

        /// <summary>Value for the 16-bit CFxDEN register (ADE7880 data sheet, CF1DEN 0xE611 … CF3DEN 0xE613).</summary>
        public int CfDen { get; }

        /// <summary>Numerator of the exact constant the CF pin produces, imp/kWh.</summary>
        public long ActualImpulsesPerKilowattHourNumerator { get; }

        /// <summary>Denominator of the exact constant the CF pin produces.</summary>
        public long ActualImpulsesPerKilowattHourDenominator { get; }

        /// <summary>(actual − configured) / configured constant in parts per billion, rounded to nearest; 0 when exact.</summary>
        public long ErrorPartsPerBillion { get; }

        /// <summary>True when the chip hits the configured constant exactly.</summary>
        public bool IsExact { get { return ErrorPartsPerBillion == 0 && ActualImpulsesPerKilowattHourNumerator % ActualImpulsesPerKilowattHourDenominator == 0; } }
    }
}
