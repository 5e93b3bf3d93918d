using Meter.Display;
using Meter.Hal;
using Meter.Obis;

namespace Meter.Display.Tests;

/// <summary>Readings by OBIS code, with scaler and unit; codes not set are unavailable.</summary>
internal sealed class FakeValueSource : IDisplayValueSource
{
    private readonly Dictionary<ObisCode, (long Value, int Scaler, ObisUnit Unit)> _values = new();

    public void Set(ObisCode code, long value, int scaler, ObisUnit unit) => _values[code] = (value, scaler, unit);

    public bool TryRead(ObisCode code, out long value, out int scaler, out ObisUnit unit)
    {
        if (_values.TryGetValue(code, out var v))
        {
            (value, scaler, unit) = v;
            return true;
        }
        (value, scaler, unit) = (0, 0, ObisUnit.Count);
        return false;
    }
}

/// <summary>Every pin write and delay of a driver, in order.</summary>
internal sealed class PinLog
{
    public List<(string Pin, bool Level)> Writes { get; } = new();
    public List<int> Delays { get; } = new();
    public List<string> Disposed { get; } = new();
}

/// <summary>An output pin that logs its writes and its release (a pin a board opened and must close).</summary>
internal sealed class RecordingPin(string name, PinLog log) : IOutputPin, IDisposable
{
    public string Name { get; } = name;
    public void Write(bool high) => log.Writes.Add((Name, high));
    public void Dispose() => log.Disposed.Add(Name);
}

internal sealed class RecordingDelay(PinLog log) : IDelay
{
    public void Wait(int microseconds) => log.Delays.Add(microseconds);
}

/// <summary>
/// Reads HT1621 frames back from pin writes the way the chip does: a frame is everything
/// between CS falling and CS rising; each WR rising edge inside it latches the DATA level.
/// </summary>
internal static class Ht1621Decoder
{
    public static List<string> Frames(PinLog log, string chipSelect = "CS", string write = "WR", string data = "DATA")
    {
        var frames = new List<string>();
        bool cs = true, wr = true, dataLevel = true;
        System.Text.StringBuilder? current = null;
        foreach (var (pin, level) in log.Writes)
        {
            if (pin == chipSelect)
            {
                if (cs && !level) current = new System.Text.StringBuilder();
                if (!cs && level && current != null) { frames.Add(current.ToString()); current = null; }
                cs = level;
            }
            else if (pin == write)
            {
                if (!wr && level && !cs && current != null) current.Append(dataLevel ? '1' : '0');
                wr = level;
            }
            else if (pin == data) dataLevel = level;
        }
        return frames;
    }
}

/// <summary>
/// Reads HD44780 transfers back from pin writes: on each falling edge of E the controller
/// latches RS and DB4..DB7 as one nibble.
/// </summary>
internal static class Hd44780Decoder
{
    public static List<(bool Rs, int Nibble)> Nibbles(PinLog log)
    {
        var result = new List<(bool, int)>();
        bool rs = false, e = false;
        var db = new bool[4];
        foreach (var (pin, level) in log.Writes)
        {
            switch (pin)
            {
                case "RS": rs = level; break;
                case "DB4": db[0] = level; break;
                case "DB5": db[1] = level; break;
                case "DB6": db[2] = level; break;
                case "DB7": db[3] = level; break;
                case "E":
                    if (e && !level) result.Add((rs, (db[0] ? 1 : 0) | (db[1] ? 2 : 0) | (db[2] ? 4 : 0) | (db[3] ? 8 : 0)));
                    e = level;
                    break;
            }
        }
        return result;
    }

    /// <summary>Nibbles after the first <paramref name="single"/> lone init nibbles, paired upper-first into bytes.</summary>
    public static List<(bool Rs, byte Value)> Bytes(PinLog log, int single)
    {
        var nibbles = Nibbles(log);
        var bytes = new List<(bool, byte)>();
        for (int i = single; i + 1 < nibbles.Count; i += 2)
        {
            Assert.Equal(nibbles[i].Rs, nibbles[i + 1].Rs);
            bytes.Add((nibbles[i].Rs, (byte)(nibbles[i].Nibble << 4 | nibbles[i + 1].Nibble)));
        }
        Assert.True((nibbles.Count - single) % 2 == 0, "odd number of nibbles after initialisation");
        return bytes;
    }
}

internal static class FrameText
{
    public static string Value(LcdFrame frame) => new(frame.Value);
    public static string Id(LcdFrame frame) => new(frame.Id);

    public static void SetValue(LcdFrame frame, string text)
    {
        Assert.Equal(LcdFrame.ValueLength, text.Length);
        for (int i = 0; i < text.Length; i++) frame.Value[i] = text[i];
    }

    public static void SetId(LcdFrame frame, string text)
    {
        Assert.Equal(LcdFrame.IdLength, text.Length);
        for (int i = 0; i < text.Length; i++) frame.Id[i] = text[i];
    }
}
