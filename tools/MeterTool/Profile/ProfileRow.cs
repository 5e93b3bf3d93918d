namespace Meter.Tool.Profile;

/// <summary>One interval of a load profile as read over the optical port (Meter.Storage's ProfileEntry is the meter's own record).</summary>
/// <param name="End">Time stamp of the entry (end of the integration period, meter local time).</param>
/// <param name="Status">Status word of the block the entry belongs to.</param>
/// <param name="Values">One value a channel.</param>
public sealed record ProfileRow(DateTime End, string Status, IReadOnlyList<decimal> Values)
{
    /// <summary>Integration period of the entry's header (minutes): a change of period starts a new header.</summary>
    public int PeriodMinutes { get; init; }

    /// <summary>
    /// The clock was set here: the interval's status has the meter's clock-set flag (02, Meter.Storage
    /// IntervalStatus.ClockSet), or the meter recorded it after an interval that ends later or at the same
    /// time (the clock went back). Marked in the CSV and on the chart.
    /// </summary>
    public bool ClockChange { get; init; }

    /// <summary>Which stretch of record order the entry is in: 0, then one more each time the clock went back (each stretch runs forward in time).</summary>
    public int Run { get; init; }
}
