namespace Meter.Hal.Ade7880
{
    /// <summary>Measurement reads of the ADE7880 driver (not part of the metering cycle).</summary>
    public sealed partial class Ade7880Driver
    {
        /// <summary>
        /// Reads rms values, powers, periods, angles, power factors, peaks and (if the harmonic
        /// engine is on) THD into <paramref name="measurements"/>: 27 frames, + STATUS0 with the
        /// harmonic engine on, + 4 when its results are ready (VTHD, ITHD, HCONFIG, STATUS0), with
        /// quality measurement + 6 more reads then (<see cref="ReadHarmonics"/>) and + 3 writes (HX, HY, HZ)
        /// once per round of the three phases;
        /// single unverified reads since these values are not accumulated.
        /// </summary>
        public void ReadMeasurements(PhaseMeasurements measurements)
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ReadMeasurements before a successful Start or in a low-power mode");
            for (int phase = 0; phase < 3; phase++)
            {
                // Table 30: xIRMS at 0x43C0 + 2·phase, xVRMS at 0x43C1 + 2·phase.
                measurements.CurrentRms[phase] = _bus.Read((Register)((int)Register.AIRMS + 2 * phase));
                measurements.VoltageRms[phase] = _bus.Read((Register)((int)Register.AVRMS + 2 * phase));
                measurements.ActivePower[phase] = _bus.Read((Register)((int)Register.AWATT + phase));
                measurements.ReactivePower[phase] = _bus.Read((Register)((int)Register.AFVAR + phase));
                measurements.ApparentPower[phase] = _bus.Read((Register)((int)Register.AVA + phase));
                measurements.Period[phase] = _bus.Read((Register)((int)Register.APERIOD + phase));
                measurements.Angle[phase] = _bus.Read((Register)((int)Register.ANGLE0 + phase));
                measurements.PowerFactor[phase] = _bus.Read((Register)((int)Register.APF + phase));
            }
            measurements.NeutralCurrentRms = _bus.Read(Register.NIRMS);
            measurements.VoltagePeak = _bus.ReadRaw(Register.VPEAK, 4);
            measurements.CurrentPeak = _bus.ReadRaw(Register.IPEAK, 4);
            ReadThd(measurements);
        }

        /// <summary>
        /// THD of the phase the harmonic engine analyses, once its results have settled, then the
        /// engine moves on to the next phase: per-phase THD round robin. The engine works on the
        /// phase in HCONFIG.HPHASE (bits 2:1) and, with HRCFG = 0, sets STATUS0.HREADY once the
        /// results have settled (HSTIME, 500–1250 ms) (data sheet Rev. A, "Harmonics
        /// Calculations"). HCONFIG is not covered by CHECKSUM ("Checksum Register"), so changing
        /// HPHASE does not raise STATUS1.CRC.
        /// </summary>
        private void ReadThd(PhaseMeasurements measurements)
        {
            measurements.ThdPhase = -1;
            measurements.HarmonicPhase = -1;
            measurements.AnglesBetweenVoltages = _configuration.QualityMeasurement;
            // HCONFIG.HRATE (bits 7:5) = 111 disables the harmonic calculations.
            measurements.HarmonicsEnabled = ((_configuration.HConfig >> 5) & 7) != 7;
            if (!measurements.HarmonicsEnabled)
            {
                for (int p = 0; p < 3; p++)
                {
                    measurements.VoltageThd[p] = 0;
                    measurements.CurrentThd[p] = 0;
                    measurements.ThdValid[p] = false;
                }
                return;
            }
            if ((_bus.ReadRaw(Register.STATUS0, 4) & StatusBits.HREADY) == 0) return;
            int phase = _harmonicPhase;
            if (phase < 3)
            {
                measurements.VoltageThd[phase] = _bus.Read(Register.VTHD);
                measurements.CurrentThd[phase] = _bus.Read(Register.ITHD);
                measurements.ThdValid[phase] = true;
                measurements.ThdPhase = phase;
                if (_configuration.QualityMeasurement) ReadHarmonics(measurements, phase);
            }
            // From the neutral (HPHASE = 3, configured at start-up) on to phase A.
            _harmonicPhase = phase < 2 ? phase + 1 : 0;
            if (_configuration.QualityMeasurement && phase == 2) NextHarmonicOrders();
            // Switch first, then clear HREADY: a HREADY of the old phase cannot slip in between.
            _bus.WriteRaw(Register.HCONFIG, 2, (uint)((_configuration.HConfig & ~0x06) | (_harmonicPhase << 1)));
            _bus.WriteRaw(Register.STATUS0, 4, StatusBits.HREADY);
        }

        /// <summary>
        /// Reads the mean absolute currents xIMAV (PSM1 tamper/missing-neutral measurement) into
        /// <paramref name="currents"/> (length 3).
        /// </summary>
        public void ReadMeanAbsoluteCurrents(int[] currents)
        {
            if (_powerMode != PowerMode.ReducedPower && _powerMode != PowerMode.Normal)
                throw new Ade7880Exception("ADE7880: xIMAV is readable in PSM0 and PSM1 only");
            for (int phase = 0; phase < 3; phase++)
                currents[phase] = _bus.Read((Register)((int)Register.AIMAV + phase));
        }
    }
}
