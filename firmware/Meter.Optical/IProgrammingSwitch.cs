namespace Meter.Optical
{
    /// <summary>
    /// The sealed programming switch (or seal state) guarding legal data: while it is closed,
    /// calibration, the meter constant and energy registers cannot be written, whatever the
    /// password. The board implements it over its input pin.
    /// </summary>
    public interface IProgrammingSwitch
    {
        /// <summary>True while the seal is broken / the switch is in the programming position.</summary>
        bool IsOpen { get; }
    }
}
