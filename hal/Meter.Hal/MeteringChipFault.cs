namespace Meter.Hal
{
    /// <summary>What went wrong in a <see cref="MeteringChipException"/>, in terms the meter records.</summary>
    public static class MeteringChipFault
    {
        /// <summary>The chip did not finish a reset, did not take the bus, does not answer, or was used before a start.</summary>
        public const int NotResponding = 0;
        /// <summary>A read could not be verified (noisy or broken bus); <see cref="MeteringChipException.RegisterAddress"/> names it.</summary>
        public const int ReadNotVerified = 1;
        /// <summary>A register read back differs from what was written; <see cref="MeteringChipException.RegisterAddress"/> and <see cref="MeteringChipException.ReadBack"/> say which and what.</summary>
        public const int ConfigurationNotVerified = 2;
    }
}
