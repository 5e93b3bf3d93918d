namespace Meter.Core
{
    /// <summary>
    /// Detail byte of <see cref="Meter.Storage.EventKind.Tamper"/> events (Meter.Storage EventKind:
    /// 1 magnetic influence, 2 terminal cover, 3 meter cover), plus <see cref="Ended"/> for the end
    /// of the influence or the cover put back. Start: old/new = the kind's counter before and
    /// after; end: old/new = UTC seconds of the start and of the end (so the duration is readable,
    /// as the Kamstrup 351C records supply loss with its duration).
    /// </summary>
    public static class TamperDetail
    {
        /// <summary>Magnetic influence (a field at the Hall sensor).</summary>
        public const int Magnetic = 1;
        /// <summary>Terminal cover removed.</summary>
        public const int TerminalCover = 2;
        /// <summary>Meter cover opened (no board has its switch yet).</summary>
        public const int MeterCover = 3;
        /// <summary>The module's alarm input became active (Meter.Core ModuleInputs; no event kind of its own: a new kind would grow the event counters' records).</summary>
        public const int AlarmInput = 4;
        /// <summary>Bit 7: the tamper of the low bits ended (field gone, cover back on).</summary>
        public const int Ended = 128;
    }
}
