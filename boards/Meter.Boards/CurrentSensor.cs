namespace Meter.Boards
{
    /// <summary>How the phase currents reach the ADE7880's current inputs.</summary>
    public enum CurrentSensor
    {
        /// <summary>Current transformer with a differential burden resistor.</summary>
        CurrentTransformer,
        /// <summary>Shunt resistor in the phase conductor (single-phase, ADE7880 referenced to the line).</summary>
        Shunt,
    }
}
