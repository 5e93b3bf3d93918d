namespace Meter.Metrology
{
    /// <summary>
    /// Legal configuration of the energy accumulator: connection, phase summation, the exact
    /// energy per count of each quantity, tariff count, CT ratio and the starting threshold.
    /// Validated on construction; immutable except for the CT ratio (its own lock).
    /// </summary>
    public sealed class MeteringConfiguration
    {
        /// <summary>Most tariff registers supported (T1 … T8).</summary>
        public const int MaximumTariffs = 8;

        /// <summary>Creates a configuration.</summary>
        /// <param name="connection">Network connection (decides which channels count).</param>
        /// <param name="summation">Total formed per cycle as vector sum (default) or per phase.</param>
        /// <param name="activeConstant">Wh per active-energy count.</param>
        /// <param name="reactiveConstant">varh per fundamental reactive-energy count.</param>
        /// <param name="apparentConstant">VAh per apparent-energy count.</param>
        /// <param name="tariffCount">Number of tariff registers, 1 … 8.</param>
        /// <param name="ctRatio">CT ratio (5/5 for a direct meter).</param>
        /// <param name="startingThresholdMilliVoltAmperes">Per-phase apparent power below which nothing registers (see <see cref="StartingThreshold"/>); 0 disables.</param>
        /// <exception cref="System.ArgumentException">Null constant or ratio, tariff count outside 1 … 8, negative threshold, or on an Aron connection per-phase summation or unequal constants.</exception>
        public MeteringConfiguration(
            ConnectionType connection,
            PhaseSummation summation,
            EnergyConstant activeConstant,
            EnergyConstant reactiveConstant,
            EnergyConstant apparentConstant,
            int tariffCount,
            CurrentTransformerRatio ctRatio,
            long startingThresholdMilliVoltAmperes)
        {
            if (activeConstant == null) throw new System.ArgumentNullException("activeConstant");
            if (reactiveConstant == null) throw new System.ArgumentNullException("reactiveConstant");
            if (apparentConstant == null) throw new System.ArgumentNullException("apparentConstant");
            if (ctRatio == null) throw new System.ArgumentNullException("ctRatio");
            if (connection != ConnectionType.ThreePhaseFourWire && connection != ConnectionType.ThreePhaseThreeWireAron && connection != ConnectionType.SinglePhase)
                throw new System.ArgumentOutOfRangeException("connection", "unknown connection type");
            if (summation != PhaseSummation.VectorSum && summation != PhaseSummation.PerPhase)
                throw new System.ArgumentOutOfRangeException("summation", "unknown phase summation");
            if (connection == ConnectionType.ThreePhaseThreeWireAron && summation == PhaseSummation.PerPhase)
                throw new System.ArgumentException("an Aron (two-wattmeter) connection needs the vector sum: one system's power alone is not a phase power", "summation");
            if (connection == ConnectionType.ThreePhaseThreeWireAron && !(SameValue(activeConstant, reactiveConstant) && SameValue(activeConstant, apparentConstant)))
                throw new System.ArgumentException("an Aron connection forms apparent energy as √(P² + Q²) from the counts and needs equal active, reactive and apparent constants", "apparentConstant");
            if (tariffCount < 1 || tariffCount > MaximumTariffs)
                throw new System.ArgumentOutOfRangeException("tariffCount", "tariff count must be 1 … 8");
            if (startingThresholdMilliVoltAmperes < 0)
                throw new System.ArgumentOutOfRangeException("startingThresholdMilliVoltAmperes", "starting threshold must not be negative");

            Connection = connection;
            Summation = summation;
            ActiveConstant = activeConstant;
            ReactiveConstant = reactiveConstant;
            ApparentConstant = apparentConstant;
            TariffCount = tariffCount;
            CtRatio = ctRatio;
            StartingThresholdMilliVoltAmperes = startingThresholdMilliVoltAmperes;
        }

        /// <summary>Network connection.</summary>
        public ConnectionType Connection { get; }

        /// <summary>How totals are formed.</summary>
        public PhaseSummation Summation { get; }

        /// <summary>Wh per active count.</summary>
        public EnergyConstant ActiveConstant { get; }

        /// <summary>varh per fundamental reactive count.</summary>
        public EnergyConstant ReactiveConstant { get; }

        /// <summary>VAh per apparent count.</summary>
        public EnergyConstant ApparentConstant { get; }

        /// <summary>Number of tariff registers (1 … 8).</summary>
        public int TariffCount { get; }

        /// <summary>CT ratio for primary readings.</summary>
        public CurrentTransformerRatio CtRatio { get; }

        /// <summary>Per-phase starting / no-load threshold on apparent power, mVA (secondary).</summary>
        public long StartingThresholdMilliVoltAmperes { get; }

        /// <summary>The constant of the given quantity.</summary>
        public EnergyConstant ConstantOf(EnergyKind kind)
        {
            if (kind == EnergyKind.Active) return ActiveConstant;
            if (kind == EnergyKind.Reactive) return ReactiveConstant;
            return ApparentConstant;
        }

        private static bool SameValue(EnergyConstant a, EnergyConstant b)
        {
            return a.Numerator == b.Numerator && a.Denominator == b.Denominator;
        }

        /// <summary>True when the channel <paramref name="phase"/> (0 … 2) is a measuring system of this connection.</summary>
        public bool IsPhaseUsed(int phase)
        {
            if (Connection == ConnectionType.SinglePhase) return phase == MeterChannel.PhaseA;
            if (Connection == ConnectionType.ThreePhaseThreeWireAron) return phase == MeterChannel.PhaseA || phase == MeterChannel.PhaseC;
            return phase >= 0 && phase <= 2;
        }
    }
}
