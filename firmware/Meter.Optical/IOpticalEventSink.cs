using Meter.Obis;

namespace Meter.Optical
{
    /// <summary>
    /// Receives every login, password failure, lock and write of the optical port, with the
    /// time it happened (the injected monotonic time in ms; the event log stamps calendar
    /// time). Implemented by the event logger.
    /// </summary>
    public interface IOpticalEventSink
    {
        /// <summary>Records one event.</summary>
        /// <param name="kind">What happened.</param>
        /// <param name="timeMs">Injected monotonic time of the happening, ms.</param>
        /// <param name="code">Object concerned (writes), else the all-zero code.</param>
        /// <param name="detail">Kind-specific number, see <see cref="OpticalEventKind"/>.</param>
        void Record(OpticalEventKind kind, long timeMs, ObisCode code, int detail);
    }
}
