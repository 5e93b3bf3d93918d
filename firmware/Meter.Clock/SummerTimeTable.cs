namespace Meter.Clock
{
    /// <summary>
    /// The seeds' "PPP Summer/normal time table" (Kamstrup 351/382 configuration 4, OMNIPOWER Z15).
    /// </summary>
    public enum SummerTimeTable
    {
        /// <summary>000: no summer time; local time is always standard time.</summary>
        None = 0,

        /// <summary>001: EU rule, +1 h from the last Sunday of March to the last Sunday of October, 01:00 UTC.</summary>
        Eu = 1,
    }
}
