namespace Meter.Hal
{
    /// <summary>
    /// The phase indicators and status symbols of the meter glass, as flags of
    /// <see cref="LcdFrame.Symbols"/> (seeds: Kamstrup 382 "Mains voltage reading", "Status
    /// reading"; OMNIPOWER error, breaker, tamper, prepayment symbols).
    /// </summary>
    public static class LcdSymbols
    {
        /// <summary>Phase L1 indicator lit.</summary>
        public const int L1 = 1;
        /// <summary>Phase L2 indicator lit.</summary>
        public const int L2 = 2;
        /// <summary>Phase L3 indicator lit.</summary>
        public const int L3 = 4;
        /// <summary>Critical internal error.</summary>
        public const int Error = 8;
        /// <summary>Magnetic influence detected.</summary>
        public const int Magnetic = 16;
        /// <summary>Tamper: terminal cover opened.</summary>
        public const int Tamper = 32;
        /// <summary>Breaker open (load disconnected).</summary>
        public const int Breaker = 64;
        /// <summary>Prepayment function active.</summary>
        public const int Prepayment = 128;
        /// <summary>Running on backup (battery) power.</summary>
        public const int Battery = 256;
        /// <summary>Power-quality alarm: the current week fails EN 50160 (status bit 0x800).</summary>
        public const int QualityAlarm = 512;
        /// <summary>Number of symbols (bits 0..Count−1).</summary>
        public const int Count = 10;
    }
}
