namespace Meter.Storage
{
    /// <summary>
    /// The message of a memory whose layout version this firmware neither reads nor upgrades in place
    /// (MeterStorage.Open refuses it and leaves it untouched; README "Layout versions").
    /// </summary>
    internal static class LayoutVersionRefusal
    {
        /// <summary>Why a memory of layout version <paramref name="found"/> (from its format record) is refused.</summary>
        // Layout versions 2 and 3 hold the 16-value settings record right before the demand record
        // and the load profile: the larger record of version 4/5 moves both, and the profile's block
        // ring fills the memory to its end, so there is no power-fail-safe way to upgrade in place
        // (README "Layout versions"). Versions named without number formatting (nano allow-list).
        public static string Message(long found)
        {
            if (found == StorageLayout.Version + StorageLayout.QualityVersionStep || found == StorageLayout.Version + 1 + StorageLayout.QualityVersionStep)
            {
                // A memory with the quality area opened by a firmware built without quality measurement: no way back in place.
                return "NV memory holds layout version 8 or 9 (with the analysis logger and weekly EN 50160 results of quality measurement); "
                    + "this firmware is built without quality measurement (layout version 6 or 7). It was left untouched: "
                    + "build the firmware with quality measurement, or read the meter out and format deliberately (reformatting erases it)";
            }
            string what = found == 3 ? "layout version 3 (the assembled meter's, settings record of 16 values)"
                : found == 2 ? "layout version 2 (settings record of 16 values)"
                : found == 1 ? "layout version 1 (no settings record)"
                : "another storage layout version";
            return "NV memory holds " + what + "; this firmware reads layout version 6, or 7 with the demand record of the assembled meter "
                + "(versions 4 and 5 are upgraded in place), "
                + "whose settings record of 128 values (display, readout and holiday lists) moves the demand record and the load profile. "
                + "It is not upgraded in place and was left untouched: read the meter out with the older firmware, then format deliberately "
                + "(reformatting erases it)";
        }
    }
}
