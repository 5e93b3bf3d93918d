using System;

namespace Meter.Clock
{
    /// <summary>Limits shared by the tariff classes: up to 8 tariffs (seeds: "measurement in up to 8 tariffs"), index 0 = T1.</summary>
    public static class Tariffs
    {
        /// <summary>Number of tariff registers.</summary>
        public const int MaxTariffs = 8;

        /// <summary>Throws unless <paramref name="tariffIndex"/> is 0..7.</summary>
        public static void CheckIndex(int tariffIndex)
        {
            if (tariffIndex < 0 || tariffIndex >= MaxTariffs)
            {
                throw new ArgumentOutOfRangeException("tariffIndex", "tariff index must be 0..7 (T1..T8)");
            }
        }
    }
}
