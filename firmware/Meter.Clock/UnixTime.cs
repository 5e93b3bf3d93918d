using System;

namespace Meter.Clock
{
    /// <summary>
    /// Converts between <see cref="DateTime"/> (UTC) and whole seconds since 1970-01-01T00:00:00Z,
    /// the integer time the clock and tariff logic compute with. Only
    /// <see cref="DateTime.Ticks"/> and the (ticks, kind) constructor are used, which behave the
    /// same on nanoFramework (origin 1601, .NET-compatible ticks) and on .NET.
    /// </summary>
    public static class UnixTime
    {
        /// <summary>100-ns ticks in one second.</summary>
        public const long TicksPerSecond = 10000000;

        /// <summary>Seconds in one day.</summary>
        public const int SecondsPerDay = 86400;

        /// <summary>DateTime ticks at 1970-01-01T00:00:00Z (719162 days × 864 000 000 000).</summary>
        public const long EpochTicks = 621355968000000000;

        /// <summary>Whole seconds since 1970-01-01 of <paramref name="utc"/>; sub-second ticks are dropped (floored).</summary>
        public static long ToSeconds(DateTime utc)
        {
            return FloorDiv(utc.Ticks - EpochTicks, TicksPerSecond);
        }

        /// <summary>The UTC <see cref="DateTime"/> <paramref name="seconds"/> after 1970-01-01T00:00:00Z.</summary>
        public static DateTime ToDateTime(long seconds)
        {
            return new DateTime(EpochTicks + seconds * TicksPerSecond, DateTimeKind.Utc);
        }

        /// <summary>Integer division rounding towards minus infinity.</summary>
        public static long FloorDiv(long value, long divisor)
        {
            long quotient = value / divisor;
            long remainder = value - quotient * divisor; // one division: the remainder without a second one
            if ((remainder != 0) && ((value < 0) != (divisor < 0)))
            {
                quotient--;
            }

            return quotient;
        }

        /// <summary>Remainder matching <see cref="FloorDiv"/>: always in 0..divisor-1 for a positive divisor.</summary>
        public static long FloorMod(long value, long divisor)
        {
            return value - FloorDiv(value, divisor) * divisor;
        }
    }
}
