using System.Globalization;

namespace Meter.Simulation;

/// <summary>
/// The battery-backed clock kept beside a state file (<c>FILE.rtc</c>: the RTC's UTC time in .NET
/// ticks, as text). A real RTC runs on while the meter is off or dies, so the file is rewritten
/// while the meter runs, never only at a clean quit: each write goes to a temp file that is then
/// renamed over the old one, so a kill at any moment leaves the old time or the new one, whole.
/// </summary>
public sealed class RtcStateFile
{
    private readonly string _path;
    private readonly string _temp;

    /// <summary>The clock file of <paramref name="stateFile"/>.</summary>
    public RtcStateFile(string stateFile)
    {
        _path = stateFile + ".rtc";
        _temp = _path + ".tmp";
    }

    /// <summary>The clock file's path.</summary>
    public string Path => _path;

    /// <summary>The time the clock file holds, or null (no file, or not a time).</summary>
    public DateTime? Read()
    {
        if (!File.Exists(_path)) return null;
        string text = File.ReadAllText(_path).Trim();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks) && ticks > 0 && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;
    }

    /// <summary>Replaces the clock file's time with <paramref name="utc"/> (temp file, then rename).</summary>
    public void Write(DateTime utc)
    {
        File.WriteAllText(_temp, utc.Ticks.ToString(CultureInfo.InvariantCulture));
        File.Move(_temp, _path, overwrite: true);
    }
}
