using Meter.Hal;

namespace Meter.Metrology.Quality
{
    /// <summary>
    /// The power-quality quantities of one measurement read, in units: rms voltage and current per phase
    /// (the ADE7880's rms registers: a low-pass filtered rms settling in about 0.6 s, close to but not the
    /// exact 10/12-cycle window of IEC 61000-4-30 §5.2; a class S simplification), neutral current, power factor P/S, displacement factor
    /// cos φ1 = P1/S1 (fundamental powers), voltage harmonics and THD (<see cref="HarmonicSpectrum"/>) and
    /// the voltage unbalance u2 (<see cref="VoltageUnbalance"/>). Allocated once, refilled by
    /// <see cref="Update"/> without allocation.
    /// </summary>
    public sealed class PhaseQualityValues
    {
        private readonly long[] _fundamentalMv = new long[3];
        private readonly int[] _angles = new int[3];
        private readonly bool[] _fundamentalSeen = new bool[3];

        /// <summary>Total rms voltage per phase, mV.</summary>
        public readonly long[] VoltageMillivolts = new long[3];

        /// <summary>Rms current per phase, mA.</summary>
        public readonly long[] CurrentMilliamps = new long[3];

        /// <summary>Neutral current rms, mA.</summary>
        public long NeutralCurrentMilliamps;

        /// <summary>Power factor P/S per phase, ten-thousandths (signed: negative = export).</summary>
        public readonly int[] PowerFactor = new int[3];

        /// <summary>Total active power ΣP of the phases, mW (signed: negative = export).</summary>
        public long ActivePowerMilliwatts;

        /// <summary>Total power factor ΣP / ΣS, ten-thousandths (signed; 0 without apparent power).</summary>
        public int TotalPowerFactor;

        /// <summary>Displacement factor cos φ1 per phase, ten-thousandths (signed); refreshed as the harmonic scan reaches the phase.</summary>
        public readonly int[] DisplacementFactor = new int[3];

        /// <summary>Voltage harmonics 2–25 and THD per phase.</summary>
        public readonly HarmonicSpectrum Harmonics = new HarmonicSpectrum();

        /// <summary>
        /// Voltage unbalance u2, hundredths of a percent (valid when <see cref="UnbalanceValid"/>), from each phase's
        /// latest fundamental (the harmonic scan refreshes one phase a read, so they are up to about 3 s apart).
        /// </summary>
        public int Unbalance;

        /// <summary>False until the three voltages and their angles are known (quality measurement on).</summary>
        public bool UnbalanceValid;

        /// <summary>Converts <paramref name="m"/> with the chip's <paramref name="scale"/> and the board's full-scale voltage and current.</summary>
        public void Update(PhaseMeasurements m, MeasurementScale scale, int fullScaleMillivolts, int fullScaleMilliamps)
        {
            for (int p = 0; p < 3; p++)
            {
                VoltageMillivolts[p] = scale.RmsToMilli(m.VoltageRms[p], fullScaleMillivolts);
                CurrentMilliamps[p] = scale.RmsToMilli(m.CurrentRms[p], fullScaleMilliamps);
                // xPF: signed, 2^-15 per LSB → ten-thousandths.
                PowerFactor[p] = (int)RoundedRatio(m.PowerFactor[p] * 10000L, 32768);
            }
            NeutralCurrentMilliamps = scale.RmsToMilli(m.NeutralCurrentRms, fullScaleMilliamps);
            long activeCodes = 0, apparentCodes = 0, microwatts = 0;
            for (int p = 0; p < 3; p++)
            {
                activeCodes += m.ActivePower[p];
                apparentCodes += m.ApparentPower[p];
                microwatts += scale.PowerToMicrowatts(m.ActivePower[p], fullScaleMillivolts, fullScaleMilliamps);
            }
            ActivePowerMilliwatts = microwatts / 1000;
            // Both sums in the chip's same power codes: their ratio needs no scale.
            TotalPowerFactor = apparentCodes <= 0 ? 0 : (int)RoundedRatio(activeCodes * 10000L, apparentCodes);
            int phase = m.HarmonicPhase;
            if (phase >= 0 && phase < 3)
            {
                _fundamentalMv[phase] = scale.RmsToMilli(m.FundamentalVoltageRms[phase], fullScaleMillivolts);
                _fundamentalSeen[phase] = true;
                int s1 = m.FundamentalApparentPower[phase];
                DisplacementFactor[phase] = s1 <= 0 ? 0 : (int)RoundedRatio(m.FundamentalActivePower[phase] * 10000L, s1);
                Harmonics.Update(m);
            }
            UpdateUnbalance(m);
        }

        private void UpdateUnbalance(PhaseMeasurements m)
        {
            int period = m.Period[0];
            UnbalanceValid = m.AnglesBetweenVoltages && period > 0 && _fundamentalSeen[0] && _fundamentalSeen[1] && _fundamentalSeen[2];
            if (!UnbalanceValid) return;
            // ANGLE2 = delay A→B, ANGLE0 = delay A→C (ANGLESEL = 01), in ticks of the period clock:
            // B lags A by 360°·ANGLE2/period, C by 360°·ANGLE0/period.
            _angles[0] = 0;
            _angles[1] = -(int)(36000L * m.Angle[2] / period);
            _angles[2] = -(int)(36000L * m.Angle[0] / period);
            Unbalance = VoltageUnbalance.NegativeSequenceRatio(_fundamentalMv, _angles);
        }

        // Rounded a / b for a signed a and positive b.
        private static long RoundedRatio(long a, long b)
        {
            return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
        }
    }
}
