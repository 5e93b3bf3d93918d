using Meter.Hal;

namespace Meter.Metrology.Quality
{
    /// <summary>
    /// Voltage harmonics 2–25 of each phase as ratios to the fundamental, and the voltage THD from them:
    /// THD = √(Σ_{h=2}^{25} (U_h / U_1)²) (IEC 61000-4-7 §3.3.2 and IEC 61000-4-30 §5.8, with H = 25 here:
    /// the orders of EN 50160 Table 1; components 26–40 are not measured, so the THD reads low if they are
    /// present). Each U_h is the ADE7880 harmonic engine's rms of that order, taken as the harmonic
    /// (sub)group value, which IEC 61000-4-30 class S allows (IEC 61000-4-7 class II; not the gapless
    /// class A analysis). The chip refreshes three orders of one phase at a time
    /// (<see cref="PhaseMeasurements.HarmonicPhase"/>); a phase's THD is valid once all its orders came in.
    /// </summary>
    public sealed class HarmonicSpectrum
    {
        /// <summary>First harmonic order kept.</summary>
        public const int FirstOrder = 2;

        /// <summary>Last harmonic order kept.</summary>
        public const int LastOrder = PhaseMeasurements.MaxHarmonicOrder;

        private const int Row = LastOrder + 1;
        // Orders 2..25 seen since start, one bit per order, per phase.
        private const int AllOrders = ((1 << (LastOrder + 1)) - 1) & ~3;

        private readonly int[] _ratio = new int[3 * Row];
        private readonly int[] _ratioThousandths = new int[3 * Row];
        private readonly int[] _seen = new int[3];
        private readonly int[] _thd = new int[3];

        /// <summary>U_h / U_1 of <paramref name="order"/> (2..25) on phase 0..2, hundredths of a percent.</summary>
        public int Ratio(int phase, int order)
        {
            CheckOrder(order);
            return _ratio[phase * Row + order];
        }

        /// <summary>Voltage THD of phase 0..2 over orders 2–25, hundredths of a percent (valid when <see cref="IsComplete"/>).</summary>
        public int Thd(int phase)
        {
            return _thd[phase];
        }

        /// <summary>True once every order 2–25 of phase 0..2 was measured.</summary>
        public bool IsComplete(int phase)
        {
            return _seen[phase] == AllOrders;
        }

        /// <summary>Takes the orders <paramref name="measurements"/> refreshed (if any) and recomputes that phase's THD.</summary>
        public void Update(PhaseMeasurements measurements)
        {
            int phase = measurements.HarmonicPhase;
            if (phase < 0 || phase > 2) return;
            long fundamental = measurements.FundamentalVoltageRms[phase];
            int row = phase * Row;
            for (int i = 0; i < PhaseMeasurements.HarmonicsPerRead; i++)
            {
                int order = measurements.HarmonicFirstOrder + i;
                if (order < FirstOrder || order > LastOrder) continue;
                long harmonic = measurements.HarmonicVoltageRms[row + order];
                if (harmonic < 0) harmonic = 0;
                // No fundamental (no voltage): no meaningful ratio, 0.
                _ratio[row + order] = fundamental <= 0 ? 0 : (int)FixedPoint.DivideRounded(harmonic * 10000, fundamental);
                _ratioThousandths[row + order] = fundamental <= 0 ? 0 : (int)FixedPoint.DivideRounded(harmonic * 100000, fundamental);
                _seen[phase] |= 1 << order;
            }
            long sum = 0;
            for (int order = FirstOrder; order <= LastOrder; order++)
            {
                long r = _ratioThousandths[row + order];
                sum += r * r;
            }
            // From thousandths to hundredths of a percent, rounded.
            _thd[phase] = (int)FixedPoint.DivideRounded(FixedPoint.Sqrt(sum), 10);
        }

        private static void CheckOrder(int order)
        {
            if (order < FirstOrder || order > LastOrder) throw new System.ArgumentOutOfRangeException("order", "harmonic order is 2..25");
        }
    }
}
