using Meter.Obis;
using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// OBIS codes of the event counters: 0-0:96.15.K, shown "C.15.K". IEC 62056-61 / DLMS UA
    /// OBIS list: C = 96, D = 15 are the event counter objects; E = K = the <see cref="EventKind"/>
    /// number (1 … <see cref="EventKind.Count"/>), E = 0 every event. The values are the storage
    /// event log's per-kind counters: events since the log was formatted, not limited by its ring
    /// (the P.98 logbook keeps the newest <see cref="EventLog.Capacity"/> events). Nothing else in
    /// the table uses 96.15; the tamper counters 96.51.x count tamper starts only.
    /// </summary>
    public static class EventCounterObjects
    {
        /// <summary>0-0:96.15.0 events logged since formatting (all kinds).</summary>
        public static readonly ObisCode AllEvents = Of(0);

        /// <summary>Objects <see cref="MeterObjectTable.Declare"/> adds from here (all kinds + 1).</summary>
        public const int Count = EventKind.Count + 1;

        /// <summary>0-0:96.15.<paramref name="kind"/> (0 = all kinds).</summary>
        public static ObisCode Of(int kind)
        {
            return new ObisCode(0, 0, 96, 15, (byte)kind, 255);
        }

        /// <summary>The event kind of a counter code (0 = all), -1 for any other code.</summary>
        public static int KindOf(ObisCode code)
        {
            if (code.A != 0 || code.B != 0 || code.C != 96 || code.D != 15 || code.F != 255 || code.E > EventKind.Count) return -1;
            return code.E;
        }
    }
}
