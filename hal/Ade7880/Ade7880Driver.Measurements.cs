namespace Meter.Hal.Ade7880
{
    /// <summary>Measurement reads of the ADE7880 driver (not part of the metering cycle).</summary>
    public sealed partial class Ade7880Driver
    {
        /// <summary>
        /// Reads rms values, powers, periods, angles, power factors, peaks and (if the harmonic
        /// engine is on) THD into <paramref name="measurements"/>: 27 frames (29 with THD),
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
            // HCONFIG.HRATE (bits 7:5) = 111 disables the harmonic calculations.
            measurements.HarmonicsEnabled = ((_configuration.HConfig >> 5) & 7) != 7;
            if (measurements.HarmonicsEnabled)
            {
                measurements.VoltageThd = _bus.Read(Register.VTHD);
                measurements.CurrentThd = _bus.Read(Register.ITHD);
            }
            else
            {
                measurements.VoltageThd = 0;
                measurements.CurrentThd = 0;
            }
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
