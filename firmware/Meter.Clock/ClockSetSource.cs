namespace Meter.Clock
{
    /// <summary>Who set the clock (kept with the time quality and in every clock-set event).</summary>
    public enum ClockSetSource
    {
        /// <summary>Never set.</summary>
        None = 0,

        /// <summary>Factory or test bench.</summary>
        Factory = 1,

        /// <summary>The optical port (IEC 62056-21 programming mode).</summary>
        OpticalPort = 2,

        /// <summary>A communication module (AMR/AMM system).</summary>
        CommunicationModule = 3,

        /// <summary>The meter itself, restoring its last stored time after a backup loss.</summary>
        RestoredAfterBackupLoss = 4,
    }
}
