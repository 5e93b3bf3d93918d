using Meter.Hal;

namespace Meter.Simulation;

/// <summary>
/// The simulated breaker's contacts kept beside a state file (<c>FILE.breaker</c>: "open" or "closed"). A bistable
/// breaker stays where its last coil pulse put it while the meter is off, so the next run starts with the contacts
/// there and the meter learns the position from the feedback, as on the board (Meter.Core DisconnectControl.Start).
/// Written when the contacts move (temp file, then rename: a kill leaves the old position or the new one, whole).
/// </summary>
public sealed class BreakerStateFile
{
    private const string OpenText = "open", ClosedText = "closed";

    private readonly string _path;
    private readonly string _temp;

    /// <summary>The breaker file of <paramref name="stateFile"/>.</summary>
    public BreakerStateFile(string stateFile)
    {
        _path = stateFile + ".breaker";
        _temp = _path + ".tmp";
    }

    /// <summary>The breaker file's path.</summary>
    public string Path => _path;

    /// <summary>The kept position (<see cref="BreakerPosition"/> Open or Closed), or null (no file: a new breaker,
    /// delivered closed; or text that is neither).</summary>
    public int? Read()
    {
        if (!File.Exists(_path)) return null;
        string text = File.ReadAllText(_path).Trim();
        return text == OpenText ? BreakerPosition.Open : text == ClosedText ? BreakerPosition.Closed : null;
    }

    /// <summary>Replaces the kept position with <paramref name="position"/> (Open or Closed).</summary>
    public void Write(int position)
    {
        if (position != BreakerPosition.Open && position != BreakerPosition.Closed)
            throw new ArgumentOutOfRangeException(nameof(position), "contacts are open or closed");
        File.WriteAllText(_temp, position == BreakerPosition.Open ? OpenText : ClosedText);
        File.Move(_temp, _path, overwrite: true);
    }
}
