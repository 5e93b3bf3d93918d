namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Changing the CF pulse outputs' divider or mode while the chip meters: CFxDEN and CFMODE are plain
    /// control registers (not DSP RAM), so no reset is needed and the energy registers, the energy
    /// accumulation and the CF remainders run on. CFxDEN and CFMODE are covered by CHECKSUM, and STATUS1.CRC
    /// compares CHECKSUM with its value at the last RUN = 1 write (ADE7880 data sheet Rev. C,
    /// "Checksum Register" and STATUS1 bit 25), so RUN = 1 is written again to take the new
    /// configuration as the reference.
    /// </summary>
    public sealed partial class Ade7880Driver
    {
        /// <summary>
        /// Writes CF1DEN … CF3DEN of the running configuration (changed by the caller since
        /// <see cref="Start"/>), reads them back, re-arms the CRC reference and takes the new
        /// CHECKSUM as the one every later re-initialisation must show. Throws
        /// <see cref="Ade7880VerificationException"/> when a register does not read back (the
        /// driver then counts as stopped: the next start configures the chip from scratch).
        /// </summary>
        public void ApplyCfDenominators()
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ApplyCfDenominators before a successful Start or in a low-power mode");
            Ade7880Configuration c = _configuration;
            c.Validate();
            try
            {
                for (int i = 0; i < 3; i++) Apply((Register)((int)Register.CF1DEN + i), c.CfDenominators[i], false);
                for (int i = 0; i < 3; i++) Apply((Register)((int)Register.CF1DEN + i), c.CfDenominators[i], true);
                AdoptChecksum();
            }
            catch (Ade7880Exception)
            {
                _running = false;
                throw;
            }
        }

        /// <summary>
        /// Writes CFMODE of the running configuration (changed by the caller since <see cref="Start"/>, e.g.
        /// CF1DIS to stop the test LED in no-load), reads it back and re-arms the CRC reference like
        /// <see cref="ApplyCfDenominators"/>. CFMODE is a plain control register covered by CHECKSUM (ADE7880 data
        /// sheet Rev. C, CFMODE register: CFxSEL bits 0–8, CFxDIS bits 9–11, CFxLATCH bits 12–14). Throws
        /// <see cref="Ade7880VerificationException"/> when it does not read back (the driver then counts as stopped).
        /// </summary>
        public void ApplyCfMode()
        {
            if (!_running) throw new Ade7880Exception("ADE7880: ApplyCfMode before a successful Start or in a low-power mode");
            Ade7880Configuration c = _configuration;
            c.Validate();
            try
            {
                Apply(Register.CFMODE, c.CfMode, false);
                Apply(Register.CFMODE, c.CfMode, true);
                AdoptChecksum();
            }
            catch (Ade7880Exception)
            {
                _running = false;
                throw;
            }
        }

        // RUN = 1 again takes the changed configuration as STATUS1.CRC's reference; the new CHECKSUM is the one
        // every later re-initialisation must show.
        private void AdoptChecksum()
        {
            _bus.WriteRaw(Register.RUN, 2, 0x0001);
            Check(Register.RUN, 0x0001);
            // Write-1-to-clear only CRC: any other pending bit stays for the next metering cycle.
            _bus.WriteRaw(Register.STATUS1, 4, StatusBits.CRC);
            _checksum = _bus.ReadRawVerified(Register.CHECKSUM, 4);
        }
    }
}
