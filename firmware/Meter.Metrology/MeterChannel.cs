namespace Meter.Metrology
{
    /// <summary>Channel indexes of the registers: the three phases (measuring systems) and the total.</summary>
    public static class MeterChannel
    {
        /// <summary>Phase A / L1 (first measuring system).</summary>
        public const int PhaseA = 0;

        /// <summary>Phase B / L2 (unused in Aron and single-phase connections).</summary>
        public const int PhaseB = 1;

        /// <summary>Phase C / L3 (second measuring system of an Aron connection).</summary>
        public const int PhaseC = 2;

        /// <summary>The meter total (summed as configured by <see cref="PhaseSummation"/>).</summary>
        public const int Total = 3;

        /// <summary>Number of channels (three phases and the total).</summary>
        public const int Count = 4;
    }
}
