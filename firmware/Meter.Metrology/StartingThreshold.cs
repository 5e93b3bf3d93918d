namespace Meter.Metrology
{
    /// <summary>
    /// Starting current and the no-load threshold derived from it.
    /// Starting current Ist as a fraction of the reference current (Ib for direct, In for CT
    /// meters): IEC 62053-21:2003 §8.3.3 (class 2: 0.005 Ib / 0.003 In; class 1: 0.004 Ib /
    /// 0.002 In) and IEC 62053-22:2003 §8.3.3 (class 0.5 S: 0.001 In), mapped to the EN 50470-3
    /// classes A ≈ 2, B ≈ 1, C ≈ 0.5 S (EN 50470-1: Iref = 10 Itr direct, In = 20 Itr CT). In Itr the
    /// table is the MID's (2014/32/EU Annex V / MI-003 Table 1, repeated in EN 50470-3): direct
    /// 0.05 / 0.04 / 0.04 Itr, CT 0.06 / 0.04 / 0.02 Itr for A / B / C. Checked: the IEC factors and the
    /// Iref/Itr relations (public summary of IEC 62053-21/22 and EN 50470-1), class B direct 0.04 Itr
    /// (GB/T 17215.321-2021, which mirrors it). Not checked against a copy of the table itself (the
    /// stored copy of Annex V lost its figures): the class C direct value, 0.04 Itr, is the one to
    /// confirm before type testing.
    /// <code>
    ///            direct     CT
    ///  class A   0.005 Ib   0.003 In
    ///  class B   0.004 Ib   0.002 In
    ///  class C   0.004 Ib   0.001 In
    /// </code>
    /// The meter must start and keep registering at Ist (at Un, cos φ = 1) and must not register
    /// with no current (no-load test, EN 50470-3; IEC 62053-21 §8.3.2). The metrology
    /// sees energies, not currents, so the threshold is applied to each phase's apparent power:
    /// a phase is registered only while its apparent power, averaged over a window of cycles, is at least
    /// <see cref="ApparentPowerMilliVoltAmperes"/>, set to a fraction (default 80 %) of Un × Ist so that Ist
    /// itself is safely above it.
    /// <para>
    /// The window (<see cref="StartingGate"/>) is as long as it takes the threshold power to give 20 counts
    /// (1-s cycles: 55 cycles on the direct presets, 10.03 W·s per count and 3.68 VA; 12 cycles on the CT preset,
    /// 0.545 W·s and 0.92 VA), so the whole-count quantisation moves the threshold by at most 5 %. Judged per cycle
    /// instead, the direct presets' threshold would be 1 count (3.68 VA·s is less than a count) and a load far
    /// below Ist would register a count every few seconds. Energy held while a phase has not started is released
    /// when it starts; what never reaches the threshold within a window is creep and is discarded. The ADE7880's
    /// own no-load thresholds (APNOLOAD, VARNOLOAD, VANOLOAD) stay at their configured values: their scaling
    /// could not be confirmed in the data sheet.
    /// </para>
    /// </summary>
    public static class StartingThreshold
    {
        /// <summary>Default share of Un × Ist used as the apparent-power threshold, in percent.</summary>
        public const int DefaultMarginPercent = 80;

        /// <summary>Starting current in parts per million of the reference current (table above).</summary>
        public static int StartingCurrentPartsPerMillion(AccuracyClass accuracyClass, MeterConnectionKind connection)
        {
            if (connection == MeterConnectionKind.Direct)
            {
                // Direct: IEC 62053-21 class 2 / 1 = 0.005 / 0.004 Ib; class C per EN 50470-3 Table 9 (0.04 Itr, Itr = Iref / 10).
                switch (accuracyClass)
                {
                    case AccuracyClass.A: return 5000;
                    case AccuracyClass.B: return 4000;
                    default: return 4000;
                }
            }
            // CT: IEC 62053-21 class 2 / 1 = 0.003 / 0.002 In, IEC 62053-22 class 0.5 S = 0.001 In.
            switch (accuracyClass)
            {
                case AccuracyClass.A: return 3000;
                case AccuracyClass.B: return 2000;
                default: return 1000;
            }
        }

        /// <summary>Starting current in mA for a reference current <paramref name="referenceMilliamps"/> (Ib or In), rounded down.</summary>
        public static long StartingCurrentMilliamps(AccuracyClass accuracyClass, MeterConnectionKind connection, long referenceMilliamps)
        {
            if (referenceMilliamps <= 0) throw new System.ArgumentOutOfRangeException("referenceMilliamps", "reference current must be positive");
            return referenceMilliamps * StartingCurrentPartsPerMillion(accuracyClass, connection) / 1000000;
        }

        /// <summary>
        /// Per-phase apparent-power threshold in mVA (secondary side) = Un × Ist × <paramref name="marginPercent"/> / 100, rounded down.
        /// </summary>
        /// <param name="accuracyClass">Meter class.</param>
        /// <param name="connection">Direct or transformer-operated.</param>
        /// <param name="referenceMilliamps">Ib or In in mA (e.g. 5000).</param>
        /// <param name="nominalMillivolts">Un phase-to-neutral in mV (e.g. 230000).</param>
        /// <param name="marginPercent">Share of Un × Ist, 1 … 100 (default <see cref="DefaultMarginPercent"/>).</param>
        public static long ApparentPowerMilliVoltAmperes(AccuracyClass accuracyClass, MeterConnectionKind connection, long referenceMilliamps, long nominalMillivolts, int marginPercent)
        {
            if (nominalMillivolts <= 0) throw new System.ArgumentOutOfRangeException("nominalMillivolts", "nominal voltage must be positive");
            if (marginPercent < 1 || marginPercent > 100) throw new System.ArgumentOutOfRangeException("marginPercent", "margin must be 1 … 100 %");
            if (referenceMilliamps <= 0) throw new System.ArgumentOutOfRangeException("referenceMilliamps", "reference current must be positive");
            // S[mVA] = Un[mV] × Iref[mA] × ppm / 10^6 / 10^3 × margin / 100, divided once at the end.
            long product = WideArithmetic.CheckedMultiply(nominalMillivolts, referenceMilliamps);
            product = WideArithmetic.CheckedMultiply(product, StartingCurrentPartsPerMillion(accuracyClass, connection));
            product = WideArithmetic.CheckedMultiply(product, marginPercent);
            return product / 100000000000L; // 10^6 (ppm) × 10^3 (mV·mA → mVA) × 100 (percent)
        }
    }
}
