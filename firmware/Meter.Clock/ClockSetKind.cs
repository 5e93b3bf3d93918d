namespace Meter.Clock
{
    /// <summary>How a clock setting was applied.</summary>
    public enum ClockSetKind
    {
        /// <summary>A small correction inside the current integration period: the profile interval carries on.</summary>
        Adjusted = 0,

        /// <summary>A large jump (or a set of an invalid clock): the profile interval that was running is closed and marked.</summary>
        Jumped = 1,
    }
}
