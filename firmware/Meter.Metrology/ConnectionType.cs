namespace Meter.Metrology
{
    /// <summary>How the meter is connected to the network; decides which measuring systems count.</summary>
    public enum ConnectionType
    {
        /// <summary>3-phase 4-wire: three measuring systems A, B, C.</summary>
        ThreePhaseFourWire = 0,

        /// <summary>
        /// 3-phase 3-wire Aron (two-wattmeter) connection: two measuring systems in channels A and C,
        /// channel B is ignored. Only the vector sum of the two systems is physical (each system's
        /// power alone is not a phase power), so per-phase summation is refused. The total apparent
        /// energy is the vector apparent energy √(P² + Q²) of each cycle, rounded to a count: the
        /// arithmetic sum of the two systems' VA would read 2/√3 = 1.155 times too high.
        /// </summary>
        ThreePhaseThreeWireAron = 1,

        /// <summary>Single-phase 2-wire: one measuring system in channel A; B and C are ignored.</summary>
        SinglePhase = 2,
    }
}
