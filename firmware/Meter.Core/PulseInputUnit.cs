using Meter.Obis;

namespace Meter.Core
{
    /// <summary>
    /// The pulse input's unit, the seeds' "NN Unit pulse input" (Kamstrup 351/382 configuration 3, OMNIPOWER Z12):
    /// 00 none, 01 kWh, 02 m³, 03 L. The register holds thousandths of the unit (pulses × 1000 / constant, rounded
    /// down): kWh as Wh (scaler 0, shown in kilo), the others with scaler −3; the COSEM units are those of
    /// IEC 62056-62 Table 4 (13 m³, 19 l, 30 Wh, 255 count).
    /// </summary>
    public static class PulseInputUnit
    {
        /// <summary>No unit (a count).</summary>
        public const int None = 0;
        /// <summary>kWh.</summary>
        public const int KilowattHour = 1;
        /// <summary>m³.</summary>
        public const int CubicMetre = 2;
        /// <summary>L.</summary>
        public const int Litre = 3;

        /// <summary>True for 0..3.</summary>
        public static bool IsValid(long code)
        {
            return code >= None && code <= Litre;
        }

        /// <summary>The COSEM unit of code <paramref name="code"/>.</summary>
        public static ObisUnit UnitOf(int code)
        {
            switch (code)
            {
                case KilowattHour: return ObisUnit.WattHour;
                case CubicMetre: return ObisUnit.CubicMetre;
                case Litre: return ObisUnit.Litre;
                default: return ObisUnit.Count;
            }
        }

        /// <summary>The register's scaler for code <paramref name="code"/>: 0 for kWh (Wh), −3 otherwise.</summary>
        public static int ScalerOf(int code)
        {
            return code == KilowattHour ? 0 : -3;
        }
    }
}
