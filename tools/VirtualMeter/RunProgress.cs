using System.Diagnostics;
using System.Globalization;

namespace Meter.VirtualMeter;

/// <summary>
/// How far a run with <c>--duration</c> is: percent of the simulated time done, the simulated date
/// and the wall time left at the pace so far. Printed every few seconds when stdout is not a
/// terminal, shown under the screen when it is.
/// </summary>
public sealed class RunProgress
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _duration;

    /// <summary>Progress of a run of <paramref name="duration"/> simulated time, started now.</summary>
    public RunProgress(TimeSpan duration) => _duration = duration;

    /// <summary>"progress 42.0 % · simulated 2025-06-03 12:00Z · 35 s left" for <paramref name="simulated"/> done, the meter's clock at <paramref name="utc"/>.</summary>
    public string Line(TimeSpan simulated, DateTime utc)
    {
        double done = Math.Clamp(simulated / _duration, 0, 1);
        string left = done <= 0 ? "time left unknown yet" : Format(_wall.Elapsed * ((1 - done) / done)) + " left";
        return string.Create(CultureInfo.InvariantCulture, $"progress {100 * done:0.0} % · simulated {utc:yyyy-MM-dd HH:mm}Z · {left}");
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes:00} min")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(t.TotalSeconds):0} s");
}
