namespace Meter.Metrology.Quality
{
    /// <summary>Outcome of one EN 50160 criterion over a week.</summary>
    public static class En50160Verdict
    {
        /// <summary>No unflagged value of the quantity in the week (e.g. no unbalance on a single-phase meter).</summary>
        public const int NoData = 0;
        /// <summary>The week meets the criterion.</summary>
        public const int Pass = 1;
        /// <summary>The week does not meet it.</summary>
        public const int Fail = 2;
    }
}
