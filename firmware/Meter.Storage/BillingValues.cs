namespace Meter.Storage
{
    /// <summary>
    /// Suggested order of the values captured at the end of a debiting period: the list in the
    /// Kamstrup 351 B / 382 J data sheets, "Permanent memory" ("Various", "Energy registers",
    /// "Power registers"). Times of maxima are minutes since 2000-01-01 00:00 local time. The
    /// debiting stop counter is not a value: it is the period's <see cref="PeriodRecord.Sequence"/>.
    /// </summary>
    public static class BillingValues
    {
        /// <summary>Hour counter (hours with supply).</summary>
        public const int HourCounter = 0;
        /// <summary>Power threshold counter (A+).</summary>
        public const int PowerThresholdCounter = 1;
        /// <summary>Pulse input count.</summary>
        public const int PulseInput = 2;
        /// <summary>Current transformer ratio (primary amperes per 5 A).</summary>
        public const int TransformerRatio = 3;
        /// <summary>Active positive energy A+.</summary>
        public const int APlus = 4;
        /// <summary>Active negative energy A-.</summary>
        public const int AMinus = 5;
        /// <summary>Reactive positive energy R+.</summary>
        public const int RPlus = 6;
        /// <summary>Reactive negative energy R-.</summary>
        public const int RMinus = 7;
        /// <summary>A+ tariff 1; tariffs 2–4 follow.</summary>
        public const int APlusTariff1 = 8;
        /// <summary>R+ tariff 1; tariffs 2–4 follow.</summary>
        public const int RPlusTariff1 = 12;
        /// <summary>Peak power P+max.</summary>
        public const int PPlusMax = 16;
        /// <summary>Time of P+max.</summary>
        public const int PPlusMaxTime = 17;
        /// <summary>Accumulated peak power P+max acc.</summary>
        public const int PPlusMaxAccumulated = 18;
        /// <summary>Peak power Q+max.</summary>
        public const int QPlusMax = 19;
        /// <summary>Time of Q+max.</summary>
        public const int QPlusMaxTime = 20;
        /// <summary>Accumulated peak power Q+max acc.</summary>
        public const int QPlusMaxAccumulated = 21;
        /// <summary>P+max tariff 1, then its time; tariff 2 at +2, +3.</summary>
        public const int PPlusMaxTariff1 = 22;
        /// <summary>Q+max tariff 1, then its time; tariff 2 at +2, +3.</summary>
        public const int QPlusMaxTariff1 = 26;
        /// <summary>Number of values in this list.</summary>
        public const int Count = 30;
    }
}
