using System;

namespace Meter.Clock
{
    /// <summary>
    /// The switching points of one day: from each point (local time of day) the given tariff
    /// applies until the next point. The day always starts with a tariff from 00:00, so a day
    /// never depends on the one before.
    /// </summary>
    public sealed class TariffDayProfile
    {
        /// <summary>Most switching points a day holds, the midnight one included.</summary>
        public const int MaxSwitchingPoints = 16;

        private readonly int[] _startSecond = new int[MaxSwitchingPoints];
        private readonly int[] _tariff = new int[MaxSwitchingPoints];
        private int _count;

        /// <summary>Creates a day whose tariff from 00:00 is <paramref name="tariffFromMidnight"/> (0..7).</summary>
        public TariffDayProfile(int tariffFromMidnight)
        {
            Tariffs.CheckIndex(tariffFromMidnight);
            _startSecond[0] = 0;
            _tariff[0] = tariffFromMidnight;
            _count = 1;
        }

        /// <summary>
        /// Adds a switching point at <paramref name="hour"/>:<paramref name="minute"/> local time to
        /// <paramref name="tariffIndex"/>. Points must be added in increasing time order.
        /// Returns this profile, so a day reads as one expression.
        /// </summary>
        public TariffDayProfile SwitchAt(int hour, int minute, int tariffIndex)
        {
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
            {
                throw new ArgumentOutOfRangeException("hour", "switching time must be 00:00..23:59");
            }

            Tariffs.CheckIndex(tariffIndex);
            int second = hour * 3600 + minute * 60;
            if (second <= _startSecond[_count - 1])
            {
                throw new ArgumentException("switching points must be added in increasing time order");
            }

            if (_count == MaxSwitchingPoints)
            {
                throw new InvalidOperationException("day profile is full (16 switching points)");
            }

            _startSecond[_count] = second;
            _tariff[_count] = tariffIndex;
            _count++;
            return this;
        }

        /// <summary>Number of switching points, the midnight one included.</summary>
        public int Count => _count;

        /// <summary>The tariff in force at <paramref name="secondOfDay"/> (0..86399, local).</summary>
        public int TariffAt(int secondOfDay)
        {
            int i = _count - 1;
            while (i > 0 && _startSecond[i] > secondOfDay)
            {
                i--;
            }

            return _tariff[i];
        }

        /// <summary>The first switching point strictly after <paramref name="secondOfDay"/>, or 86400 (next midnight) if none.</summary>
        public int NextSwitchAfter(int secondOfDay)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_startSecond[i] > secondOfDay)
                {
                    return _startSecond[i];
                }
            }

            return UnixTime.SecondsPerDay;
        }
    }
}
