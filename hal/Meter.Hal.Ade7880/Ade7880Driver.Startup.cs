namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Start-up of the ADE7880: hardware reset, wait for RSTDONE, SPI selection and lock,
    /// configuration with the DSP RAM rule, write protection, read-back verification, RUN and
    /// the checksum (data sheet Rev. A, "Power-Up Procedure", "Digital Signal Processor",
    /// "Checksum Register").
    /// </summary>
    public sealed partial class Ade7880Driver
    {
        private void Restart()
        {
            _running = false;
            WritePowerModePins(PowerMode.Normal);
            _powerMode = PowerMode.Normal;
            // Hardware reset: RESET low for at least 10 µs (data sheet Rev. A, "Hardware Reset").
            _reset.Write(false);
            _delay.Wait(ResetPulseMicroseconds);
            _reset.Write(true);
            WaitForResetDone();
            Configure();
        }

        private void WritePowerModePins(PowerMode mode)
        {
            // Data sheet "Power Management": PSM0 PM1=0 PM0=1; PSM1 0/0; PSM2 1/0; PSM3 1/1.
            bool pm0 = mode == PowerMode.Normal || mode == PowerMode.Sleep;
            bool pm1 = mode == PowerMode.LowPower || mode == PowerMode.Sleep;
            _pm1.Write(pm1);
            _pm0.Write(pm0);
        }

        /// <summary>
        /// Waits for the end of the reset: IRQ1 falls (data sheet Rev. A, "Power-Up Procedure"),
        /// then the serial port is selected and locked and the chip proves itself (CFMODE reset
        /// value, 0xE7E4 = 0x08, RSTDONE set). The IRQ pin alone is not trusted (it can be stuck);
        /// the register check is retried until the chip answers or the time is up.
        /// </summary>
        private void WaitForResetDone()
        {
            bool irqSeen = false;
            for (int i = 0; i < ResetPolls; i++)
            {
                if (!_irq1.Read())
                {
                    irqSeen = true;
                    break;
                }
                _delay.Wait(PollMicroseconds);
            }
            for (int attempt = 0; attempt < ResetPolls; attempt++)
            {
                SelectAndLockSpi();
                if (ChipAnswers())
                {
                    if (!irqSeen) _irqFaults++;
                    return;
                }
                _delay.Wait(PollMicroseconds);
            }
            throw new Ade7880NotRespondingException("ADE7880 did not come out of reset or does not answer on SPI");
        }

        private void SelectAndLockSpi()
        {
            // SPI is chosen by toggling SS high→low three times; three writes to an unallocated
            // address do it (data sheet Rev. A, "Serial Interfaces"). CONFIG2.I2C_LOCK (bit 1) then
            // locks the choice until the next reset.
            for (int i = 0; i < 3; i++) _bus.WriteRaw(Register.SpiSelectDummy, 1, 0x01);
            _bus.WriteRaw(Register.CONFIG2, 1, 0x02);
        }

        private bool ChipAnswers()
        {
            if (_bus.ReadRaw(Register.CFMODE, 2) != CfModeResetValue) return false;
            // Reserved 0xE7E4 reads 0x08 after a reset (data sheet Rev. A, "Checksum Register").
            if (_bus.ReadRaw(Register.Reserved_E7E4, 1) != 0x08) return false;
            if ((_bus.ReadRaw(Register.CONFIG2, 1) & 0x02) == 0) return false;
            return (_bus.ReadRaw(Register.STATUS1, 4) & StatusBits.RSTDONE) != 0;
        }

        private void Configure()
        {
            Ade7880Configuration c = _configuration;
            // Clear RSTDONE and everything else (write 1 to clear); releases IRQ1.
            _bus.WriteRaw(Register.STATUS0, 4, 0xFFFFFFFF);
            _bus.WriteRaw(Register.STATUS1, 4, 0xFFFFFFFF);

            ApplyRegisters(c, false);
            // The harmonic engine starts on the configured HCONFIG.HPHASE (3 = neutral).
            _harmonicPhase = (c.HConfig >> 1) & 3;
            _harmonicFirstOrder = 2;
            ApplyDspRam(c, false);
            // The DSP RAM write pipeline commits a write only when more follow: write the last
            // register two more times (three in all) (data sheet Rev. A, "Digital Signal Processor").
            int lastValue = c.GetDspRegister(Register.HZVRMSOS);
            _bus.Write(Register.HZVRMSOS, lastValue);
            _bus.Write(Register.HZVRMSOS, lastValue);
            // Protect the DSP RAM: 0xAD to DSPWP_SEL, then 0x80 to DSPWP_SET.
            _bus.WriteRaw(Register.DSPWP_SEL, 1, 0xAD);
            _bus.WriteRaw(Register.DSPWP_SET, 1, 0x80);

            ApplyRegisters(c, true);
            ApplyDspRam(c, true);

            // Start the DSP (Table 31: RUN = 0x0001).
            _bus.WriteRaw(Register.RUN, 2, 0x0001);
            Check(Register.RUN, 0x0001);
            // Discard what accumulated while the configuration was incomplete (read-with-reset).
            for (int i = 0; i < 15; i++)
            {
                Register energy = (Register)((int)Register.AWATTHR + i);
                if (RegisterMap.FormatOf(energy) != WireFormat.None) _bus.ReadRaw(energy, 4);
            }

            uint checksum = _bus.ReadRawVerified(Register.CHECKSUM, 4);
            if (c.ExpectedChecksum >= 0 && checksum != (uint)c.ExpectedChecksum)
                throw new Ade7880VerificationException(Register.CHECKSUM, (uint)c.ExpectedChecksum, checksum);
            // After a re-initialisation the same configuration must give the same checksum.
            if (_checksum >= 0 && checksum != (uint)_checksum)
                throw new Ade7880VerificationException(Register.CHECKSUM, (uint)_checksum, checksum);
            _checksum = checksum;
            _bus.WriteRaw(Register.STATUS0, 4, 0xFFFFFFFF);
            _bus.WriteRaw(Register.STATUS1, 4, 0xFFFFFFFF);
            _running = true;
        }

        /// <summary>Writes (or, with <paramref name="verify"/>, reads back and checks) the control registers.</summary>
        private void ApplyRegisters(Ade7880Configuration c, bool verify)
        {
            Apply(Register.GAIN, c.Gain, verify);
            Apply(Register.CONFIG, c.Config, verify);
            Apply(Register.COMPMODE, c.CompModeToWrite(), verify);
            Apply(Register.ACCMODE, c.AccMode, verify);
            Apply(Register.LCYCMODE, c.LcycMode, verify);
            Apply(Register.LINECYC, c.LineCycles, verify);
            Apply(Register.CONFIG3, c.Config3, verify);
            Apply(Register.HCONFIG, c.HConfig, verify);
            Apply(Register.MMODE, c.MMode, verify);
            Apply(Register.PEAKCYC, c.PeakCycles, verify);
            Apply(Register.SAGCYC, c.SagCycles, verify);
            Apply(Register.ZXTOUT, c.ZeroCrossingTimeout, verify);
            Apply(Register.CFCYC, c.CfCycles, verify);
            for (int i = 0; i < 3; i++)
            {
                Apply((Register)((int)Register.APHCAL + i), c.PhaseCalibration[i], verify);
                Apply((Register)((int)Register.APNOLOAD + i), c.NoLoadThresholds[i], verify);
                Apply((Register)((int)Register.HX + i), c.HarmonicIndexToWrite(i), verify);
                Apply((Register)((int)Register.CF1DEN + i), c.CfDenominators[i], verify);
            }
            Apply(Register.WTHR, c.ActiveThreshold, verify);
            Apply(Register.VARTHR, c.ReactiveThreshold, verify);
            Apply(Register.VATHR, c.ApparentThreshold, verify);
            Apply(Register.VNOM, c.NominalVoltageCode, verify);
            Apply(Register.SAGLVL, c.SagLevel, verify);
            Apply(Register.OVLVL, c.OverVoltageLevel, verify);
            Apply(Register.OILVL, c.OverCurrentLevel, verify);
            Apply(Register.MASK0, (int)c.Mask0, verify);
            Apply(Register.MASK1, (int)c.Mask1, verify);
            // CFMODE enables the CF outputs; written before RUN so that the checksum the chip
            // takes at RUN = 1 already covers it (a later write would raise STATUS1.CRC).
            Apply(Register.CFMODE, c.CfMode, verify);
        }

        private void ApplyDspRam(Ade7880Configuration c, bool verify)
        {
            for (int address = Ade7880Configuration.DspRamFirst; address <= Ade7880Configuration.DspRamLast; address++)
            {
                Register register = (Register)address;
                if (RegisterMap.FormatOf(register) == WireFormat.None) continue;
                Apply(register, c.GetDspRegister(register), verify);
            }
        }

        private void Apply(Register register, int value, bool verify)
        {
            if (verify) Check(register, RegisterMap.Encode(RegisterMap.FormatOf(register), value));
            else _bus.Write(register, value);
        }

        private void Check(Register register, uint expected)
        {
            int bytes = RegisterMap.WireBytes(RegisterMap.FormatOf(register));
            uint actual = _bus.ReadRawVerified(register, bytes);
            if (actual != expected) throw new Ade7880VerificationException(register, expected, actual);
        }
    }
}
