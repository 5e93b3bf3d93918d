namespace Meter.Metrology
{
    /// <summary>Which maximum of a demand quantity: regardless of tariff, or of tariff T1 / T2 only (seed option K).</summary>
    public static class DemandSlot
    {
        /// <summary>Maximum over all integration periods.</summary>
        public const int AllTariffs = 0;

        /// <summary>Maximum over periods in tariff T1 (tariff index 0).</summary>
        public const int Tariff1 = 1;

        /// <summary>Maximum over periods in tariff T2 (tariff index 1).</summary>
        public const int Tariff2 = 2;

        /// <summary>Number of slots.</summary>
        public const int Count = 3;
    }
}
