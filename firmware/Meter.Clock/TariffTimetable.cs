using System;

namespace Meter.Clock
{
    /// <summary>
    /// The tariff control table (seeds: "OOO Tariff control table / Holiday table"): seasons, each
    /// with a day profile per day type, and a holiday table. Evaluated on local time, so
    /// switching points follow summer time.
    /// </summary>
    public sealed class TariffTimetable
    {
        /// <summary>Most seasons.</summary>
        public const int MaxSeasons = 8;

        private readonly TariffSeason[] _seasons = new TariffSeason[MaxSeasons]; // sorted by start date
        private readonly HolidayTable _holidays;
        private int _seasonCount;

        /// <summary>Creates an empty timetable using <paramref name="holidays"/> (may be empty, not null).</summary>
        public TariffTimetable(HolidayTable holidays)
        {
            if (holidays == null)
            {
                throw new ArgumentNullException("holidays");
            }

            _holidays = holidays;
        }

        /// <summary>A one-season timetable: the same day profiles all year.</summary>
        public static TariffTimetable AllYear(HolidayTable holidays, TariffDayProfile workingDay, TariffDayProfile saturday, TariffDayProfile sundayOrHoliday)
        {
            TariffTimetable table = new TariffTimetable(holidays);
            table.AddSeason(new TariffSeason(1, 1, workingDay, saturday, sundayOrHoliday));
            return table;
        }

        /// <summary>The holiday table.</summary>
        public HolidayTable Holidays => _holidays;

        /// <summary>Number of seasons.</summary>
        public int SeasonCount => _seasonCount;

        /// <summary>Adds a season; start dates must differ. Returns this timetable.</summary>
        public TariffTimetable AddSeason(TariffSeason season)
        {
            if (season == null)
            {
                throw new ArgumentNullException("season");
            }

            if (_seasonCount == MaxSeasons)
            {
                throw new InvalidOperationException("timetable is full (8 seasons)");
            }

            for (int i = 0; i < _seasonCount; i++)
            {
                if (_seasons[i].StartKey == season.StartKey)
                {
                    throw new ArgumentException("two seasons cannot start on the same date");
                }
            }

            int at = _seasonCount;
            while (at > 0 && _seasons[at - 1].StartKey > season.StartKey)
            {
                _seasons[at] = _seasons[at - 1];
                at--;
            }

            _seasons[at] = season;
            _seasonCount++;
            return this;
        }

        /// <summary>The day type of a local date: holidays and Sundays share one profile.</summary>
        public DayType DayTypeOf(LocalDateTime local)
        {
            DayOfWeek weekday = local.DayOfWeek;
            if (weekday == DayOfWeek.Sunday || _holidays.IsHoliday(local))
            {
                return DayType.SundayOrHoliday;
            }

            return weekday == DayOfWeek.Saturday ? DayType.Saturday : DayType.WorkingDay;
        }

        /// <summary>
        /// The season in force on a local date: the one with the latest start on or before it;
        /// before the first start of the year, the last season of the previous year.
        /// </summary>
        public TariffSeason SeasonOf(LocalDateTime local)
        {
            if (_seasonCount == 0)
            {
                throw new InvalidOperationException("tariff timetable has no season");
            }

            int key = local.Month * 100 + local.Day;
            for (int i = _seasonCount - 1; i >= 0; i--)
            {
                if (_seasons[i].StartKey <= key)
                {
                    return _seasons[i];
                }
            }

            return _seasons[_seasonCount - 1];
        }

        /// <summary>The day profile in force on a local date.</summary>
        public TariffDayProfile ProfileOf(LocalDateTime local)
        {
            return SeasonOf(local).ProfileFor(DayTypeOf(local));
        }

        /// <summary>The tariff index (0..7) at a local time.</summary>
        public int TariffAt(LocalDateTime local)
        {
            return ProfileOf(local).TariffAt(local.SecondOfDay);
        }
    }
}
