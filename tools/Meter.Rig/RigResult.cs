namespace Meter.Rig;

/// <summary>One run of the rig: reference energy over the gate (Wh, the magnitude: import and export alike), the meter's LED pulses, the gate's length.</summary>
public sealed record RigResult(decimal ReferenceWh, long MeterPulses, long Milliseconds);
