namespace Meter.Storage
{
    /// <summary>
    /// Load-profile channel sets by the meter's energy type: Kamstrup 351 B X5 (1 A+, 2 A+/A-,
    /// 3 A+/R+, 4 A+/A-/R+/R-) and OMNIPOWER Z29 (A+/A-/R1/R2/R3/R4, A+/A-/R+/R-/R1/R2/R3/R4).
    /// The values given to <see cref="LoadProfile.Append"/> follow the order of the set's name.
    /// </summary>
    public static class ProfileChannels
    {
        /// <summary>A+ only.</summary>
        public const int APlus = 1;

        /// <summary>A+, A-.</summary>
        public const int APlusAMinus = 2;

        /// <summary>A+, R+.</summary>
        public const int APlusRPlus = 3;

        /// <summary>A+, A-, R+, R-.</summary>
        public const int FourQuadrant = 4;

        /// <summary>A+, A-, R1, R2, R3, R4.</summary>
        public const int ActiveAndQuadrants = 5;

        /// <summary>A+, A-, R+, R-, R1, R2, R3, R4.</summary>
        public const int All = 6;

        /// <summary>Number of channels of channel set <paramref name="set"/>.</summary>
        public static int ChannelCount(int set)
        {
            switch (set)
            {
                case APlus:
                    return 1;
                case APlusAMinus:
                case APlusRPlus:
                    return 2;
                case FourQuadrant:
                    return 4;
                case ActiveAndQuadrants:
                    return 6;
                case All:
                    return 8;
                default:
                    throw new System.ArgumentException("unknown load-profile channel set");
            }
        }

        /// <summary>Short name of channel set <paramref name="set"/>, as in the data sheets' tables.</summary>
        public static string Name(int set)
        {
            switch (set)
            {
                case APlus:
                    return "A+";
                case APlusAMinus:
                    return "A+/A-";
                case APlusRPlus:
                    return "A+/R+";
                case FourQuadrant:
                    return "A+/A-/R+/R-";
                case ActiveAndQuadrants:
                    return "A+/A-/R1-R4";
                case All:
                    return "A+/A-/R+/R-/R1-R4";
                default:
                    throw new System.ArgumentException("unknown load-profile channel set");
            }
        }
    }
}
