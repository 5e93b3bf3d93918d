using Meter.Obis;
using Meter.Optical;

namespace Meter.Optical.Tests.Support;

/// <summary>One recorded optical-port event.</summary>
public readonly record struct RecordedEvent(OpticalEventKind Kind, long TimeMs, ObisCode Code, int Detail);

/// <summary>Collects the events the server reports.</summary>
public sealed class EventRecorder : IOpticalEventSink
{
    public List<RecordedEvent> Events { get; } = new();

    public void Record(OpticalEventKind kind, long timeMs, ObisCode code, int detail) =>
        Events.Add(new RecordedEvent(kind, timeMs, code, detail));

    public int Count(OpticalEventKind kind) => Events.Count(e => e.Kind == kind);
}

/// <summary>A programming switch the test opens and closes.</summary>
public sealed class TestSeal : IProgrammingSwitch
{
    public bool IsOpen { get; set; }
}
