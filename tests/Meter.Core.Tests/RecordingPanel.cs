using Meter.Hal;

namespace Meter.Core.Tests;

/// <summary>Keeps a copy of every frame the meter sends to the LCD.</summary>
internal sealed class RecordingPanel : ILcdPanel
{
    public readonly List<(string Id, string Value, int Symbols)> Shown = new();

    public void Show(LcdFrame frame) => Shown.Add((new string(frame.Id), new string(frame.Value), frame.Symbols));
}
