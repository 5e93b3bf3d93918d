namespace Meter.Storage
{
    /// <summary>
    /// When a period logger closes a period. Billing (debiting) logger: target date code GG
    /// 00–28 and interval code HH 00–24 (Kamstrup 351 B / 382 J data sheets, "Configuration 2
    /// (FFF-GG-HH-I)"; OMNIPOWER Z6/Z7). Logger 2: code U 1 daily, 2 weekly, 3 monthly (351 B
    /// "Configuration 5", OMNIPOWER Z25). A period closes at 00:00 local time at the start of
    /// the target day.
    /// </summary>
    public sealed class PeriodSchedule
    {
        private const int KindExternal = 0;
        private const int KindMonthDay = 1;
        private const int KindDaily = 2;
        private const int KindWeekly = 3;

        private readonly int _kind;
        private readonly int _targetDay;
        private readonly int _monthMask;
        private readonly int _code;

        private PeriodSchedule(int kind, int targetDay, int monthMask, int code)
        {
            _kind = kind;
            _targetDay = targetDay;
            _monthMask = monthMask;
            _code = code;
        }

        /// <summary>
        /// The billing logger's schedule from target date code GG (00 = externally controlled,
        /// 01–28 = day of month) and debiting logging interval code HH (00 = none / externally
        /// controlled, 01 monthly, 02–03 every second month from January / February, 04–06
        /// every third month from January–March, 07–12 half-yearly from January–June, 13–24
        /// yearly in January–December).
        /// </summary>
        public static PeriodSchedule ForBilling(int targetDateCode, int intervalCode)
        {
            if (targetDateCode < 0 || targetDateCode > 28)
            {
                throw new System.ArgumentException("target date code GG must be 00 (external) or 01-28");
            }
            if (intervalCode < 0 || intervalCode > 24)
            {
                throw new System.ArgumentException("debiting logging interval code HH must be 00-24");
            }
            if (targetDateCode == 0 || intervalCode == 0)
            {
                return new PeriodSchedule(KindExternal, 0, 0, intervalCode);
            }
            return new PeriodSchedule(KindMonthDay, targetDateCode, MonthMaskFor(intervalCode), intervalCode);
        }

        /// <summary>Logger 2's schedule from code U: 1 daily, 2 weekly (Monday 00:00, ISO 8601 week), 3 monthly (1st 00:00).</summary>
        public static PeriodSchedule ForLogger2(int code)
        {
            if (code == 1)
            {
                return new PeriodSchedule(KindDaily, 0, 0, code);
            }
            if (code == 2)
            {
                return new PeriodSchedule(KindWeekly, 0, 0, code);
            }
            if (code == 3)
            {
                return new PeriodSchedule(KindMonthDay, 1, 0xFFF, code);
            }
            throw new System.ArgumentException("logger 2 code U must be 1 (daily), 2 (weekly) or 3 (monthly)");
        }

        /// <summary>A schedule with no automatic closing: periods close only by command or external input.</summary>
        public static PeriodSchedule External()
        {
            return new PeriodSchedule(KindExternal, 0, 0, 0);
        }

        /// <summary>True when the period closes only by command or external input.</summary>
        public bool IsExternallyControlled
        {
            get { return _kind == KindExternal; }
        }

        /// <summary>The configuration code this schedule was made from (HH or U).</summary>
        public int Code
        {
            get { return _code; }
        }

        /// <summary>True when a period may close in <paramref name="month"/> (1–12).</summary>
        public bool ClosesInMonth(int month)
        {
            if (month < 1 || month > 12)
            {
                throw new System.ArgumentException("month must be 1-12");
            }
            if (_kind == KindDaily || _kind == KindWeekly)
            {
                return true;
            }
            return (_monthMask & (1 << (month - 1))) != 0;
        }

        /// <summary>
        /// First closing time strictly after <paramref name="after"/>. Throws
        /// InvalidOperationException for an externally controlled schedule.
        /// </summary>
        public System.DateTime NextClosing(System.DateTime after)
        {
            return StorageTime.FromMinutes(NextClosingMinute(StorageTime.ToMinutes(after)));
        }

        /// <summary>First closing time (minutes since 2000-01-01 00:00) strictly after <paramref name="afterMinute"/>.</summary>
        public long NextClosingMinute(long afterMinute)
        {
            if (_kind == KindExternal)
            {
                throw new System.InvalidOperationException("an externally controlled schedule has no closing times");
            }
            long firstMidnightDay = Meter.Clock.UnixTime.FloorDiv(afterMinute, StorageTime.MinutesPerDay) + 1;
            if (_kind == KindDaily)
            {
                return firstMidnightDay * StorageTime.MinutesPerDay;
            }
            if (_kind == KindWeekly)
            {
                long day = firstMidnightDay;
                while (StorageTime.IsoDayOfWeek(day) != 1)
                {
                    day++;
                }
                return day * StorageTime.MinutesPerDay;
            }
            int year;
            int month;
            int dayOfMonth;
            StorageTime.CivilFromDays(Meter.Clock.UnixTime.FloorDiv(afterMinute, StorageTime.MinutesPerDay), out year, out month, out dayOfMonth);
            // At most 12 months ahead for yearly schedules, plus the current month.
            for (int i = 0; i < 14; i++)
            {
                if ((_monthMask & (1 << (month - 1))) != 0)
                {
                    long boundary = StorageTime.DaysFromCivil(year, month, _targetDay) * StorageTime.MinutesPerDay;
                    if (boundary > afterMinute)
                    {
                        return boundary;
                    }
                }
                month++;
                if (month > 12)
                {
                    month = 1;
                    year++;
                }
            }
            throw new System.InvalidOperationException("schedule has no closing month");
        }

        private static int MonthMaskFor(int intervalCode)
        {
            if (intervalCode == 1)
            {
                return 0xFFF;
            }
            int first;
            int every;
            if (intervalCode <= 3)
            {
                first = intervalCode - 1; // 02 January, 03 February
                every = 2;
            }
            else if (intervalCode <= 6)
            {
                first = intervalCode - 3; // 04 January … 06 March
                every = 3;
            }
            else if (intervalCode <= 12)
            {
                first = intervalCode - 6; // 07 January … 12 June
                every = 6;
            }
            else
            {
                first = intervalCode - 12; // 13 January … 24 December
                every = 12;
            }
            int mask = 0;
            for (int m = first; m <= 12; m += every)
            {
                mask |= 1 << (m - 1);
            }
            return mask;
        }
    }
}
