namespace Meter.Rig;

/// <summary>
/// A meter test bench: sources voltage and current per phase at a set phase angle, counts the reference energy
/// and the meter's calibration-LED pulses (a pulse comparator). The simulated rig (<see cref="SimulatedRig"/>) and a
/// real bench on a serial line (<see cref="SerialRig"/>, docs/bench-rig.md) implement it.
/// </summary>
public interface IReferenceRig : IDisposable
{
    /// <summary>One line naming the rig (shown in reports).</summary>
    string Description { get; }

    /// <summary>Sets what phase <paramref name="phase"/> (1..3) sources; takes effect at once.</summary>
    /// <exception cref="ArgumentException">A phase the meter has not, or a value the rig cannot source.</exception>
    void SetPhase(int phase, PhaseSetting setting);

    /// <summary>
    /// Counts from one LED pulse to the <paramref name="pulses"/>-th after it (the gate opens and closes on a pulse,
    /// as a pulse comparator does) and returns the reference energy over the same gate.
    /// </summary>
    /// <exception cref="TimeoutException">No pulses came where the load makes them expected.</exception>
    RigResult RunPulses(int pulses);

    /// <summary>Sources the set load for <paramref name="duration"/>; the pulses counted and the reference energy.</summary>
    RigResult RunFor(TimeSpan duration);
}
