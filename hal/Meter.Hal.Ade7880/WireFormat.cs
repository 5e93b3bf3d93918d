namespace Meter.Hal.Ade7880
{
    /// <summary>
    /// How a register travels on the serial port (ADE7880 data sheet Rev. A, Table 30 footnote 2
    /// and Tables 31–33 column "Bit Length During Communication").
    /// </summary>
    public enum WireFormat
    {
        /// <summary>Not a register of the chip.</summary>
        None = 0,
        /// <summary>8-bit unsigned.</summary>
        U8,
        /// <summary>16-bit unsigned.</summary>
        U16,
        /// <summary>16-bit signed (two's complement).</summary>
        S16,
        /// <summary>32-bit unsigned.</summary>
        U32,
        /// <summary>32-bit signed (two's complement).</summary>
        S32,
        /// <summary>"32 ZPSE": 24-bit signed, sign-extended to 28 bits, top 4 bits zero.</summary>
        Zpse24,
        /// <summary>"32 ZP": 24-bit unsigned, top 8 bits zero.</summary>
        Zp24U,
        /// <summary>"32 ZP": 24-bit signed, top 8 bits zero.</summary>
        Zp24S,
        /// <summary>"32 ZP": 28-bit signed, top 4 bits zero.</summary>
        Zp28S,
        /// <summary>"32 ZP": 20-bit unsigned, top 12 bits zero.</summary>
        Zp20U,
        /// <summary>"32 SE": 24-bit signed, sign-extended to 32 bits.</summary>
        Se24,
        /// <summary>"16 ZP": 10-bit unsigned in a 16-bit word (phase calibration).</summary>
        Zp10U,
    }
}
