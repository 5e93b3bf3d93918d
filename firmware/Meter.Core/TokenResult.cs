namespace Meter.Core
{
    /// <summary>What became of a prepayment token (<see cref="PrepaymentToken"/>); also the event detail's old value when refused.</summary>
    public static class TokenResult
    {
        /// <summary>Verified and applied.</summary>
        public const int Applied = 0;
        /// <summary>Not a token: wrong length, not hexadecimal, or (with a valid MAC) an amount of 0.</summary>
        public const int BadFormat = 1;
        /// <summary>Made for another meter (the meter-number binding differs).</summary>
        public const int WrongMeter = 2;
        /// <summary>The integrity check does not match: altered, or made with another secret.</summary>
        public const int BadIntegrity = 3;
        /// <summary>The sequence number of the last token applied: a replay.</summary>
        public const int Replayed = 4;
        /// <summary>A sequence number below the last one applied.</summary>
        public const int OutOfSequence = 5;
        /// <summary>The meter has no token secret yet.</summary>
        public const int NoSecret = 6;
        /// <summary>The credit would pass its limit (<see cref="PrepaymentCredit.MaximumLoadedWh"/>).</summary>
        public const int CreditLimit = 7;
        /// <summary>Prepayment is not active (start it with a starting credit first).</summary>
        public const int NotActive = 8;
    }
}
