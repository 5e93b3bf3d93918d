namespace Meter.Hal.Simulation.Ade7880;

/// <summary>
/// A phase's load over virtual time: a base load plus scheduled steps, ramps, sags and outages
/// (times in µs of the simulated chip's clock). Sags and outages overlay whatever load holds.
/// </summary>
public sealed class PhaseSource
{
    private abstract record Change(long StartUs, long EndUs);
    private sealed record StepChange(long StartUs, PhaseLoad Load) : Change(StartUs, StartUs);
    private sealed record RampChange(long StartUs, long EndUs, PhaseLoad Target) : Change(StartUs, EndUs);
    private sealed record SagChange(long StartUs, long EndUs, double Factor) : Change(StartUs, EndUs);

    private readonly List<Change> _changes = new();

    /// <summary>Creates the source with <paramref name="load"/> from time 0.</summary>
    public PhaseSource(PhaseLoad load) => BaseLoad = load;

    /// <summary>The load before any scheduled change.</summary>
    public PhaseLoad BaseLoad { get; private set; }

    /// <summary>Replaces the load now and drops every scheduled change.</summary>
    public void Set(PhaseLoad load)
    {
        BaseLoad = load;
        _changes.Clear();
    }

    /// <summary>The load switches to <paramref name="load"/> at <paramref name="atUs"/>.</summary>
    public void StepAt(long atUs, PhaseLoad load) => _changes.Add(new StepChange(atUs, load));

    /// <summary>The load moves linearly to <paramref name="target"/> between the two times.</summary>
    public void RampBetween(long fromUs, long toUs, PhaseLoad target)
    {
        if (toUs <= fromUs) throw new ArgumentException("a ramp must end after it starts");
        _changes.Add(new RampChange(fromUs, toUs, target));
    }

    /// <summary>The voltage drops to <paramref name="factor"/> × its value for <paramref name="durationUs"/>.</summary>
    public void SagAt(long atUs, long durationUs, double factor) => _changes.Add(new SagChange(atUs, atUs + durationUs, factor));

    /// <summary>Voltage and current are zero for <paramref name="durationUs"/>.</summary>
    public void OutageAt(long atUs, long durationUs) => _changes.Add(new SagChange(atUs, atUs + durationUs, 0.0));

    /// <summary>The load at <paramref name="timeUs"/>.</summary>
    public PhaseLoad LoadAt(long timeUs) =>
        _changes.Count == 0 ? BaseLoad : LoadWithChangesAt(timeUs); // the common case, asked several times per simulated second

    // Apart from LoadAt: the lambda below captures sag, and C# allocates the closure for it on
    // entry to the method that declares it, i.e. on every call, even for a constant load.
    private PhaseLoad LoadWithChangesAt(long timeUs)
    {
        PhaseLoad load = BaseLoad;
        double sag = 1.0;
        foreach (var change in _changes.OrderBy(c => c.StartUs))
        {
            if (change.StartUs > timeUs) break;
            switch (change)
            {
                case StepChange step:
                    load = step.Load;
                    break;
                case RampChange ramp:
                    load = load.Lerp(ramp.Target, Math.Min(1.0, (double)(timeUs - ramp.StartUs) / (ramp.EndUs - ramp.StartUs)));
                    break;
                case SagChange s when timeUs < s.EndUs:
                    sag = Math.Min(sag, s.Factor);
                    break;
            }
        }
        if (sag >= 1.0) return load;
        if (sag == 0.0) return PhaseLoad.Off(load.FrequencyHz);
        return load with { VoltageRms = load.VoltageRms * sag, Harmonics = load.Harmonics.Select(h => h with { VoltageRms = h.VoltageRms * sag }).ToArray() };
    }

    /// <summary>The first time after <paramref name="timeUs"/> at which the load jumps or a ramp starts/ends.</summary>
    public long NextBreakAfter(long timeUs)
    {
        long next = long.MaxValue;
        foreach (var c in _changes)
        {
            if (c.StartUs > timeUs) next = Math.Min(next, c.StartUs);
            else if (c.EndUs > timeUs) next = Math.Min(next, c.EndUs);
        }
        return next;
    }

    /// <summary>Whether a ramp is in progress at <paramref name="timeUs"/> (the load changes continuously).</summary>
    public bool IsRamping(long timeUs)
    {
        foreach (var c in _changes)
            if (c is RampChange r && r.StartUs <= timeUs && timeUs < r.EndUs) return true;
        return false;
    }
}
