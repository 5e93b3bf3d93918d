using Meter.Hal;

namespace Meter.Simulation;

/// <summary>Keeps the last frame the meter sent to its LCD (the host draws it with the rest of the screen).</summary>
public sealed class CapturedLcd : ILcdPanel
{
    /// <summary>The frame shown.</summary>
    public LcdFrame Frame { get; } = new();

    /// <summary>Frames received.</summary>
    public long Frames { get; private set; }

    /// <inheritdoc />
    public void Show(LcdFrame frame)
    {
        Frame.CopyFrom(frame);
        Frames++;
    }
}
