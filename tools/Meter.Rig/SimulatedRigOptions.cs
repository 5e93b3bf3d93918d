namespace Meter.Rig;

/// <summary>The simulated rig's meter: preset, injected errors, optical port.</summary>
public sealed class SimulatedRigOptions
{
    /// <summary>Meter preset (Meter.Boards MeterPresets): direct-5-105a (default), ct-5-6a, single-phase-5-100a.</summary>
    public string Preset { get; set; } = "direct-5-105a";

    /// <summary>Current gain error injected into the simulated chip, percent (e.g. 0.8: reads 0.8 % high until calibrated).</summary>
    public decimal GainErrorPercent { get; set; }

    /// <summary>Current phase error injected into the simulated chip, degrees (positive = the current is seen lagging more).</summary>
    public decimal PhaseErrorDegrees { get; set; }

    /// <summary>The meter's optical port: "none" (default) or "tcp:127.0.0.1:0" (any free port) for a MeterTool session.</summary>
    public string Optical { get; set; } = "none";
}
