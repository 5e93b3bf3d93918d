namespace Meter.Core
{
    /// <summary>
    /// One stored list served as a VDEW / DIN 43863-3 range request R1 "P.nn(from;to)" by the
    /// <see cref="RangeRequestLink"/>: P.01 load profile (<see cref="ProfileRequest"/>), P.98
    /// logbook (<see cref="EventLogRequest"/>).
    /// </summary>
    public interface IRangeRequest
    {
        /// <summary>The nn of "P.nn" this request answers (1 … 99).</summary>
        int Number { get; }

        /// <summary>
        /// Writes the answer's data (between <see cref="RangeAnswer.Begin"/> and
        /// <see cref="RangeAnswer.End"/>, which the link calls) for the entries whose local time
        /// lies in <paramref name="fromLocalSecond"/> … <paramref name="toLocalSecond"/>
        /// (inclusive, seconds since 1970 local time; long.MinValue / long.MaxValue = open).
        /// </summary>
        void Answer(long fromLocalSecond, long toLocalSecond, RangeAnswer answer);
    }
}
