namespace Meter.Core
{
    /// <summary>
    /// Where the tamper state lives in the storage's settings record: in values that
    /// <see cref="SettingsRecord"/> leaves unused (from <see cref="SettingsRecord.Used"/>), so the
    /// storage layout stays as it is. A record written before these values existed holds 0 there,
    /// which reads as "never tampered, nothing active": no layout version and no record format change.
    /// The record is committed at every tamper start and end and at an acknowledgement (rare).
    /// </summary>
    public static class TamperRecord
    {
        /// <summary>Index of the status bits (<see cref="TamperMonitor.Status"/>): what was active at the last commit, and the latch.</summary>
        public const int Status = SettingsRecord.Used;
        /// <summary>Index of the count of magnetic-influence starts.</summary>
        public const int MagneticCount = Status + 1;
        /// <summary>Index of the UTC seconds of the latest magnetic-influence start (0 = never).</summary>
        public const int MagneticStart = Status + 2;
        /// <summary>Index of the count of terminal-cover openings.</summary>
        public const int TerminalCoverCount = Status + 3;
        /// <summary>Index of the UTC seconds of the latest terminal-cover opening (0 = never).</summary>
        public const int TerminalCoverStart = Status + 4;
        /// <summary>First value after the tamper state (126, <see cref="SettingsRecord.TariffControl"/>; the record has <see cref="Meter.Storage.StorageLayout.SettingsValueCount"/>).</summary>
        public const int Used = Status + 5;

        /// <summary>Index of the counter of tamper <paramref name="detail"/> (<see cref="TamperDetail.Magnetic"/> or <see cref="TamperDetail.TerminalCover"/>).</summary>
        public static int CountIndex(int detail)
        {
            return detail == TamperDetail.Magnetic ? MagneticCount : TerminalCoverCount;
        }

        /// <summary>Index of the latest start time of tamper <paramref name="detail"/>.</summary>
        public static int StartIndex(int detail)
        {
            return detail == TamperDetail.Magnetic ? MagneticStart : TerminalCoverStart;
        }
    }
}
