namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Changing a calibration register while the chip meters, without a reset. ADE7880 data sheet Rev. A,
    /// "Digital Signal Processor": the DSP RAM registers (gains, offsets) may be changed while the DSP
    /// runs ("disable the protection, change the value and then enable back the protection; there is no
    /// need to stop the DSP"); writes pass a two-stage pipeline, so a single register is written two more
    /// times (three in all); stopping the DSP (RUN = 0) would instead require a reset before RUN = 1 with
    /// changed DSP RAM. So RUN stays 1, and the energy registers, the energy accumulators and the CF
    /// remainders run on: the counts before the write were made with the old gain, those after with the
    /// new one, none lost. xPHCAL are plain control registers, outside the DSP RAM and not covered by
    /// CHECKSUM (data sheet Rev. A, "Checksum Register"), so they are simply written.
    /// </summary>
    public sealed partial class Ade7880Driver
    {
        /// <summary>
        /// Writes <paramref name="register"/> of the running configuration (changed by the caller since
        /// <see cref="Start"/>): a DSP RAM register (0x4380 … 0x43B9, e.g. AIGAIN, APGAIN, AVRMSOS) or
        /// APHCAL … CPHCAL. DSP RAM: protection off, the register three times, protection on, read back,
        /// then the CRC reference re-armed and the new CHECKSUM adopted as for
        /// <see cref="ApplyCfDenominators"/>. Throws <see cref="Ade7880VerificationException"/> when it
        /// does not read back (the driver then counts as stopped: the next start configures the chip
        /// from scratch) and ArgumentException for any other register.
        /// </summary>
        public void ApplyCalibration(Register register)
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ApplyCalibration before a successful Start or in a low-power mode");
            int phaseCalibration = (int)register - (int)Register.APHCAL;
            bool isPhaseCalibration = phaseCalibration >= 0 && phaseCalibration < 3;
            int dspIndex = (int)register - Ade7880Configuration.DspRamFirst;
            bool isDspRam = dspIndex >= 0 && (int)register <= Ade7880Configuration.DspRamLast && RegisterMap.FormatOf(register) != WireFormat.None;
            if (!isPhaseCalibration && !isDspRam) throw new System.ArgumentException("ADE7880: not a calibration register: " + HexText.Format((uint)register, 4));
            Ade7880Configuration c = _configuration;
            c.Validate();
            try
            {
                if (isPhaseCalibration)
                {
                    Apply(register, c.PhaseCalibration[phaseCalibration], false);
                    Apply(register, c.PhaseCalibration[phaseCalibration], true);
                    return;
                }
                int value = c.GetDspRegister(register);
                // Protection off: 0xAD to DSPWP_SEL, then 0x00 to DSPWP_SET ("Digital Signal Processor").
                _bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
                _bus.WriteRaw(Register.DSPWP_SET, 1, 0x00);
                // Two-stage pipeline: one register alone is written two more times to reach the RAM.
                for (int i = 0; i < 3; i++) _bus.Write(register, value);
                // Protection on again: 0xAD to DSPWP_SEL, then 0x80 to DSPWP_SET.
                _bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
                _bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);
                Apply(register, value, true);
                // The DSP RAM is covered by CHECKSUM: the write raised STATUS1.CRC; take the new reference.
                AdoptChecksum();
            }
            catch (Ade7880Exception)
            {
                _running = false;
                throw;
            }
        }
    }
}
