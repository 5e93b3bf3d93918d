namespace Meter.Core
{
    /// <summary>Where <see cref="DisconnectControl"/> reports its transitions and breaker faults (the event log in the meter).</summary>
    public interface IDisconnectEventSink
    {
        /// <summary>A transition from <paramref name="oldState"/> to <paramref name="newState"/> by <paramref name="trigger"/> (<see cref="DisconnectTrigger"/>) for <paramref name="cause"/> (<see cref="DisconnectCause"/>).</summary>
        void Transition(int trigger, int cause, int oldState, int newState);

        /// <summary>The breaker's feedback shows <paramref name="actual"/> where the control state wants <paramref name="expected"/> (Meter.Hal BreakerPosition).</summary>
        void FeedbackMismatch(int expected, int actual);
    }
}
