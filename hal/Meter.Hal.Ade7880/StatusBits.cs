namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// Bits of STATUS0/MASK0 (IRQ0) and STATUS1/MASK1 (IRQ1): ADE7880 data sheet Rev. A,
    /// Table 36 (STATUS0), Table 37 (STATUS1), Tables 38–39 (MASK0/MASK1). Status bits are set
    /// whatever the mask and are cleared by writing 1 to them.
    /// </summary>
    public static class StatusBits
    {
        /// <summary>STATUS0 bit 0: bit 30 of an xWATTHR register changed (half full).</summary>
        public const uint AEHF = 1u << 0;
        /// <summary>STATUS0 bit 1: bit 30 of an xFWATTHR register changed.</summary>
        public const uint FAEHF = 1u << 1;
        /// <summary>STATUS0 bit 3: bit 30 of an xFVARHR register changed.</summary>
        public const uint FREHF = 1u << 3;
        /// <summary>STATUS0 bit 4: bit 30 of an xVAHR register changed.</summary>
        public const uint VAEHF = 1u << 4;
        /// <summary>STATUS0 bit 5: end of a line-cycle accumulation period.</summary>
        public const uint LENERGY = 1u << 5;
        /// <summary>STATUS0 bits 6–8: sign change of phase A/B/C active power.</summary>
        public const uint REVAPMask = 7u << 6;
        /// <summary>STATUS0 bits 10–12: sign change of phase A/B/C fundamental reactive power.</summary>
        public const uint REVFRPMask = 7u << 10;
        /// <summary>STATUS0 bit 14: a CF1 pulse was issued.</summary>
        public const uint CF1 = 1u << 14;
        /// <summary>STATUS0 bit 15: a CF2 pulse was issued.</summary>
        public const uint CF2 = 1u << 15;
        /// <summary>STATUS0 bit 16: a CF3 pulse was issued.</summary>
        public const uint CF3 = 1u << 16;
        /// <summary>STATUS0 bit 17: new 8 kHz sample set.</summary>
        public const uint DREADY = 1u << 17;
        /// <summary>STATUS0 bit 19: harmonic results updated.</summary>
        public const uint HREADY = 1u << 19;

        /// <summary>STATUS1 bits 3–5: no voltage zero crossing on phase A/B/C within ZXTOUT.</summary>
        public const uint ZXTOVMask = 7u << 3;
        /// <summary>STATUS1 bits 6–8: no current zero crossing on phase A/B/C within ZXTOUT.</summary>
        public const uint ZXTOIMask = 7u << 6;
        /// <summary>STATUS1 bit 15: reset or power-mode transition finished (cannot be masked).</summary>
        public const uint RSTDONE = 1u << 15;
        /// <summary>STATUS1 bit 16: a phase entered or left a sag (PHSTATUS.VSPHASE).</summary>
        public const uint SAG = 1u << 16;
        /// <summary>STATUS1 bit 17: over-current (PHSTATUS.OIPHASE).</summary>
        public const uint OI = 1u << 17;
        /// <summary>STATUS1 bit 18: over-voltage (PHSTATUS.OVPHASE).</summary>
        public const uint OV = 1u << 18;
        /// <summary>STATUS1 bit 19: phase sequence error.</summary>
        public const uint SEQERR = 1u << 19;
        /// <summary>STATUS1 bit 20: |ISUM − INWV| above ISUMLVL.</summary>
        public const uint MISMTCH = 1u << 20;
        /// <summary>STATUS1 bit 23: current peak period ended.</summary>
        public const uint PKI = 1u << 23;
        /// <summary>STATUS1 bit 24: voltage peak period ended.</summary>
        public const uint PKV = 1u << 24;
        /// <summary>STATUS1 bit 25: CHECKSUM differs from its value when RUN was set to 1.</summary>
        public const uint CRC = 1u << 25;
    }
}
