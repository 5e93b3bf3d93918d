using System;

namespace Meter.Hal
{
    /// <summary>
    /// A battery- or supercap-backed real-time clock chip (DS3234 on the reference board, a
    /// virtual clock on the host). It keeps UTC in whole seconds while the meter is off and
    /// tells whether its oscillator stopped (backup lost), so the meter can mark its time
    /// invalid instead of trusting a clock that restarted from its reset value.
    /// </summary>
    public interface IRtc
    {
        /// <summary>
        /// Reads the chip's time as UTC. Returns <c>false</c> (and leaves
        /// <paramref name="utc"/> at an unspecified value) when the chip's registers do not
        /// hold a valid date, which happens after a backup loss on some parts.
        /// </summary>
        bool TryReadUtc(out DateTime utc);

        /// <summary>
        /// Sets the chip's time (UTC, whole seconds; sub-second ticks are dropped), makes sure
        /// its oscillator keeps running on backup, and clears its oscillator-stop flag.
        /// Throws <see cref="ArgumentOutOfRangeException"/> when the chip cannot hold the date.
        /// </summary>
        void WriteUtc(DateTime utc);

        /// <summary>
        /// <c>true</c> when the oscillator stopped since the last <see cref="WriteUtc"/>
        /// (first power-up, backup supply exhausted): the time read is not trustworthy.
        /// </summary>
        bool HasLostTime();

        /// <summary>
        /// The frequency trim now applied, in tenths of ppm; positive makes the clock run faster.
        /// </summary>
        int TrimTenthsPpm { get; }

        /// <summary>
        /// Applies a frequency trim in tenths of ppm (positive makes the clock run faster),
        /// rounded to the chip's step. Throws <see cref="ArgumentOutOfRangeException"/> beyond
        /// the chip's range.
        /// </summary>
        void SetTrimTenthsPpm(int tenthsPpm);
    }
}
