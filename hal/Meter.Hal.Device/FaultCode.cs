namespace Meter.Hal.Device
{
    /// <summary>
    /// A small number for an unhandled exception, stored in the event log before the app
    /// restarts (the log keeps integers, not text): the codes say which part failed. It is the
    /// detail of the restart event (Meter.Storage EventKind.Restart).
    /// </summary>
    public static class FaultCode
    {
        /// <summary>Any other exception.</summary>
        public const int Other = 1;
        /// <summary>A metering-chip driver exception (Meter.Hal MeteringChipException: chip not answering, verification failure).</summary>
        public const int Metering = 2;
        /// <summary>Invalid argument or state: a bug.</summary>
        public const int Program = 3;
        /// <summary>The software watchdog found a stalled thread.</summary>
        public const int Watchdog = 4;
        /// <summary>Out of memory on the nanoFramework heap.</summary>
        public const int Memory = 5;

        /// <summary>The code of <paramref name="exception"/>.</summary>
        public static int Of(System.Exception exception)
        {
            if (exception == null) return Other;
            if (exception is MeteringChipException) return Metering;
            if (exception is System.OutOfMemoryException) return Memory;
            if (exception is System.ArgumentException || exception is System.InvalidOperationException ||
                exception is System.NullReferenceException || exception is System.IndexOutOfRangeException) return Program;
            return Other;
        }
    }
}
