using Meter.Core;

namespace Meter.Core.Tests.Breaker;

/// <summary>Keeps what a <see cref="DisconnectControl"/> reports.</summary>
internal sealed class RecordingDisconnectEvents : IDisconnectEventSink
{
    public List<(int Trigger, int Cause, int Old, int New)> Transitions { get; } = new();
    public List<(int Expected, int Actual)> Mismatches { get; } = new();

    public void Transition(int trigger, int cause, int oldState, int newState) => Transitions.Add((trigger, cause, oldState, newState));

    public void FeedbackMismatch(int expected, int actual) => Mismatches.Add((expected, actual));
}
