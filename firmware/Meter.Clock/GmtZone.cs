using System;

namespace Meter.Clock
{
    /// <summary>
    /// The seeds' "LL GMT" configuration code (Kamstrup 351/382 data sheets, configuration 3;
    /// OMNIPOWER Z11): 00–12 mean UTC+0..+12 h, 13–23 mean UTC−11..−1 h (code − 24).
    /// </summary>
    public static class GmtZone
    {
        /// <summary>Highest valid code.</summary>
        public const int MaxCode = 23;

        /// <summary>Standard-time offset from UTC in whole hours for a GMT code.</summary>
        public static int OffsetHours(int gmtCode)
        {
            if (gmtCode < 0 || gmtCode > MaxCode)
            {
                throw new ArgumentOutOfRangeException("gmtCode", "GMT code must be 00..23 (LL code of the seeds)");
            }

            // Codes 13..23 are the negative offsets -11..-1 (Kamstrup 351 data sheet, "LL GMT").
            return gmtCode <= 12 ? gmtCode : gmtCode - 24;
        }

        /// <summary>The GMT code for a standard-time offset of −11..+12 hours.</summary>
        public static int CodeForOffsetHours(int offsetHours)
        {
            if (offsetHours < -11 || offsetHours > 12)
            {
                throw new ArgumentOutOfRangeException("offsetHours", "GMT codes cover -11..+12 hours");
            }

            return offsetHours >= 0 ? offsetHours : offsetHours + 24;
        }
    }
}
