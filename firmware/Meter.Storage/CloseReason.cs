namespace Meter.Storage
{
    /// <summary>Why a billing (debiting) period was closed; stored with each period.</summary>
    public static class CloseReason
    {
        /// <summary>The schedule's target date was reached.</summary>
        public const int Scheduled = 1;

        /// <summary>Debiting stop by command (optical port or communication module).</summary>
        public const int Command = 2;

        /// <summary>External control: the debiting stop pulse input (I/O code 15 "Debiting pulse").</summary>
        public const int ExternalInput = 3;
    }
}
