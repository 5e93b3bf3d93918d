namespace Meter.Hal
{
    /// <summary>
    /// What a metering cycle saw, decoded by the chip's driver from its status registers (ADE7880:
    /// STATUS0/STATUS1, named below) into the meaning the meter uses (bit set = event happened
    /// since the previous cycle). Combine with bitwise OR.
    /// </summary>
    public static class MeterEvents
    {
        /// <summary>A line-cycle accumulation period ended (STATUS0.LENERGY).</summary>
        public const int EnergyReady = 1 << 0;
        /// <summary>A phase voltage entered or left a sag (STATUS1.SAG).</summary>
        public const int Sag = 1 << 1;
        /// <summary>A voltage or current zero-crossing timeout (STATUS1.ZXTOVx/ZXTOIx).</summary>
        public const int ZeroCrossingTimeout = 1 << 2;
        /// <summary>The chip had reset (STATUS1.RSTDONE) and was re-initialised in this cycle.</summary>
        public const int ResetDone = 1 << 3;
        /// <summary>Over-voltage (STATUS1.OV).</summary>
        public const int OverVoltage = 1 << 4;
        /// <summary>Over-current (STATUS1.OI).</summary>
        public const int OverCurrent = 1 << 5;
        /// <summary>The configuration checksum changed (STATUS1.CRC); the chip was re-initialised.</summary>
        public const int ChecksumChanged = 1 << 6;
        /// <summary>A CF pulse was issued (STATUS0.CF1..CF3).</summary>
        public const int CfPulse = 1 << 7;
        /// <summary>Active or fundamental reactive power changed sign (STATUS0.REVAPx/REVFRPx).</summary>
        public const int PowerReversal = 1 << 8;
        /// <summary>Harmonic results were updated (STATUS0.HREADY).</summary>
        public const int HarmonicsReady = 1 << 9;
        /// <summary>Neutral current mismatch (STATUS1.MISMTCH).</summary>
        public const int NeutralMismatch = 1 << 10;
    }
}
