using Meter.Storage;

namespace Meter.Core
{
    /// <summary>
    /// Writes disconnect-control transitions and breaker faults to the event log. The log's per-kind counters
    /// are part of the storage layout (Meter.Storage EventLog: a new kind needs a layout version), so these
    /// events are <see cref="EventKind.ParameterChange"/> events in a detail range of their own, above every
    /// settings index: detail <see cref="TransitionBase"/> + trigger (<see cref="DisconnectTrigger"/>), old value
    /// = old state + 256 × cause (<see cref="DisconnectCause"/>), new value = new state; detail
    /// <see cref="FeedbackMismatchDetail"/>: old = expected, new = the feedback's position (Meter.Hal BreakerPosition).
    /// </summary>
    public sealed class DisconnectEventLog : IDisconnectEventSink
    {
        /// <summary>Detail of a transition = this + the trigger (0xB1 … 0xB7).</summary>
        public const int TransitionBase = 0xB0;
        /// <summary>Detail of a feedback mismatch.</summary>
        public const int FeedbackMismatchDetail = 0xBF;

        private readonly EventRouting _events;

        /// <summary>A sink writing to <paramref name="events"/>.</summary>
        public DisconnectEventLog(EventRouting events)
        {
            _events = events;
        }

        /// <inheritdoc />
        public void Transition(int trigger, int cause, int oldState, int newState)
        {
            _events.Log(EventKind.ParameterChange, TransitionBase + trigger, oldState + 256L * cause, newState);
        }

        /// <inheritdoc />
        public void FeedbackMismatch(int expected, int actual)
        {
            _events.Log(EventKind.ParameterChange, FeedbackMismatchDetail, expected, actual);
        }
    }
}
