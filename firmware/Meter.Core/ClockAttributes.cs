using Meter.Clock;
using Meter.Dlms;

namespace Meter.Core
{
    /// <summary>
    /// Attributes 3-9 of the clock 0-0:1.0.0.255 (class 8, Blue Book 4.5.1) from the meter's <see cref="LocalTimeRule"/>:
    /// time_zone (3, long: minutes, same sign as the date-time deviation, UTC − local normal time: CET −60), status
    /// (4, unsigned: bit 7 daylight saving active), daylight_savings_begin/end (5/6, date-time with wildcards: year
    /// 0xFFFF, day of month 0xFE = last, day of week 7 = Sunday, i.e. "the last Sunday of March/October" at the local
    /// wall-clock time of the EU change at 01:00 UTC), daylight_savings_deviation (7, integer minutes: 60),
    /// daylight_savings_enabled (8, boolean), clock_base (9, enum 1: internal crystal, the RTC).
    /// </summary>
    public sealed class ClockAttributes
    {
        private const int LastDayOfMonth = 0xFE;
        private const int Sunday = 7;
        private const int ClockBaseInternalCrystal = 1;
        private const int SummerShiftMinutes = 60;

        private readonly LocalTimeRule _rule;
        private readonly MeterTime _time;

        /// <summary>The clock of <paramref name="rule"/>, its status from the time now (<paramref name="time"/>).</summary>
        public ClockAttributes(LocalTimeRule rule, MeterTime time)
        {
            _rule = rule;
            _time = time;
        }

        /// <summary>Writes attribute 3 … 9.</summary>
        public DataAccessResult Write(int attributeId, AxdrWriter value)
        {
            bool summerTime = _rule.SummerTime == SummerTimeTable.Eu;
            int standardMinutes = _rule.StandardOffsetSeconds / 60;
            switch (attributeId)
            {
                case 3: value.WriteLong((short)-standardMinutes); break;
                case 4: value.WriteUnsigned((byte)(_rule.IsSummerTime(_time.UtcSeconds) ? CosemDateTime.DaylightSavingActive : 0)); break;
                case 5: WriteChange(value, summerTime, 3, 60 + standardMinutes); break;                        // 01:00 UTC in normal time
                case 6: WriteChange(value, summerTime, 10, 60 + standardMinutes + SummerShiftMinutes); break; // 01:00 UTC in summer time
                case 7: value.WriteInteger(SummerShiftMinutes); break;
                case 8: value.WriteBoolean(summerTime); break;
                case 9: value.WriteEnum(ClockBaseInternalCrystal); break;
                default: return DataAccessResult.ObjectUnavailable;
            }
            return DataAccessResult.Success;
        }

        // "Last Sunday of <month> at hh:mm local" (a zone whose change falls on another day is not expressible this way:
        // the time of day is taken modulo 24 h); every field not specified without summer time.
        private static void WriteChange(AxdrWriter value, bool summerTime, int month, int localMinuteOfDay)
        {
            if (!summerTime) { DemandRegisterValues.WriteUnspecified(value); return; }
            int minute = ((localMinuteOfDay % 1440) + 1440) % 1440;
            value.WriteDateTime(0xFFFF, month, LastDayOfMonth, Sunday, minute / 60, minute % 60, 0, 0, 0x8000, 0xFF);
        }
    }
}
